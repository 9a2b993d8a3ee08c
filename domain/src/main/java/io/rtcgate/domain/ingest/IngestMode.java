package io.rtcgate.domain.ingest;

import io.rtcgate.domain.Validation;
import java.util.Locale;

/** What an ingest pulls: a file played from a position ({@code vod}) or a live stream relayed as it comes ({@code live}). */
public enum IngestMode {
    VOD,
    LIVE;

    /** The lower-case name used on the wire ({@code vod}, {@code live}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IngestMode parse(String value, String field) {
        return Validation.oneOf(IngestMode.class, value, field);
    }
}
