package io.rtcgate.emulator.tencent;

import io.rtcgate.emulator.Digests;
import io.rtcgate.emulator.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Delivers TRTC's event callbacks as Tencent does (vendors.md §2.6): a POST of the JSON body with headers
 * {@code Content-Type: application/json}, {@code SdkAppId} and {@code Sign = base64(HMAC-SHA256(callback key,
 * body))}, to the URL and with the key a test sets, the way an operator sets them in TRTC's console. Nothing is
 * delivered until then. Tencent waits 5 s for a 200, retries at once and then every 10 s until the message
 * is a minute old; the sender retries {@code retries} times, the first after {@code retryDelay} and each
 * later one a delay more (10 s gives tries at 0, 10, 30 and 60 s).
 */
final class TrtcCallbacks implements AutoCloseable {

    /** How long Tencent waits for the receiver's 200. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private record Target(URI url, String key) {
    }

    private final long sdkAppId;
    private final Clock clock;
    private final WebhookSender sender;
    private volatile Target target;

    TrtcCallbacks(long sdkAppId, Clock clock, int retries, Duration retryDelay) {
        this.sdkAppId = sdkAppId;
        this.clock = clock;
        this.sender = new WebhookSender("tencent", retries, retryDelay, ANSWER_TIMEOUT);
    }

    void deliverTo(URI url, String key) {
        Objects.requireNonNull(url, "url");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a callback key signs every delivery: set one, as in TRTC's console");
        }
        target = new Target(url, key);
    }

    /** Sends each event, in order, stamped with the emulator's time of sending; drops them while no target is set. */
    void send(List<? extends TrtcCallbackEvent> events) {
        Target current = target;
        if (current == null) {
            return;
        }
        for (TrtcCallbackEvent event : events) {
            String body = event.body(clock.instant());
            sender.send(current.url(), Map.of("Content-Type", "application/json", "SdkAppId", Long.toString(sdkAppId),
                    "Sign", sign(current.key(), body)), body);
        }
    }

    WebhookSender sender() {
        return sender;
    }

    /** {@code base64(HMAC-SHA256(key, body))} over the body's UTF-8 bytes, as sent. */
    static String sign(String key, String body) {
        byte[] mac = Digests.hmacSha256(key.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    @Override
    public void close() {
        sender.close();
    }
}
