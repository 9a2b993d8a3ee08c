package io.rtcgate.domain.recording;

import java.util.Objects;

/** A running (or once running) vendor task: the channel it records, its recorder, its mode and its ids. */
public record RecordingTask(String channel, RecorderIdentity recorder, RecordingMode mode, VendorTaskId id) {

    public RecordingTask {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(id, "id");
    }
}
