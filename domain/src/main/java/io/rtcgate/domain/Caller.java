package io.rtcgate.domain;

import java.util.Objects;

/** The authenticated user on whose behalf a use case runs. */
public record Caller(String userId, boolean admin) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    public static Caller user(String userId) {
        return new Caller(userId, false);
    }

    public static Caller admin(String userId) {
        return new Caller(userId, true);
    }

    /** Whether the caller may act on behalf of {@code userId}: it is that user, or an admin. */
    public boolean actsFor(String userId) {
        return admin || this.userId.equals(userId);
    }
}
