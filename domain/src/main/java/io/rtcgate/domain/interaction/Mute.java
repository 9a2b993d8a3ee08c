package io.rtcgate.domain.interaction;

import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/** A user who may not comment in a room until {@code until}, muted by {@code mutedBy} at {@code mutedAt}. */
public record Mute(String roomId, String userId, Instant until, String mutedBy, Instant mutedAt) {

    public Mute {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(mutedBy, "mutedBy");
        Objects.requireNonNull(mutedAt, "mutedAt");
    }

    public boolean activeAt(Instant now) {
        return until.isAfter(now);
    }

    /** {@code member.muted {user_id, until}}. */
    public RoomEvent mutedEvent() {
        return new RoomEvent(roomId, RoomEventType.MEMBER_MUTED, mutedBy, mutedAt,
                Map.of("user_id", userId, "until", DateTimeFormatter.ISO_INSTANT.format(until)));
    }
}
