package io.rtcgate.domain.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Health of each vendor's cloud, learned on this node from the outcomes of the calls that reach it,
 * whatever their capability: transport errors, timeouts, server errors and throttling count against the
 * vendor; its own refusals do not. One circuit per vendor decides whether new work may go there and
 * whether calls go out at all. Only {@link PortGuard} records outcomes, so no call site keeps books.
 */
public final class VendorHealth {

    /** Every vendor and capability, made up front: routing reads them on every room read, without a lock. */
    private final Map<Vendor, CircuitBreaker> circuits = new EnumMap<>(Vendor.class);
    private final Map<Vendor, Map<Capability, ErrorLog>> errors = new EnumMap<>(Vendor.class);
    private final Duration errorWindow;
    private final Clock clock;

    public VendorHealth(int failureThreshold, Duration coolDown, Duration errorWindow, Clock clock) {
        this.errorWindow = errorWindow;
        this.clock = clock;
        for (Vendor vendor : Vendor.values()) {
            circuits.put(vendor, new CircuitBreaker(failureThreshold, coolDown));
            Map<Capability, ErrorLog> byCapability = new EnumMap<>(Capability.class);
            for (Capability capability : Capability.values()) {
                byCapability.put(capability, new ErrorLog());
            }
            errors.put(vendor, byCapability);
        }
    }

    /** Whether routing may send new work to the vendor: not while its circuit is open. */
    public boolean isAvailable(Vendor vendor) {
        return circuits.get(vendor).isAvailable(clock.instant());
    }

    /**
     * Since when the vendor's circuit has been open on this node, through its half-open trials; empty while
     * it is closed. Failover moves a vendor's rooms once this is long enough ago.
     */
    public Optional<Instant> openSince(Vendor vendor) {
        return circuits.get(vendor).openSince();
    }

    public HealthSnapshot snapshot(Vendor vendor) {
        Instant now = clock.instant();
        Map<Capability, HealthSnapshot.Errors> byCapability = new EnumMap<>(Capability.class);
        errors.get(vendor).forEach((capability, log) -> {
            if (capability.callsVendor()) {
                byCapability.put(capability, log.read(now));
            }
        });
        return new HealthSnapshot(vendor, circuits.get(vendor).state(now), byCapability);
    }

    /** Whether a call may go out now; in HALF_OPEN only one trial call at a time. */
    boolean tryAcquire(Vendor vendor) {
        return circuits.get(vendor).tryAcquire(clock.instant());
    }

    void recordSuccess(Vendor vendor) {
        circuits.get(vendor).onSuccess();
    }

    void recordFailure(Vendor vendor, Capability capability, String message) {
        Instant failedAt = clock.instant();
        errors.get(vendor).get(capability).record(failedAt, message);
        circuits.get(vendor).onFailure(failedAt);
    }

    /** A call that said nothing about the vendor's health (it refused bad input, or an adapter bug). */
    void recordNeutral(Vendor vendor) {
        circuits.get(vendor).onNeutral();
    }

    private final class ErrorLog {
        final Deque<Instant> recent = new ArrayDeque<>();
        Instant lastAt;
        String last;

        synchronized void record(Instant now, String message) {
            recent.addLast(now);
            lastAt = now;
            last = message;
            forgetOld(now);
        }

        synchronized HealthSnapshot.Errors read(Instant now) {
            forgetOld(now);
            return new HealthSnapshot.Errors(recent.size(), lastAt, last);
        }

        private void forgetOld(Instant now) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(errorWindow))) {
                recent.removeFirst();
            }
        }
    }
}
