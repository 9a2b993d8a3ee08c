package io.rtcgate.domain.recording;

import java.util.List;
import java.util.Objects;

/** A vendor task's state and the files it has written so far (none for a task that is gone). */
public record RecordingStatus(TaskState state, List<RecordingFile> files) {

    public static final RecordingStatus GONE = new RecordingStatus(TaskState.GONE, List.of());

    public RecordingStatus {
        Objects.requireNonNull(state, "state");
        files = List.copyOf(files);
    }
}
