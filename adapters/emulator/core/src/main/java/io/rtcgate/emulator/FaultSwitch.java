package io.rtcgate.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The fault an emulator injects next: one kind at a time, either for a period or for the next N calls.
 * Thread-safe.
 */
public final class FaultSwitch {

    /** An active fault: what, how late (for LATENCY), until when or how many calls are left. */
    public record Fault(FaultKind kind, Duration latency) {
    }

    private final Clock clock;
    private Fault fault;
    private Instant until;
    private int callsLeft;

    public FaultSwitch(Clock clock) {
        this.clock = clock;
    }

    /** Fails every call for {@code period}. */
    public synchronized void failFor(FaultKind kind, Duration period) {
        set(new Fault(kind, Duration.ZERO), clock.instant().plus(period), 0);
    }

    /** Fails the next {@code calls} calls. */
    public synchronized void failNext(FaultKind kind, int calls) {
        set(new Fault(kind, Duration.ZERO), null, calls);
    }

    /** Delays every call by {@code latency} for {@code period}. */
    public synchronized void delayFor(Duration latency, Duration period) {
        set(new Fault(FaultKind.LATENCY, latency), clock.instant().plus(period), 0);
    }

    /** Delays the next {@code calls} calls by {@code latency}. */
    public synchronized void delayNext(Duration latency, int calls) {
        set(new Fault(FaultKind.LATENCY, latency), null, calls);
    }

    public synchronized void clear() {
        fault = null;
        until = null;
        callsLeft = 0;
    }

    /** The fault for the call being served now, if any; counts the call against a "next N" fault. */
    public synchronized Optional<Fault> take() {
        if (fault == null) {
            return Optional.empty();
        }
        if (until != null) {
            if (clock.instant().isBefore(until)) {
                return Optional.of(fault);
            }
            clear();
            return Optional.empty();
        }
        Fault current = fault;
        if (--callsLeft <= 0) {
            clear();
        }
        return Optional.of(current);
    }

    /** Whether the listener should be closed now (connection refused for a period). */
    public synchronized Optional<Instant> refusingUntil() {
        if (fault != null && fault.kind() == FaultKind.CONNECTION_REFUSED && until != null && clock.instant().isBefore(until)) {
            return Optional.of(until);
        }
        return Optional.empty();
    }

    private void set(Fault newFault, Instant newUntil, int calls) {
        if (newUntil == null && calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1");
        }
        fault = newFault;
        until = newUntil;
        callsLeft = calls;
    }
}
