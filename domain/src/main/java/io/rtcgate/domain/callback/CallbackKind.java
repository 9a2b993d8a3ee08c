package io.rtcgate.domain.callback;

import java.util.Locale;

/**
 * What a vendor callback reports. Each kind has one handler per vendor that delivers it; adding a kind
 * (recordings, ingests, mixing) is a constant here and a {@link CallbackHandler} for it.
 */
public enum CallbackKind {
    /** A live stream went up or down at the vendor's ingest (Aliyun publish / publish_done). */
    STREAM,
    /** A vendor's general callback endpoint, which carries every product's events (Agora NCS, Tencent). */
    NOTIFICATION,
    /** Cloud recording events at an endpoint of their own (Aliyun ARTC recording callbacks). */
    RECORDING,
    /** Mixing news at an endpoint of its own (Aliyun MixAvailable and MixResult, seed 002). */
    MIX;

    /** The lower-case name stored in the inbox. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallbackKind ofWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
