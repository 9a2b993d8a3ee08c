package io.rtcgate.aliyun;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.callback.CallbackRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The check every signed Aliyun callback passes: the headers {@code ALI-LIVE-TIMESTAMP} (Unix seconds) and
 * {@code ALI-LIVE-SIGNATURE}, a lower-hex MD5 that each kind of callback computes over its own string, and a
 * timestamp within a window of the gateway's clock. Aliyun signs no parameters, only the timestamp (and for
 * stream callbacks a domain), so the window is what keeps a captured signature from being replayed.
 */
final class AliyunCallbackSignatures {

    static final String TIMESTAMP_HEADER = "ali-live-timestamp";
    static final String SIGNATURE_HEADER = "ali-live-signature";
    /** What the inbox keeps of a delivery's headers. */
    static final Set<String> KEPT_HEADERS = Set.of(TIMESTAMP_HEADER, SIGNATURE_HEADER, "content-type", "user-agent");

    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private AliyunCallbackSignatures() {
    }

    /**
     * Refuses the delivery unless a key is configured, it carries both headers, its signature is
     * {@code signatureOf(timestamp)} (in either case) and its timestamp is at most {@code freshness} from {@code now}.
     *
     * @param callbacks what the refusals call these callbacks, such as {@code "stream"}
     */
    static void verify(CallbackRequest request, String key, UnaryOperator<String> signatureOf, Duration freshness, Instant now,
                       String callbacks) {
        if (key.isBlank()) {
            throw new AuthenticationException("Aliyun " + callbacks + " callbacks are off on this gateway: no callback auth key is configured");
        }
        String timestamp = request.header(TIMESTAMP_HEADER).orElse("");
        String signature = request.header(SIGNATURE_HEADER).orElse("");
        if (timestamp.isEmpty() || signature.isEmpty()) {
            throw new AuthenticationException("the callback is not signed: ALI-LIVE-TIMESTAMP and ALI-LIVE-SIGNATURE are required");
        }
        byte[] expected = signatureOf.apply(timestamp).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            throw new AuthenticationException("wrong ALI-LIVE-SIGNATURE");
        }
        if (!fresh(timestamp, freshness, now)) {
            throw new AuthenticationException("ALI-LIVE-TIMESTAMP is more than " + freshness.toMinutes()
                    + " minutes from the gateway's clock: stale or replayed callbacks are refused");
        }
    }

    private static boolean fresh(String timestamp, Duration freshness, Instant now) {
        if (timestamp.length() > MAX_TIMESTAMP_DIGITS || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs();
        return skew.compareTo(freshness) <= 0;
    }
}
