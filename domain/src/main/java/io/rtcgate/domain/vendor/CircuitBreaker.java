package io.rtcgate.domain.vendor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stops calling a vendor capability after repeated failures. CLOSED counts consecutive failures; at the
 * threshold it OPENs and refuses calls for the cool-down; then it lets one trial call through
 * (HALF_OPEN), which closes it on success or opens it again on failure. Thread-safe.
 */
public final class CircuitBreaker {

    /** The breaker's state as callers see it. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration coolDown;
    private int consecutiveFailures;
    private Instant openedAt;
    /** When it opened after it was last closed: a failed trial opens it again, but not anew. */
    private Instant troubledSince;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration coolDown) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
    }

    public synchronized State state(Instant now) {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return now.isBefore(openedAt.plus(coolDown)) ? State.OPEN : State.HALF_OPEN;
    }

    /** Whether a call may go out now; in HALF_OPEN only one trial call at a time. */
    public synchronized boolean tryAcquire(Instant now) {
        return switch (state(now)) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    /** Whether new work may be routed here: not while the breaker is open. */
    public synchronized boolean isAvailable(Instant now) {
        return state(now) != State.OPEN;
    }

    /**
     * Since when the breaker has not been closed: the time it opened, kept through its half-open trials
     * until one succeeds. Empty while it is closed.
     */
    public synchronized Optional<Instant> openSince() {
        return Optional.ofNullable(troubledSince);
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        openedAt = null;
        troubledSince = null;
        trialInFlight = false;
    }

    public synchronized void onFailure(Instant now) {
        trialInFlight = false;
        consecutiveFailures++;
        if (openedAt != null || consecutiveFailures >= failureThreshold) {
            openedAt = now;
            if (troubledSince == null) {
                troubledSince = now;
            }
        }
    }

    /** A call that did not reach a verdict on the vendor's health (e.g. the vendor refused bad input). */
    public synchronized void onNeutral() {
        trialInFlight = false;
    }
}
