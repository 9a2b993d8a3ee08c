package io.rtcgate.domain.cohost;

import io.rtcgate.domain.ExponentialBackoff;
import java.util.Objects;

/**
 * How a degraded mix is retried: {@code retries} times ({@code rtcgate.cohost.mix-retries}), waiting
 * {@code backoff} after each failure in a row, then given up.
 */
public record MixPolicy(int retries, ExponentialBackoff backoff) {

    public MixPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (retries < 0) {
            throw new IllegalArgumentException("mix retries must not be negative");
        }
    }
}
