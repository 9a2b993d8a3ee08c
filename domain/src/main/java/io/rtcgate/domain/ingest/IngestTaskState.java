package io.rtcgate.domain.ingest;

/** Where a vendor's ingest task is, as its describe reports it. */
public enum IngestTaskState {
    /** Pulling and publishing the source. */
    RUNNING,
    /** Paused by an update; it publishes nothing until resumed. */
    PAUSED,
    /** The vendor no longer has the task: it played to its end, was stopped, or never existed. */
    GONE
}
