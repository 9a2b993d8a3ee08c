package io.rtcgate.domain.vendor;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the gateway plays in front of a vendor's adapters, as if the vendor's cloud misbehaved: an
 * outage (every call fails as unreachable), an error rate (that share of calls fails with a server
 * error) or added latency (every call waits that long first, and times out if that is too long).
 */
public record InjectedFault(Kind kind, double errorRate, Duration latency) {

    /** The kinds of fault, named as the drills API names them. */
    public enum Kind { OUTAGE, ERRORS, LATENCY }

    public InjectedFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(latency, "latency");
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error rate must be between 0 and 1, not " + errorRate);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    public static InjectedFault outage() {
        return new InjectedFault(Kind.OUTAGE, 1, Duration.ZERO);
    }

    public static InjectedFault errors(double rate) {
        return new InjectedFault(Kind.ERRORS, rate, Duration.ZERO);
    }

    public static InjectedFault latency(Duration latency) {
        return new InjectedFault(Kind.LATENCY, 0, latency);
    }
}
