package io.rtcgate.domain.ingest;

import io.rtcgate.domain.job.JobFailure;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor's ingest callback says, in the gateway's words: the event, the vendor's task id (TRTC's
 * TaskId, Agora's player id), why it failed when it did, the vendor's time of the event and its own name for
 * the event (for the inbox's outcome).
 */
public record IngestNotice(Event event, String taskId, Optional<JobFailure> failure, Instant reportedAt, String vendorEvent) {

    public enum Event {
        /** The task runs: the vendor started pulling the source (TRTC 701 status 0, Agora's player created). */
        STARTED,
        /** The task ended at the vendor: stopped, or its source played to its end (TRTC 702, Agora's player destroyed). */
        ENDED,
        /** The task could not start or broke off; {@code failure} says why. */
        FAILED,
        /** News of a running task that changes nothing the gateway keeps (a retried start, a status report). */
        PROGRESS
    }

    public IngestNotice {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(taskId, "taskId");
        if (taskId.isBlank()) {
            throw new IllegalArgumentException("an ingest notice names its task");
        }
        Objects.requireNonNull(failure, "failure");
        if ((event == Event.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("an ingest notice has a failure exactly when it reports one");
        }
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(vendorEvent, "vendorEvent");
    }
}
