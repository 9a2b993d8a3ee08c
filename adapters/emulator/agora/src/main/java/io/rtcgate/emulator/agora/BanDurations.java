package io.rtcgate.emulator.agora;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a kicking rule bans, from its {@code time} (minutes) and {@code time_in_seconds} fields
 * (vendors.md §1.4): each is clamped to its range, {@code time_in_seconds} wins when both are given,
 * and 0 in the winning field means "kick once, then let them rejoin".
 */
final class BanDurations {

    static final Duration DEFAULT = Duration.ofSeconds(3600);
    static final long MIN_MINUTES = 1;
    static final long MAX_MINUTES = 1440;
    static final long MIN_SECONDS = 10;
    static final long MAX_SECONDS = 86430;

    private BanDurations() {
    }

    /**
     * The requested duration, or empty when neither field is given.
     *
     * @throws IllegalArgumentException for a negative value
     */
    static Optional<Duration> requested(Long minutes, Long seconds) {
        if (seconds != null) {
            return Optional.of(Duration.ofSeconds(clamp(seconds, MIN_SECONDS, MAX_SECONDS, "time_in_seconds")));
        }
        if (minutes != null) {
            return Optional.of(Duration.ofMinutes(clamp(minutes, MIN_MINUTES, MAX_MINUTES, "time")));
        }
        return Optional.empty();
    }

    private static long clamp(long value, long min, long max, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return value == 0 ? 0 : Math.max(min, Math.min(max, value));
    }
}
