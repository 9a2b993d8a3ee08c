package io.rtcgate.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hashes and MACs the fake vendors check signatures and tokens with; text is always UTF-8. */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        return mac("HmacSHA256", key, message);
    }

    public static byte[] hmacSha256(byte[] key, String message) {
        return hmacSha256(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha1(byte[] key, String message) {
        return mac("HmacSHA1", key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Lower-case hex of the SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return hex(sha256(bytes));
    }

    /** Lower-case hex of the SHA-256 of {@code text}. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Whether two signatures or digests (as text) are equal, in time that does not depend on where they differ. */
    public static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JVM", e);
        }
    }
}
