package io.rtcgate.app.config;

import io.micronaut.context.annotation.Factory;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.interaction.ChatRooms;
import io.rtcgate.domain.interaction.CommentService;
import io.rtcgate.domain.interaction.CommentStore;
import io.rtcgate.domain.interaction.LikeCounter;
import io.rtcgate.domain.interaction.LikeService;
import io.rtcgate.domain.interaction.MuteService;
import io.rtcgate.domain.interaction.MuteStore;
import io.rtcgate.domain.interaction.RateLimit;
import io.rtcgate.domain.room.RoomIdGenerator;
import io.rtcgate.domain.room.RoomStore;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The room interactions: comments, likes and mutes. */
@Factory
public class InteractionWiring {

    @Singleton
    MuteService muteService(RoomStore rooms, MuteStore mutes, AuditLog audit, Clock clock) {
        return new MuteService(rooms, mutes, audit, clock);
    }

    @Singleton
    CommentService commentService(RoomStore rooms, CommentStore comments, MuteService mutes,
                                  InteractionProperties properties, RoomIdGenerator ids, Clock clock) {
        return new CommentService(rooms, comments, mutes, RateLimit.perSecond(properties.getPerSecond()),
                () -> ids.next().toString(), clock);
    }

    @Singleton
    LikeService likeService(RoomStore rooms, LikeCounter likes, LikeBroadcastProperties properties, Clock clock) {
        return new LikeService(rooms, likes, properties.getLikeBroadcastsPerSecond(), clock);
    }

    @Singleton
    ChatRooms chatRooms(RoomStore rooms) {
        return new ChatRooms(rooms);
    }
}
