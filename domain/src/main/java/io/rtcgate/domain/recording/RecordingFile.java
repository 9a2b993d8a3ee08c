package io.rtcgate.domain.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a recording wrote: its name in storage, what it holds, whose track it is (the vendor's id of the
 * user, the uid for Agora; empty for a file that mixes everyone), when its first slice began, and whether
 * it has reached storage.
 */
public record RecordingFile(String name, TrackType trackType, Optional<String> user, Optional<Instant> startedAt,
                            UploadStatus uploadStatus) {

    public RecordingFile {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a recorded file has a name");
        }
        Objects.requireNonNull(trackType, "trackType");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(uploadStatus, "uploadStatus");
    }

    /** The same file with another upload status. */
    public RecordingFile withUploadStatus(UploadStatus status) {
        return new RecordingFile(name, trackType, user, startedAt, status);
    }
}
