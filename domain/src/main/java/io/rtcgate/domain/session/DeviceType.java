package io.rtcgate.domain.session;

import io.rtcgate.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** The client platforms the AUI token endpoint knows. H5 clients use {@code web}. */
public enum DeviceType {
    ANDROID, IOS, WEB, WIN, MAC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceType parse(String value) {
        return Arrays.stream(values())
                .filter(type -> type.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("device_type",
                        "device_type must be one of android, ios, web, win, mac"));
    }
}
