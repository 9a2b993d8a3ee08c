package io.rtcgate.domain.callback;

import java.util.Objects;

/**
 * A delivery its vendor's verifier accepted: signed by the vendor and fresh. {@code dedupeKey} names the
 * delivery the same way every time the vendor sends it again; {@code recorded} is what the inbox keeps of
 * the request (the headers of interest only).
 */
public record VerifiedCallback(String dedupeKey, CallbackRequest recorded) {

    public static final int MAX_DEDUPE_KEY = 200;

    public VerifiedCallback {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(recorded, "recorded");
        if (dedupeKey.isBlank() || dedupeKey.length() > MAX_DEDUPE_KEY) {
            throw new IllegalArgumentException("a dedupe key has 1 to " + MAX_DEDUPE_KEY + " characters");
        }
    }
}
