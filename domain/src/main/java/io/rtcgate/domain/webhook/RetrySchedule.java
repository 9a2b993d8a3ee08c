package io.rtcgate.domain.webhook;

import io.rtcgate.domain.ExponentialBackoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after {@code firstBackoff}, doubling with every failure up to
 * {@code maxBackoff}, each wait jittered by up to a fifth either way so that many deliveries failing together do not
 * come back together; and not any more once the delivery is {@code maxAge} old. With 30 s, 4 h and 24 h that is about
 * 16 attempts over at least a day.
 */
public final class RetrySchedule {

    /** The share of each wait that jitter may add or take away. */
    static final double JITTER = 0.2;

    private final ExponentialBackoff backoff;
    private final Duration maxAge;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    public RetrySchedule(Duration firstBackoff, Duration maxBackoff, Duration maxAge, DoubleSupplier random) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("the maximum age must not be negative");
        }
        this.backoff = new ExponentialBackoff(firstBackoff, maxBackoff);
        this.maxAge = maxAge;
        this.random = random;
    }

    /**
     * The time of the next attempt after the {@code failedAttempts}-th failure in a row at {@code now}; empty when the
     * delivery, created at {@code createdAt}, has been retried for its maximum age and gives up.
     */
    public Optional<Instant> nextAttempt(Instant createdAt, int failedAttempts, Instant now) {
        if (!now.isBefore(createdAt.plus(maxAge))) {
            return Optional.empty();
        }
        double jitter = 1 + JITTER * (2 * random.getAsDouble() - 1);
        long millis = Math.round(backoff(failedAttempts).toMillis() * jitter);
        return Optional.of(now.plusMillis(Math.max(1, millis)));
    }

    /** The wait after the {@code failedAttempts}-th failure in a row, before jitter. */
    Duration backoff(int failedAttempts) {
        return backoff.after(failedAttempts);
    }
}
