package io.rtcgate.aliyun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The lower-hex MD5 and SHA-256 of UTF-8 text that Aliyun's signatures and tokens are built from. */
final class AliyunDigests {

    private AliyunDigests() {
    }

    static String md5Hex(String text) {
        return hex("MD5", text);
    }

    static String sha256Hex(String text) {
        return hex("SHA-256", text);
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JVM", e);
        }
    }
}
