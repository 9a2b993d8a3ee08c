package io.rtcgate.emulator.aliyun;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * What the fake Aliyun accepts: one RAM access key for the OpenAPI and one ARTC application for join
 * tokens.
 */
public record AliyunEmulatorCredentials(String accessKeyId, String accessKeySecret, String artcAppId, String artcAppKey) {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_HEX = "0123456789abcdef";
    private static final SecureRandom RANDOM = new SecureRandom();

    public AliyunEmulatorCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        Objects.requireNonNull(artcAppId, "artcAppId");
        Objects.requireNonNull(artcAppKey, "artcAppKey");
    }

    /** Fresh credentials shaped like real ones (LTAI… key ids, 30-character secrets), for the embedded default. */
    public static AliyunEmulatorCredentials random() {
        return new AliyunEmulatorCredentials(
                "LTAI" + randomString(ALPHANUMERIC, 20),
                randomString(ALPHANUMERIC, 30),
                randomString(LOWER_HEX, 8),
                randomString(LOWER_HEX, 32));
    }

    private static String randomString(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        // The secret and the app key stay out of logs.
        return "AliyunEmulatorCredentials[accessKeyId=" + accessKeyId + ", artcAppId=" + artcAppId + "]";
    }
}
