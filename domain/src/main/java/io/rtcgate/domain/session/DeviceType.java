package io.rtcgate.domain.session;

import io.rtcgate.domain.Validation;
import java.util.Locale;

/** The client platforms the AUI token endpoint knows. H5 clients use {@code web}. */
public enum DeviceType {
    ANDROID, IOS, WEB, WIN, MAC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceType parse(String value) {
        return Validation.oneOf(DeviceType.class, value, "device_type");
    }
}
