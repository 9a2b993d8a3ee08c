package io.rtcgate.domain.user;

import java.time.Duration;

/**
 * How logins behave. With open registration the first login of an unknown username creates that
 * user, as the AUI demo AppServer does. With demo login, a password equal to the username is accepted
 * for a new username, whatever its length, and creates the user with it, as the AUI demo apps expect.
 */
public record LoginPolicy(boolean openRegistration, boolean demoLogin, int maxFailures, Duration lockout) {

    public LoginPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive");
        }
    }

    /** A policy without demo login. */
    public LoginPolicy(boolean openRegistration, int maxFailures, Duration lockout) {
        this(openRegistration, false, maxFailures, lockout);
    }
}
