package io.rtcgate.emulator;

import java.security.SecureRandom;

/** Random text for the credentials an emulator makes up when nobody configured any. */
public final class RandomStrings {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_HEX = "0123456789abcdef";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomStrings() {
    }

    /** {@code length} characters of {@code [A-Za-z0-9]}. */
    public static String alphanumeric(int length) {
        return of(ALPHANUMERIC, length);
    }

    /** {@code length} characters of {@code [0-9a-f]}. */
    public static String lowerHex(int length) {
        return of(LOWER_HEX, length);
    }

    private static String of(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
