package io.rtcgate.domain.recording;

import java.util.Locale;

/** Where one vendor's part of a recording is: being started, recording, being stopped, ended or failed. */
public enum SegmentState {
    STARTING,
    RECORDING,
    STOPPING,
    ENDED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == ENDED || this == FAILED;
    }
}
