package io.rtcgate.domain.interaction;

import java.time.Duration;

/** At most {@code max} actions within any {@code window} (a sliding window). */
public record RateLimit(int max, Duration window) {

    public RateLimit {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit allows at least one action in a positive window");
        }
    }

    public static RateLimit perSecond(int max) {
        return new RateLimit(max, Duration.ofSeconds(1));
    }
}
