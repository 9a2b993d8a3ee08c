package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.Digests;
import io.rtcgate.emulator.EmulatorJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.InflaterInputStream;

/**
 * Reads and checks TLS v2 UserSigs the way TRTC does when a user enters a room: URL-safe Base64
 * ({@code *-_} for {@code +/=}) of a zlib-compressed JSON document whose {@code TLS.sig} is the
 * Base64 HMAC-SHA256, under the application's key, of the identifier, SDKAppID, time and validity lines.
 *
 * <p>The document is the one Tencent's libraries write: strings {@code TLS.ver} ({@code "2.0"}),
 * {@code TLS.identifier} and {@code TLS.sig}, integers {@code TLS.sdkappid}, {@code TLS.time} (Unix
 * seconds of signing) and {@code TLS.expire} (seconds of validity), and {@code TLS.userbuf} only in a
 * PrivateMapKey.
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
            ObjectNode json = EmulatorJson.readObject(new String(document, StandardCharsets.UTF_8));
            return new DecodedUserSig(string(json, "TLS.ver"), string(json, "TLS.identifier"),
                    integer(json, "TLS.sdkappid"), integer(json, "TLS.time"), integer(json, "TLS.expire"),
                    string(json, "TLS.sig"), json.has("TLS.userbuf"));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("not a TLS v2 UserSig: " + e.getMessage(), e);
        }
    }

    /** {@code TLS.sig}: standard Base64 of HMAC-SHA256(key, the four content lines). */
    public static String signature(String key, String identifier, long sdkAppId, long time, long expire) {
        String content = "TLS.identifier:" + identifier + "\n"
                + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + time + "\n"
                + "TLS.expire:" + expire + "\n";
        return Base64.getEncoder().encodeToString(Digests.hmacSha256(key.getBytes(StandardCharsets.UTF_8), content));
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
        if (!Digests.constantTimeEquals(expected, decoded.sig())) {
            return Optional.of("sig not match");
        }
        return Optional.empty();
    }

    private static String string(ObjectNode document, String field) {
        JsonNode value = document.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return value.textValue();
    }

    private static long integer(ObjectNode document, String field) {
        JsonNode value = document.get(field);
        if (!EmulatorJson.isLong(value)) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return value.longValue();
    }
}
