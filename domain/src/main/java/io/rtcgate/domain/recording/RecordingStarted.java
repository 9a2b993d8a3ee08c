package io.rtcgate.domain.recording;

import java.util.Objects;

/**
 * The vendor's answer to a start: the task it runs, and whether that task was already running for this
 * recorder (the vendor refused a second start and the task was adopted rather than started twice).
 */
public record RecordingStarted(VendorTaskId task, boolean alreadyRunning) {

    public RecordingStarted {
        Objects.requireNonNull(task, "task");
    }
}
