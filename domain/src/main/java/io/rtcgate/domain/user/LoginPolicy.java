package io.rtcgate.domain.user;

import java.time.Duration;

/**
 * How logins behave. With open registration the first login of an unknown username creates that
 * user, as the AUI demo AppServer does.
 */
public record LoginPolicy(boolean openRegistration, int maxFailures, Duration lockout) {

    public LoginPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive");
        }
    }
}
