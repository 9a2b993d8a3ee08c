package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.RandomStrings;
import java.util.Objects;

/**
 * What the fake Aliyun accepts: one RAM access key for the OpenAPI and one ARTC application for join
 * tokens.
 */
public record AliyunEmulatorCredentials(String accessKeyId, String accessKeySecret, String artcAppId, String artcAppKey) {

    public AliyunEmulatorCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        Objects.requireNonNull(artcAppId, "artcAppId");
        Objects.requireNonNull(artcAppKey, "artcAppKey");
    }

    /** Fresh credentials shaped like real ones (LTAI… key ids, 30-character secrets), for the embedded default. */
    public static AliyunEmulatorCredentials random() {
        return new AliyunEmulatorCredentials(
                "LTAI" + RandomStrings.alphanumeric(20),
                RandomStrings.alphanumeric(30),
                RandomStrings.lowerHex(8),
                RandomStrings.lowerHex(32));
    }

    @Override
    public String toString() {
        // The secret and the app key stay out of logs.
        return "AliyunEmulatorCredentials[accessKeyId=" + accessKeyId + ", artcAppId=" + artcAppId + "]";
    }
}
