package io.rtcgate.emulator;

/** How an emulator can be told to misbehave, as a real vendor sometimes does. */
public enum FaultKind {
    /**
     * The vendor cannot be reached. For a period the listening socket is closed (connection refused);
     * for the next N calls the connection is dropped before any response.
     */
    CONNECTION_REFUSED,
    /** The vendor answers with its own server-error response. */
    SERVER_ERROR,
    /** The vendor answers with its own throttling response. */
    THROTTLE,
    /** The vendor answers correctly, but late. */
    LATENCY
}
