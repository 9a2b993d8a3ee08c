package io.rtcgate.domain.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Health of each vendor capability, learned from the outcomes of real calls on this node: transport
 * errors, timeouts, server errors and throttling count against a vendor; its own refusals do not.
 */
public final class VendorHealth {

    /** How a vendor capability looks now. */
    public record Snapshot(Vendor vendor, Capability capability, CircuitBreaker.State circuit, int recentErrors,
                           Instant lastErrorAt, String lastError) {
    }

    /** Every vendor and capability, made up front: routing reads them on every room read, without a lock. */
    private final Map<Vendor, Map<Capability, Entry>> entries = new EnumMap<>(Vendor.class);
    private final Duration errorWindow;
    private final Clock clock;

    public VendorHealth(int failureThreshold, Duration coolDown, Duration errorWindow, Clock clock) {
        this.errorWindow = errorWindow;
        this.clock = clock;
        for (Vendor vendor : Vendor.values()) {
            Map<Capability, Entry> byCapability = new EnumMap<>(Capability.class);
            for (Capability capability : Capability.values()) {
                byCapability.put(capability, new Entry(new CircuitBreaker(failureThreshold, coolDown)));
            }
            entries.put(vendor, byCapability);
        }
    }

    /** Whether routing may send new work to this vendor capability. */
    public boolean isAvailable(Vendor vendor, Capability capability) {
        return entry(vendor, capability).breaker.isAvailable(clock.instant());
    }

    /**
     * Runs one vendor call and records its outcome. While the circuit is open the call is not made.
     *
     * @throws VendorException from the call, or with kind UNAVAILABLE when the circuit is open
     */
    public <T> T call(Vendor vendor, Capability capability, String operation, Supplier<T> call) {
        Entry entry = entry(vendor, capability);
        if (!entry.breaker.tryAcquire(clock.instant())) {
            throw new VendorException(vendor, operation, VendorException.Kind.UNAVAILABLE, "circuit_open",
                    "the gateway stopped calling it after repeated failures; it is retried after a cool-down");
        }
        boolean settled = false;
        try {
            T result = call.get();
            entry.breaker.onSuccess();
            settled = true;
            return result;
        } catch (VendorException e) {
            if (e.kind().countsAgainstHealth()) {
                Instant failedAt = clock.instant();
                entry.recordError(failedAt, e.getMessage());
                entry.breaker.onFailure(failedAt);
                settled = true;
            }
            throw e;
        } finally {
            // anything else (a refusal, an adapter bug, even an Error) frees a half-open trial slot
            if (!settled) {
                entry.breaker.onNeutral();
            }
        }
    }

    public void run(Vendor vendor, Capability capability, String operation, Runnable call) {
        call(vendor, capability, operation, () -> {
            call.run();
            return null;
        });
    }

    public Snapshot snapshot(Vendor vendor, Capability capability) {
        Entry entry = entry(vendor, capability);
        Instant now = clock.instant();
        synchronized (entry) {
            entry.forgetOld(now);
            return new Snapshot(vendor, capability, entry.breaker.state(now), entry.recentErrors.size(),
                    entry.lastErrorAt, entry.lastError);
        }
    }

    private Entry entry(Vendor vendor, Capability capability) {
        return entries.get(vendor).get(capability);
    }

    private final class Entry {
        final CircuitBreaker breaker;
        final Deque<Instant> recentErrors = new ArrayDeque<>();
        Instant lastErrorAt;
        String lastError;

        Entry(CircuitBreaker breaker) {
            this.breaker = breaker;
        }

        synchronized void recordError(Instant now, String message) {
            recentErrors.addLast(now);
            lastErrorAt = now;
            lastError = message;
            forgetOld(now);
        }

        synchronized void forgetOld(Instant now) {
            while (!recentErrors.isEmpty() && recentErrors.peekFirst().isBefore(now.minus(errorWindow))) {
                recentErrors.removeFirst();
            }
        }
    }
}
