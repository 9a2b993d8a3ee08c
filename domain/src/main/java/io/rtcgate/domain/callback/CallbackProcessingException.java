package io.rtcgate.domain.callback;

/**
 * Processing a delivery failed and was rolled back: the delivery stays unprocessed for the next attempt.
 * The cause is what the handler threw.
 */
public final class CallbackProcessingException extends RuntimeException {

    private final long callbackId;

    public CallbackProcessingException(long callbackId, RuntimeException cause) {
        super("processing vendor callback " + callbackId + " failed: " + cause, cause);
        this.callbackId = callbackId;
    }

    public long callbackId() {
        return callbackId;
    }
}
