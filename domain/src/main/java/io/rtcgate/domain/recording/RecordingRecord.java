package io.rtcgate.domain.recording;

import io.rtcgate.domain.job.JobFailure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a store keeps of a {@link Recording}; it comes back only through {@link Recording#restore}. */
public record RecordingRecord(String id, String roomId, RecordingSpec spec, RecordingState state, List<RecordingSegment> segments, Optional<JobFailure> failure,
                              Instant createdAt, Instant updatedAt, Optional<Instant> startedAt, Optional<Instant> stoppedAt,
                              long version) {
}
