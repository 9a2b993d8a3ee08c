package io.rtcgate.domain.recording;

import io.rtcgate.domain.job.JobFailure;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor's recording callback says, in the gateway's words. It names the task by its vendor task
 * id (Agora's sid, Tencent's or Aliyun's TaskId) where the vendor gives it, and by the recorder's identity
 * where it gives that, so a task whose id the gateway never wrote down (it crashed in between) can still be
 * found and adopted. {@code reportedAt} is the vendor's time of the event; {@code vendorEvent} its own name
 * for it, for the inbox's outcome.
 */
public record RecordingNotice(Event event, String channel, Optional<RecorderIdentity> recorder, Optional<String> taskId,
                              List<RecordingFile> files, Optional<JobFailure> failure,
                              Optional<RecorderIdentity> newRecorder, Instant reportedAt, String vendorEvent) {

    public enum Event {
        /** The task runs: the recorder joined or the recording started. */
        STARTED,
        /** Files the task has written so far, or their upload status; files not named keep theirs. */
        FILES,
        /** The task exited normally; {@code files} are the last it reported (none when nothing was recorded). */
        ENDED,
        /** The task exited abnormally or hit a fatal error; {@code failure} says why. */
        FAILED,
        /** The vendor moved the task to another worker, which goes on as {@code newRecorder} (Agora's session failover). */
        RECORDER_MOVED,
        /** News of a running task that changes nothing the gateway keeps (a warning, upload progress). */
        PROGRESS
    }

    public RecordingNotice {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(taskId, "taskId");
        if (recorder.isEmpty() && taskId.isEmpty()) {
            throw new IllegalArgumentException("a recording notice names its task, its recorder, or both");
        }
        files = List.copyOf(files);
        Objects.requireNonNull(failure, "failure");
        if ((event == Event.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("a recording notice has a failure exactly when it reports one");
        }
        Objects.requireNonNull(newRecorder, "newRecorder");
        if ((event == Event.RECORDER_MOVED) != newRecorder.isPresent()) {
            throw new IllegalArgumentException("a recording notice names a new recorder exactly when the recorder moved");
        }
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(vendorEvent, "vendorEvent");
    }
}
