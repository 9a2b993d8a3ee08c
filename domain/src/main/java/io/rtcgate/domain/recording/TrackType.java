package io.rtcgate.domain.recording;

import java.util.Locale;

/** What a recorded file holds. */
public enum TrackType {
    AUDIO,
    VIDEO,
    AUDIO_AND_VIDEO;

    /** {@code audio}, {@code video}, {@code audio_and_video}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
