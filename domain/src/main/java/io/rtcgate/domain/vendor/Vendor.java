package io.rtcgate.domain.vendor;

import io.rtcgate.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** The RTC and live-streaming vendors the gateway speaks to. */
public enum Vendor {
    AGORA,
    TENCENT,
    ALIYUN;

    /** The lower-case name used in configuration and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Vendor parse(String value, String field) {
        return Arrays.stream(values())
                .filter(vendor -> vendor.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, field + " must be one of agora, tencent, aliyun"));
    }
}
