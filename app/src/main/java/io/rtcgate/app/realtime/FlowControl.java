package io.rtcgate.app.realtime;

/**
 * What a stream does with its next frame while {@code unwritten} frames still wait to be written to its client:
 * send it, drop it, or wait for the client to catch up (and close the stream as too slow when it does not in time).
 */
@FunctionalInterface
public interface FlowControl {

    enum Decision { SEND, DROP, WAIT }

    Decision decide(int priority, int unwritten);

    /** Every frame is told, in order: a client that keeps more than {@code queueSize} unwritten is waited for. */
    static FlowControl lossless(int queueSize) {
        return (priority, unwritten) -> unwritten < queueSize ? Decision.SEND : Decision.WAIT;
    }

    /**
     * Seed 001's weights: under backpressure likes (weight 9) are dropped once half of {@code queueSize} is
     * unwritten, comments (8) once three quarters are, and nothing else is ever dropped: those frames are written
     * whatever the queue, up to four times {@code queueSize}, past which the client has stopped reading and is waited
     * for (then closed as too slow).
     */
    static FlowControl weighted(int queueSize) {
        return (priority, unwritten) -> {
            if (priority >= 9 && unwritten >= queueSize / 2) {
                return Decision.DROP;
            }
            if (priority == 8 && unwritten >= queueSize * 3 / 4) {
                return Decision.DROP;
            }
            return unwritten < queueSize * 4 ? Decision.SEND : Decision.WAIT;
        };
    }
}
