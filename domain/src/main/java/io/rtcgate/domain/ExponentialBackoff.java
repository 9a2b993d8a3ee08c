package io.rtcgate.domain;

import java.time.Duration;
import java.util.Objects;

/** Waits that start at {@code first} and double with every failure in a row, never beyond {@code max}. */
public record ExponentialBackoff(Duration first, Duration max) {

    public ExponentialBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff must be positive and at most the maximum backoff");
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration after(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
