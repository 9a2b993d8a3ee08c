package io.rtcgate.domain.cohost;

import java.time.Instant;
import java.util.Objects;

/**
 * The last result the vendor gave for a session's mix: a seed 002 code ({@link MixResultCode#wireName()}), or
 * {@code StartFailed} / {@code UpdateFailed} when the vendor refused or failed the call itself, with its message.
 */
public record MixOutcome(String code, String message, Instant at) {

    public static final String START_FAILED = "StartFailed";
    public static final String UPDATE_FAILED = "UpdateFailed";

    public MixOutcome {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
