package io.rtcgate.domain.audience;

import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One open connection of {@code userId} to a room's events, served by gateway node {@code nodeId}. */
public record AudienceConnection(String connectionId, String roomId, String userId, String nodeId) {

    public AudienceConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(nodeId, "nodeId");
    }

    /** {@code audience.joined}: the user's first connection to the room opened. */
    public RoomEvent joined(Instant at) {
        return event(RoomEventType.AUDIENCE_JOINED, at);
    }

    /** {@code audience.left}: the user's last connection closed, or its node stopped vouching for it. */
    public RoomEvent left(Instant at) {
        return event(RoomEventType.AUDIENCE_LEFT, at);
    }

    private RoomEvent event(RoomEventType type, Instant at) {
        return new RoomEvent(roomId, type, userId, at, Map.of("user_id", userId));
    }
}
