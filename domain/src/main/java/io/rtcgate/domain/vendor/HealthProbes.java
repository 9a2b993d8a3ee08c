package io.rtcgate.domain.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active health probes of this node: one {@link VendorProbe} call per enabled vendor that offers one, each
 * pass. The calls go through the guarded ports, so their outcomes count for the vendors' health as any call
 * does; this keeps the last result of each for operators to read.
 */
public final class HealthProbes {

    /**
     * One probe: when it ran, whether the vendor answered it as it should, how long that took, and otherwise
     * what went wrong (a summary without internals).
     */
    public record ProbeResult(Instant at, boolean answered, Duration took, Optional<String> error) {

        public ProbeResult {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(took, "took");
            Objects.requireNonNull(error, "error");
        }
    }

    private static final System.Logger LOG = System.getLogger(HealthProbes.class.getName());

    private final VendorPorts ports;
    private final Clock clock;
    private final Map<Vendor, ProbeResult> last = new ConcurrentHashMap<>();

    public HealthProbes(VendorPorts ports, Clock clock) {
        this.ports = ports;
        this.clock = clock;
    }

    /** Probes every enabled vendor once, one after the other; returns how many answered. */
    public int probeAll() {
        int answered = 0;
        for (Vendor vendor : ports.vendors()) {
            Optional<VendorProbe> probe = ports.find(vendor, VendorProbe.class);
            if (probe.isPresent() && probe(vendor, probe.get()).answered()) {
                answered++;
            }
        }
        return answered;
    }

    /** The last probe of the vendor on this node; empty before the first, or when the vendor offers none. */
    public Optional<ProbeResult> last(Vendor vendor) {
        return Optional.ofNullable(last.get(vendor));
    }

    private ProbeResult probe(Vendor vendor, VendorProbe probe) {
        Instant started = clock.instant();
        ProbeResult result;
        try {
            probe.probe();
            result = new ProbeResult(started, true, Duration.between(started, clock.instant()), Optional.empty());
        } catch (VendorException e) {
            result = new ProbeResult(started, false, Duration.between(started, clock.instant()), Optional.of(e.summary()));
        } catch (RuntimeException e) {
            // an adapter bug says nothing of the vendor; it is logged, and shown without its message
            LOG.log(System.Logger.Level.WARNING, "the health probe of {0} failed in the gateway: {1}", vendor.wireName(),
                    e.toString());
            result = new ProbeResult(started, false, Duration.between(started, clock.instant()),
                    Optional.of("the probe failed in the gateway: " + e.getClass().getSimpleName()));
        }
        ProbeResult previous = last.put(vendor, result);
        if (previous != null && previous.answered() != result.answered()) {
            LOG.log(System.Logger.Level.INFO, "the health probe of {0} {1}", vendor.wireName(),
                    result.answered() ? "is answered again" : "went unanswered: " + result.error().orElse(""));
        }
        return result;
    }
}
