package io.rtcgate.domain.cohost;

import io.rtcgate.domain.ExponentialBackoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How a degraded mix is retried: {@code retries} times ({@code rtcgate.cohost.mix-retries}), waiting
 * {@code backoff} after each failure in a row, then given up. A start or retry whose result is only known from a
 * callback (Aliyun's MixResult) that has not come within {@code resultWait} counts as a failure too: the callback
 * may have been lost, and only a new call makes the vendor send another.
 */
public record MixPolicy(int retries, ExponentialBackoff backoff, Duration resultWait) {

    /** The code of a result that never came. */
    public static final String NO_RESULT = "NoResult";

    public MixPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(resultWait, "resultWait");
        if (retries < 0) {
            throw new IllegalArgumentException("mix retries must not be negative");
        }
    }
}
