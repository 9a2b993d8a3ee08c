package io.rtcgate.domain.vendor;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone in a channel: a gateway user, with the numeric uid where the vendor uses one, or a uid the
 * gateway never handed out (a cloud recorder, an ingest robot, a client whose token was minted
 * elsewhere), which has no user id. It has at least one of the two.
 */
public record Participant(Optional<String> userId, Optional<Long> uid) {

    public Participant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(uid, "uid");
        if (userId.isEmpty() && uid.isEmpty()) {
            throw new IllegalArgumentException("a participant has a user id, a uid, or both");
        }
    }

    /** A user of a vendor whose channels know users by their string id (Aliyun ARTC). */
    public static Participant user(String userId) {
        return new Participant(Optional.of(userId), Optional.empty());
    }

    /** A gateway user and the numeric uid the vendor knows them by (Agora). */
    public static Participant user(String userId, long uid) {
        return new Participant(Optional.of(userId), Optional.of(uid));
    }

    /** A numeric uid that belongs to no gateway user. */
    public static Participant unknownUid(long uid) {
        return new Participant(Optional.empty(), Optional.of(uid));
    }
}
