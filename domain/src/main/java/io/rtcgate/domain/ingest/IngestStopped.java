package io.rtcgate.domain.ingest;

/** The vendor's answer to a stop: it stopped the task, or the task had ended already (played to its end, or gone). */
public enum IngestStopped {
    STOPPED,
    ALREADY_ENDED
}
