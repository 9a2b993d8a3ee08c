package io.rtcgate.emulator.tencent;

import io.rtcgate.emulator.RandomStrings;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * What the emulated account accepts: the API key pair that signs TC3 requests, and the TRTC application
 * (SDKAppID and the key that signs its UserSigs).
 */
public record TencentEmulatorCredentials(String secretId, String secretKey, long sdkAppId, String userSigKey) {

    /** Real SDKAppIDs are ten digits starting with 1400. */
    private static final long SDK_APP_ID_BASE = 1_400_000_000L;
    private static final int SDK_APP_ID_RANGE = 100_000_000;

    public TencentEmulatorCredentials {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(userSigKey, "userSigKey");
    }

    /** Fresh credentials shaped like real ones, for an embedded emulator nobody configured. */
    public static TencentEmulatorCredentials random() {
        return new TencentEmulatorCredentials(
                "AKID" + RandomStrings.alphanumeric(32),
                RandomStrings.alphanumeric(32),
                SDK_APP_ID_BASE + new SecureRandom().nextInt(SDK_APP_ID_RANGE),
                RandomStrings.lowerHex(64));
    }

    @Override
    public String toString() {
        // The keys stay out of logs.
        return "TencentEmulatorCredentials[secretId=" + secretId + ", sdkAppId=" + sdkAppId + "]";
    }
}
