package io.rtcgate.domain.recording;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Validation;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The file formats a recording is written in: HLS (an m3u8 playlist and its ts slices), MP4, or both. */
public enum RecordingFormat {
    HLS,
    MP4;

    /** The lower-case name used on the wire ({@code hls}, {@code mp4}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordingFormat parse(String value, String field) {
        return Validation.oneOf(RecordingFormat.class, value, field);
    }

    /**
     * The formats as a set in declaration order ({@code hls} before {@code mp4}).
     *
     * @throws InvalidInputException naming {@code field} when there are none
     */
    public static Set<RecordingFormat> setOf(Collection<RecordingFormat> formats, String field) {
        if (formats == null || formats.isEmpty()) {
            throw new InvalidInputException(field, field + " must name at least one of hls, mp4");
        }
        if (formats.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException(field, field + " must not contain null");
        }
        return java.util.Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    /** The formats in declaration order, as the vendors take them. */
    public static List<RecordingFormat> ordered(Set<RecordingFormat> formats) {
        return List.copyOf(EnumSet.copyOf(formats));
    }
}
