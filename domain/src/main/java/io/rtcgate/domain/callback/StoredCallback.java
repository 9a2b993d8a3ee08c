package io.rtcgate.domain.callback;

import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery in the inbox: recorded on receipt, processed once. {@code attempts} counts the processing
 * runs that failed; a processed delivery has its time and outcome.
 */
public record StoredCallback(
        long id,
        Vendor vendor,
        CallbackKind kind,
        String dedupeKey,
        CallbackRequest request,
        Instant receivedAt,
        int attempts,
        Optional<Instant> processedAt,
        Optional<CallbackOutcome> outcome) {

    public StoredCallback {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(processedAt, "processedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean processed() {
        return processedAt.isPresent();
    }
}
