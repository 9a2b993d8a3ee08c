package io.rtcgate.domain.ingest;

import java.util.Locale;

/**
 * Lifecycle of an ingest: {@code STARTING → RUNNING ⇄ PAUSED → STOPPED | FAILED}. A start still in flight may
 * be stopped or fail; STOPPED and FAILED are final. A running or paused ingest whose room moved to another
 * channel starts again there: back to STARTING.
 */
public enum IngestState {
    STARTING,
    RUNNING,
    PAUSED,
    STOPPED,
    FAILED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == STOPPED || this == FAILED;
    }

    public boolean canMoveTo(IngestState next) {
        if (isFinal()) {
            return false;
        }
        return switch (this) {
            case STARTING -> next == RUNNING || next == STOPPED || next == FAILED;
            case RUNNING -> next == PAUSED || next == STOPPED || next == FAILED || next == STARTING;
            case PAUSED -> next == RUNNING || next == STOPPED || next == FAILED || next == STARTING;
            case STOPPED, FAILED -> false;
        };
    }
}
