package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.RandomStrings;
import java.util.Objects;

/**
 * What the fake Aliyun accepts: one RAM access key for the OpenAPI, one ARTC application for join
 * tokens, and one interactive messaging (IM) application for message groups and IM tokens.
 */
public record AliyunEmulatorCredentials(String accessKeyId, String accessKeySecret, String artcAppId, String artcAppKey,
                                        String imAppId, String imAppKey, String imAppSign) {

    public AliyunEmulatorCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        Objects.requireNonNull(artcAppId, "artcAppId");
        Objects.requireNonNull(artcAppKey, "artcAppKey");
        Objects.requireNonNull(imAppId, "imAppId");
        Objects.requireNonNull(imAppKey, "imAppKey");
        Objects.requireNonNull(imAppSign, "imAppSign");
    }

    /** The given OpenAPI and ARTC credentials with a fresh random IM application. */
    public AliyunEmulatorCredentials(String accessKeyId, String accessKeySecret, String artcAppId, String artcAppKey) {
        this(accessKeyId, accessKeySecret, artcAppId, artcAppKey, randomImAppId(), RandomStrings.lowerHex(32),
                RandomStrings.alphanumeric(40));
    }

    /** Fresh credentials shaped like real ones (LTAI… key ids, 30-character secrets), for the embedded default. */
    public static AliyunEmulatorCredentials random() {
        return new AliyunEmulatorCredentials(
                "LTAI" + RandomStrings.alphanumeric(20),
                RandomStrings.alphanumeric(30),
                RandomStrings.lowerHex(8),
                RandomStrings.lowerHex(32));
    }

    private static String randomImAppId() {
        return RandomStrings.alphanumeric(6).toLowerCase(java.util.Locale.ROOT) + RandomStrings.lowerHex(10);
    }

    @Override
    public String toString() {
        // The secret and the app keys stay out of logs.
        return "AliyunEmulatorCredentials[accessKeyId=" + accessKeyId + ", artcAppId=" + artcAppId + ", imAppId=" + imAppId + "]";
    }
}
