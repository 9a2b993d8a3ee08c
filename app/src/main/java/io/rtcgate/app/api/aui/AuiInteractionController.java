package io.rtcgate.app.api.aui;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.interaction.ChatRooms;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.interaction.LikeService;
import io.rtcgate.domain.interaction.MuteService;
import io.rtcgate.domain.room.RoomCounters;
import io.rtcgate.domain.room.RoomMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The AUI AppServer's like and mute calls (the clients' RongCloud fall-backs), which name a room by its
 * {@code chat_id}. iOS reads {@code code == 200} at the top, so each answer carries it beside its fields.
 */
@Tag(name = "AUI AppServer")
@Controller(value = "/api/v1/live", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class AuiInteractionController {

    private static final int OK = 200;

    private final ChatRooms chatRooms;
    private final LikeService likes;
    private final MuteService mutes;
    private final RoomCounters counters;

    public AuiInteractionController(ChatRooms chatRooms, LikeService likes, MuteService mutes, RoomCounters counters) {
        this.chatRooms = chatRooms;
        this.likes = likes;
        this.mutes = mutes;
        this.counters = counters;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SendLike(@Nullable String chatroomId, @Nullable String userId, @Nullable Integer likeCount) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Chatroom(@Nullable String chatroomId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LikeCount(int code, long count) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MuteState(int code, boolean mute) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Statistics(int code, long pv, long uv, long likeCount, long onlineCount) {
    }

    @Operation(summary = "The room's counters: entries (pv), distinct visitors (uv), its like total and who is online now")
    @Post("/getStatistics")
    public Statistics getStatistics(@Body Chatroom request) {
        RoomMetrics metrics = counters.of(roomOf(request.chatroomId()));
        return new Statistics(OK, metrics.pv(), metrics.uv(), metrics.likeCount(), metrics.onlineCount());
    }

    @Operation(summary = "Like a room 1 to 100 times; count is its new total")
    @Post("/sendLikeMessage")
    public LikeCount sendLikeMessage(Authentication auth, @Body SendLike request) {
        Caller caller = AuiLiveController.callerActingAs(auth, request.userId());
        int count = LikeService.requireCount(request.likeCount(), "like_count");
        return new LikeCount(OK, likes.like(roomOf(request.chatroomId()), caller.userId(), count));
    }

    @Operation(summary = "Mute the room's comments but the anchor's and admins' (anchor or admin)")
    @Post("/muteChatroom")
    public MuteState muteChatroom(Authentication auth, @Body Chatroom request) {
        return new MuteState(OK, mutes.muteRoom(Callers.of(auth), roomOf(request.chatroomId())));
    }

    @Operation(summary = "Lift the room's mute (anchor or admin)")
    @Post("/cancelMuteChatroom")
    public MuteState cancelMuteChatroom(Authentication auth, @Body Chatroom request) {
        return new MuteState(OK, mutes.unmuteRoom(Callers.of(auth), roomOf(request.chatroomId())));
    }

    @Operation(summary = "Whether the room is muted")
    @Post("/isMuteChatroom")
    public MuteState isMuteChatroom(@Body Chatroom request) {
        return new MuteState(OK, mutes.roomMuted(roomOf(request.chatroomId())));
    }

    private String roomOf(String chatroomId) {
        return chatRooms.roomIdOf(chatroomId, "chatroom_id");
    }
}
