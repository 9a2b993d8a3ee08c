package io.rtcgate.emulator.tencent;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the emulated account accepts: the API key pair that signs TC3 requests, and the TRTC application
 * (SDKAppID and the key that signs its UserSigs).
 */
public record TencentEmulatorCredentials(String secretId, String secretKey, long sdkAppId, String userSigKey) {

    /** Real SDKAppIDs are ten digits starting with 1400. */
    private static final long SDK_APP_ID_BASE = 1_400_000_000L;
    private static final int SDK_APP_ID_RANGE = 100_000_000;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public TencentEmulatorCredentials {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(userSigKey, "userSigKey");
    }

    /** Fresh credentials shaped like real ones, for an embedded emulator nobody configured. */
    public static TencentEmulatorCredentials random() {
        SecureRandom random = new SecureRandom();
        byte[] userSigKey = new byte[32];
        random.nextBytes(userSigKey);
        return new TencentEmulatorCredentials(
                "AKID" + alphanumeric(random, 32),
                alphanumeric(random, 32),
                SDK_APP_ID_BASE + random.nextInt(SDK_APP_ID_RANGE),
                HexFormat.of().formatHex(userSigKey));
    }

    @Override
    public String toString() {
        // The keys stay out of logs.
        return "TencentEmulatorCredentials[secretId=" + secretId + ", sdkAppId=" + sdkAppId + "]";
    }

    private static String alphanumeric(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
