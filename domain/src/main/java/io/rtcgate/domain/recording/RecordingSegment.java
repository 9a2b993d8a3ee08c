package io.rtcgate.domain.recording;

import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a recording made on one vendor's channel: the recorder's identity there (written before the vendor is
 * asked), the vendor's task once it is known, its state and the files it wrote. A recording that follows
 * its room to another vendor closes its segment and opens a new one. Immutable.
 */
public record RecordingSegment(Vendor vendor, String channel, RecorderIdentity recorder, Optional<VendorTaskId> task, SegmentState state,
                               List<RecordingFile> files, Optional<Instant> startedAt, Optional<Instant> endedAt) {

    public RecordingSegment {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(state, "state");
        files = List.copyOf(files);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    /** A segment whose vendor is about to be asked to start. */
    static RecordingSegment starting(Vendor vendor, String channel, RecorderIdentity recorder) {
        return new RecordingSegment(vendor, channel, recorder, Optional.empty(), SegmentState.STARTING, List.of(), Optional.empty(),
                Optional.empty());
    }

    RecordingSegment recording(VendorTaskId vendorTask, Instant now) {
        return new RecordingSegment(vendor, channel, recorder, Optional.of(vendorTask), SegmentState.RECORDING, files,
                startedAt.or(() -> Optional.of(now)), endedAt);
    }

    /** The task's id, learnt after the vendor started it without naming it; the resource id stays. */
    RecordingSegment named(VendorTaskId vendorTask) {
        return new RecordingSegment(vendor, channel, recorder, Optional.of(vendorTask), state, files, startedAt, endedAt);
    }

    /** The vendor task to query or stop, once the vendor named it. */
    public Optional<RecordingTask> runningTask(RecordingMode mode) {
        return task.filter(known -> known.taskId().isPresent()).map(known -> new RecordingTask(channel, recorder, mode, known));
    }

    RecordingSegment stopping() {
        return new RecordingSegment(vendor, channel, recorder, task, SegmentState.STOPPING, files, startedAt, endedAt);
    }

    RecordingSegment ended(SegmentState finalState, Instant now) {
        return new RecordingSegment(vendor, channel, recorder, task, finalState, files, startedAt, Optional.of(now));
    }

    /**
     * The files with {@code reported} merged in: a new file is appended, files not reported stay as they were,
     * and a file already known takes the reported details without losing what was known. Vendors repeat
     * earlier news late (a "file generated" notice after the stop said "uploaded"), so an upload status never
     * goes back, and a start time or user the report leaves out is kept.
     */
    RecordingSegment withFiles(List<RecordingFile> reported) {
        Map<String, RecordingFile> byName = new LinkedHashMap<>();
        files.forEach(file -> byName.put(file.name(), file));
        reported.forEach(file -> byName.merge(file.name(), file, RecordingSegment::merged));
        return new RecordingSegment(vendor, channel, recorder, task, state, new ArrayList<>(byName.values()), startedAt, endedAt);
    }

    /** How far a file got: not known, being written, kept in the vendor's backup, in the configured storage. */
    private static int reached(UploadStatus status) {
        return switch (status) {
            case UNKNOWN -> 0;
            case IN_PROGRESS -> 1;
            case BACKED_UP -> 2;
            case UPLOADED -> 3;
        };
    }

    private static RecordingFile merged(RecordingFile known, RecordingFile reported) {
        UploadStatus status = reached(reported.uploadStatus()) >= reached(known.uploadStatus())
                ? reported.uploadStatus() : known.uploadStatus();
        return new RecordingFile(reported.name(), reported.trackType(), reported.user().or(known::user),
                reported.startedAt().or(known::startedAt), status);
    }
}
