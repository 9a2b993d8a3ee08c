package io.rtcgate.emulator.aliyun;

import java.time.Duration;
import java.util.Objects;

/**
 * How the fake moves its cloud recording tasks on and delivers their callbacks: how often it looks at the
 * tasks with no request to prompt it, how many times a callback that got no 2xx in time is sent again (Aliyun
 * resends once, on a status of 500 or more or a timeout: help.aliyun.com/zh/live/on-cloud-recording-callback-message),
 * the wait before a resend and how long the receiver has to answer. Tests shorten them.
 */
public record CloudRecordingOptions(Duration progressInterval, int callbackRetries, Duration callbackRetryDelay,
                                    Duration callbackTimeout) {

    /** As Aliyun documents it where it does (one resend); a second between looks and before the resend, 5 s to answer. */
    public static final CloudRecordingOptions DEFAULTS =
            new CloudRecordingOptions(Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(5));

    public CloudRecordingOptions {
        requirePositive(progressInterval, "progressInterval");
        requirePositive(callbackRetryDelay, "callbackRetryDelay");
        requirePositive(callbackTimeout, "callbackTimeout");
        if (callbackRetries < 0) {
            throw new IllegalArgumentException("callbackRetries must not be negative");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
