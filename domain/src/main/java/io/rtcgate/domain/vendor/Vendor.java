package io.rtcgate.domain.vendor;

import io.rtcgate.domain.Validation;
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
        return Validation.oneOf(Vendor.class, value, field);
    }
}
