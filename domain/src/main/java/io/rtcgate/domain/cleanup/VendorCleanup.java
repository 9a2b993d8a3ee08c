package io.rtcgate.domain.cleanup;

import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.Objects;

/**
 * Something left to undo at a vendor: {@code kind} names what to do (e.g. {@code message-group.delete}),
 * {@code target} what to do it to. Kept until it succeeds; {@code attempts} counts the failed tries.
 */
public record VendorCleanup(long id, Vendor vendor, String kind, String target, int attempts, Instant nextAttemptAt,
                            String lastError) {

    public VendorCleanup {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }
}
