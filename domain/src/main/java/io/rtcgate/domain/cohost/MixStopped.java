package io.rtcgate.domain.cohost;

/** How a vendor answered a mix stop. */
public enum MixStopped {
    /** The task was running and is stopped now. */
    STOPPED,
    /** The vendor no longer had the task: it had ended already. */
    ALREADY_ENDED
}
