package io.rtcgate.domain.recording;

import java.util.Locale;

/**
 * Lifecycle of a recording: {@code REQUESTED → STARTING → RECORDING → STOPPING → COMPLETED | FAILED}.
 * <ul>
 *   <li>REQUESTED: the gateway has written it down and not yet asked a vendor;</li>
 *   <li>STARTING: a vendor is being asked to start it (or, after a failover, to go on with it);</li>
 *   <li>RECORDING: a vendor task records the channel;</li>
 *   <li>STOPPING: the vendor has been asked to stop, the final files are not known yet;</li>
 *   <li>COMPLETED and FAILED are final.</li>
 * </ul>
 * A start in flight may be stopped (STARTING → STOPPING); a vendor task may end by itself
 * (RECORDING → COMPLETED, when the channel stayed empty for the idle time); any state that is not final
 * may fail.
 */
public enum RecordingState {
    REQUESTED,
    STARTING,
    RECORDING,
    STOPPING,
    COMPLETED,
    FAILED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }

    public boolean canMoveTo(RecordingState next) {
        if (next == FAILED) {
            return !isFinal();
        }
        return switch (this) {
            case REQUESTED -> next == STARTING;
            case STARTING -> next == RECORDING || next == STOPPING;
            case RECORDING -> next == STOPPING || next == COMPLETED || next == STARTING;
            case STOPPING -> next == COMPLETED;
            case COMPLETED, FAILED -> false;
        };
    }
}
