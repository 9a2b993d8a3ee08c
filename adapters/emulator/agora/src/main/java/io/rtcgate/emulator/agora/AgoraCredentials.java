package io.rtcgate.emulator.agora;

import io.rtcgate.emulator.RandomStrings;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Agora project the emulator plays: the App ID and App Certificate that sign RTC tokens, and the
 * Customer ID / Customer Secret that authenticate REST calls.
 */
public record AgoraCredentials(String appId, String appCertificate, String customerKey, String customerSecret) {

    private static final Pattern HEX_32 = Pattern.compile("\\p{XDigit}{32}");

    public AgoraCredentials {
        requireHex32(appId, "appId");
        requireHex32(appCertificate, "appCertificate");
        requireNonBlank(customerKey, "customerKey");
        requireNonBlank(customerSecret, "customerSecret");
    }

    /** Fresh credentials in the console's format (32 lower-case hex characters each). */
    public static AgoraCredentials random() {
        return new AgoraCredentials(RandomStrings.lowerHex(32), RandomStrings.lowerHex(32), RandomStrings.lowerHex(32),
                RandomStrings.lowerHex(32));
    }

    @Override
    public String toString() {
        // The certificate and the customer secret are secrets, and the customer key is half of one.
        return "AgoraCredentials[appId=" + appId + "]";
    }

    private static void requireHex32(String value, String name) {
        if (value == null || !HEX_32.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 32 hexadecimal characters");
        }
    }

    private static void requireNonBlank(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
