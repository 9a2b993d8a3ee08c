package io.rtcgate.domain.vendor;

import java.time.Instant;
import java.util.Map;

/** How a vendor looks on this node now: its circuit, and the recent errors of each capability that calls its cloud. */
public record HealthSnapshot(Vendor vendor, CircuitBreaker.State circuit, Map<Capability, Errors> errors) {

    /** The errors one capability's calls met within the error window, and the last of them. */
    public record Errors(int recentErrors, Instant lastErrorAt, String lastError) {
    }

    public HealthSnapshot {
        errors = Map.copyOf(errors);
    }
}
