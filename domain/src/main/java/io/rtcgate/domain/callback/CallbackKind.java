package io.rtcgate.domain.callback;

import java.util.Locale;

/**
 * What a vendor callback reports. Each kind has one handler per vendor that delivers it; adding a kind
 * (recordings, ingests, mixing) is a constant here and a {@link CallbackHandler} for it.
 */
public enum CallbackKind {
    /** A live stream went up or down at the vendor's ingest (Aliyun publish / publish_done). */
    STREAM;

    /** The lower-case name stored in the inbox. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallbackKind ofWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
