package io.rtcgate.app.api.compat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Request bodies of seed 001's API, named as the seed names them. Ids are read as whatever JSON value came
 * (the seed types room ids as int and user ids as string, and its clients send either) and checked by
 * {@link NodeIds}.
 */
public final class NodeRequests {

    private NodeRequests() {
    }

    @Serdeable
    public record Login(@Nullable String name, @Nullable String password) {
    }

    @Serdeable
    public record Room(@Nullable Object roomId) {
    }

    @Serdeable
    public record Create(@Nullable Object uid, @Nullable String desc) {
    }

    @Serdeable
    public record RoomAndUser(@Nullable Object roomId, @Nullable Object uid) {
    }

    @Serdeable
    public record Comment(@Nullable Object uid, @Nullable Object roomId, @Nullable String comment) {
    }

    @Serdeable
    public record Invite(@Nullable Object inviterUid, @Nullable Object inviteeUid, @Nullable Object liveRoomId,
                         @Nullable String type, @Nullable Object inviterType) {
    }

    @Serdeable
    public record Feedback(@Nullable Object inviterUid, @Nullable Object inviteeUid, @Nullable Object status,
                           @Nullable String type, @Nullable Object inviterType, @Nullable Object inviteeType) {
    }

    /** {@code closeRooomId} is the seed's spelling and the wire name; {@code closeRoomId} is taken too. */
    @Serdeable
    public record Close(@Nullable Object closeRooomId, @Nullable Object closeRoomId, @Nullable Object notifiedRoomId) {
    }

    @Serdeable
    public record WebsocketInfo(@Nullable String topic, @Nullable String subscriptionName) {
    }
}
