package io.rtcgate.domain.recording;

import io.rtcgate.domain.Validation;
import java.util.Locale;

/** What a recording captures: one file mixing everyone ({@code mix}) or one file per user and track ({@code individual}). */
public enum RecordingMode {
    MIX,
    INDIVIDUAL;

    /** The lower-case name used on the wire ({@code mix}, {@code individual}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordingMode parse(String value, String field) {
        return Validation.oneOf(RecordingMode.class, value, field);
    }
}
