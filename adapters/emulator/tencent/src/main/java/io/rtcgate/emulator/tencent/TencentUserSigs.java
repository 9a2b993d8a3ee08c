package io.rtcgate.emulator.tencent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.InflaterInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Reads and checks TLS v2 UserSigs the way TRTC does when a user enters a room: URL-safe Base64
 * ({@code *-_} for {@code +/=}) of a zlib-compressed JSON document whose {@code TLS.sig} is the
 * Base64 HMAC-SHA256, under the application's key, of the identifier, SDKAppID, time and validity lines.
 */
public final class TencentUserSigs {

    /** A zlib bomb must not exhaust the emulator; real UserSigs inflate to a few hundred bytes. */
    private static final int MAX_DOCUMENT_BYTES = 16 * 1024;
    private static final String VERSION = "2.0";

    private TencentUserSigs() {
    }

    /** The fields of a decoded UserSig. {@code hasUserBuf} marks a PrivateMapKey rather than a UserSig. */
    public record DecodedUserSig(String version, String identifier, long sdkAppId, long time, long expire, String sig,
                                 boolean hasUserBuf) {

        public Instant expiresAt() {
            return Instant.ofEpochSecond(time + expire);
        }
    }

    /** Decodes without checking anything; throws {@link IllegalArgumentException} when it is not a TLS v2 document. */
    public static DecodedUserSig decode(String userSig) {
        String base64 = userSig.replace('*', '+').replace('-', '/').replace('_', '=');
        try {
            byte[] compressed = Base64.getDecoder().decode(base64);
            byte[] document;
            try (var inflater = new InflaterInputStream(new ByteArrayInputStream(compressed))) {
                document = inflater.readNBytes(MAX_DOCUMENT_BYTES);
            }
            JSONObject json = new JSONObject(new String(document, StandardCharsets.UTF_8));
            return new DecodedUserSig(json.getString("TLS.ver"), json.getString("TLS.identifier"),
                    json.getLong("TLS.sdkappid"), json.getLong("TLS.time"), json.getLong("TLS.expire"),
                    json.getString("TLS.sig"), json.has("TLS.userbuf"));
        } catch (IllegalArgumentException | IOException | JSONException e) {
            throw new IllegalArgumentException("not a TLS v2 UserSig: " + e.getMessage(), e);
        }
    }

    /** {@code TLS.sig}: standard Base64 of HMAC-SHA256(key, the four content lines). */
    public static String signature(String key, String identifier, long sdkAppId, long time, long expire) {
        String content = "TLS.identifier:" + identifier + "\n"
                + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + time + "\n"
                + "TLS.expire:" + expire + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * Why TRTC would refuse {@code userSig} for {@code identifier} at {@code now}, or empty when it is
     * valid. Checks in the order of Tencent's reference verifier, with its messages: {@code sdk appid
     * not match}, {@code identifier not match}, {@code expired}, {@code userbuf type not match},
     * {@code sig not match}; an undecodable value gives {@code malformed: ...}.
     */
    public static Optional<String> verify(String userSig, long sdkAppId, String key, String identifier, Instant now) {
        DecodedUserSig decoded;
        try {
            decoded = decode(userSig);
        } catch (IllegalArgumentException e) {
            return Optional.of("malformed: " + e.getMessage());
        }
        if (!VERSION.equals(decoded.version())) {
            return Optional.of("malformed: TLS.ver is " + decoded.version() + ", not " + VERSION);
        }
        if (decoded.sdkAppId() != sdkAppId) {
            return Optional.of("sdk appid not match");
        }
        if (!decoded.identifier().equals(identifier)) {
            return Optional.of("identifier not match");
        }
        if (now.getEpochSecond() > decoded.time() + decoded.expire()) {
            return Optional.of("expired");
        }
        if (decoded.hasUserBuf()) {
            return Optional.of("userbuf type not match");
        }
        String expected = signature(key, decoded.identifier(), decoded.sdkAppId(), decoded.time(), decoded.expire());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                decoded.sig().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("sig not match");
        }
        return Optional.empty();
    }
}
