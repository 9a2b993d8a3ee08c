package io.rtcgate.domain.interaction;

import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A viewer's comment in a room; {@code seq} is the seq of its {@code comment.posted} event (0 until saved). */
public record Comment(String id, String roomId, String userId, String text, Instant createdAt, long seq) {

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The event that tells the room about it: {@code comment.posted {comment_id, user_id, text}}. */
    public RoomEvent postedEvent() {
        return new RoomEvent(roomId, RoomEventType.COMMENT_POSTED, userId, createdAt,
                Map.of("comment_id", id, "user_id", userId, "text", text));
    }

    public Comment savedAs(long eventSeq) {
        return new Comment(id, roomId, userId, text, createdAt, eventSeq);
    }
}
