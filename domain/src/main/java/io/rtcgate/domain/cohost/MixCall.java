package io.rtcgate.domain.cohost;

/** A call the gateway owes the vendor for a session's mix: start a task, or update (or retry) the running one. */
public enum MixCall {
    START,
    UPDATE
}
