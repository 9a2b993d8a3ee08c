package io.rtcgate.domain.vendor;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults injected on this node, one per vendor at most, each until a given time. The guarded ports
 * read it on every vendor call; failover drills set and clear it. Thread-safe.
 */
public final class VendorFaults {

    private record Active(InjectedFault fault, Instant until) {
    }

    private final Map<Vendor, Active> active = new ConcurrentHashMap<>();
    private final Clock clock;

    public VendorFaults(Clock clock) {
        this.clock = clock;
    }

    /** Plays {@code fault} in front of the vendor's adapters until {@code until}, replacing any other. */
    public void inject(Vendor vendor, InjectedFault fault, Instant until) {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(until, "until");
        active.put(vendor, new Active(fault, until));
    }

    public void clear(Vendor vendor) {
        active.remove(vendor);
    }

    /** The fault in force for the vendor now; one whose time is up is gone. */
    public Optional<InjectedFault> active(Vendor vendor) {
        Active current = active.get(vendor);
        if (current == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(current.until())) {
            active.remove(vendor, current);
            return Optional.empty();
        }
        return Optional.of(current.fault());
    }
}
