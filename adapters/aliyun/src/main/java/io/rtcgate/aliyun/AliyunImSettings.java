package io.rtcgate.aliyun;

import java.time.Duration;

/**
 * Aliyun's new interactive messaging (IM) application: its id, the key that signs users' tokens, its
 * public signature clients pass to the IM SDK, and how long a token stays valid. The ids and keys come
 * from {@code rtcgate.vendors.aliyun.im-app-id}, {@code im-app-key}, {@code im-app-sign}.
 */
public record AliyunImSettings(String appId, String appKey, String appSign, Duration tokenTtl) {

    /** The AUI AppServer's token lifetime. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofDays(2);

    private static final String PREFIX = "rtcgate.vendors.aliyun.";

    public AliyunImSettings {
        requireText(appId, "im-app-id");
        requireText(appKey, "im-app-key");
        requireText(appSign, "im-app-sign");
        if (!appId.matches("[0-9A-Za-z_-]{1,64}")) {
            throw new IllegalArgumentException(PREFIX + "im-app-id must be 1-64 characters of letters, digits, _ or -");
        }
        tokenTtl = tokenTtl == null ? DEFAULT_TOKEN_TTL : tokenTtl;
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException(PREFIX + "im-token-ttl must be a positive duration");
        }
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + " must be set (with im-app-id, im-app-key and im-app-sign)");
        }
    }

    @Override
    public String toString() {
        // The app key signs every user's token; it stays out of logs.
        return "AliyunImSettings[appId=" + appId + ", tokenTtl=" + tokenTtl + "]";
    }
}
