package io.rtcgate.domain.vendor;

import java.time.Duration;
import java.util.Locale;

/**
 * Port: hears about every call {@link PortGuard} passes to a vendor adapter, local signing included, once it is over:
 * which vendor, capability and operation (the port method's name), how it ended and how long it took. Metrics
 * implement it; it must be quick and must not throw.
 */
@FunctionalInterface
public interface VendorCallObserver {

    /** Observes nothing. */
    VendorCallObserver NONE = (vendor, capability, operation, outcome, elapsed) -> { };

    /** The outcome of a call that returned. */
    String SUCCESS = "success";
    /** The outcome of a call that threw something other than a {@link VendorException}: an adapter bug or a refusal. */
    String ERROR = "error";

    /**
     * @param outcome {@link #SUCCESS}, {@link #ERROR}, or the {@link VendorException.Kind} of the failure in lower case
     *                ({@code timeout}, {@code transport}, {@code server_error}, {@code throttled}, {@code rejected},
     *                {@code unavailable}: not called, as the circuit is open or too many calls are in flight)
     */
    void observed(Vendor vendor, Capability capability, String operation, String outcome, Duration elapsed);

    /** The outcome a vendor failure is observed with. */
    static String outcomeOf(VendorException failure) {
        return failure.kind().name().toLowerCase(Locale.ROOT);
    }
}
