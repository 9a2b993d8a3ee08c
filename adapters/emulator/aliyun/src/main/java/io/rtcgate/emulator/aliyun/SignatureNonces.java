package io.rtcgate.emulator.aliyun;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The {@code SignatureNonce}s seen within the replay window; older ones are forgotten. Thread-safe. */
final class SignatureNonces {

    private final Duration window;
    private final Map<String, Instant> seen = new HashMap<>();

    SignatureNonces(Duration window) {
        this.window = window;
    }

    /** Records the nonce; false when it was already used within the window. */
    synchronized boolean firstUse(String nonce, Instant now) {
        seen.values().removeIf(usedAt -> !usedAt.plus(window).isAfter(now));
        return seen.putIfAbsent(nonce, now) == null;
    }
}
