package io.rtcgate.domain.ingest;

import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a store keeps of an {@link Ingest}; it comes back only through {@link Ingest#restore}. */
public record IngestRecord(String id, String roomId, Vendor vendor, String channel, String sourceUrl, IngestMode mode,
                           String robotUserId, int repeat, int volume, Duration startPosition, IngestState state,
                           Optional<String> taskId, Optional<PlaybackClock> clock, boolean playedToEnd,
                           Optional<JobFailure> failure, Instant createdAt, Instant updatedAt, Optional<Instant> startedAt,
                           Optional<Instant> stoppedAt, long version) {
}
