package io.rtcgate.domain.callback;

import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port: the inbox of vendor callbacks. A delivery is recorded before it is processed, at most once per
 * vendor, kind and dedupe key, and processed at most once across every node sharing the store: processing
 * holds the delivery's lock from claim to outcome, and the outcome is saved in the same transaction as
 * whatever the processor wrote to stores of the same database. A processor that throws leaves nothing
 * behind and the delivery unprocessed.
 */
public interface VendorCallbackStore {

    /** The inbox row of a delivery; {@code duplicate} when the vendor had sent it before. */
    record Recorded(long id, boolean duplicate) {
    }

    /** Acts on one delivery and says what it did. */
    @FunctionalInterface
    interface Processor {
        CallbackOutcome process(StoredCallback callback);
    }

    /** Keeps the delivery unprocessed, unless one with the same vendor, kind and dedupe key is kept already. */
    Recorded record(Vendor vendor, CallbackKind kind, String dedupeKey, CallbackRequest request, Instant receivedAt);

    /**
     * Processes delivery {@code id} unless it is processed already, waiting for a node that holds it, and
     * returns its outcome (the earlier one for a processed delivery).
     *
     * @throws CallbackProcessingException when the processor threw; nothing it did was kept
     */
    CallbackOutcome process(long id, Processor processor, Instant now);

    /**
     * Claims the first unprocessed delivery with an id above {@code afterId} that no other node holds
     * ({@code FOR UPDATE SKIP LOCKED}) and processes it.
     *
     * @return the id of the delivery processed; empty when there is none
     * @throws CallbackProcessingException when the processor threw; nothing it did was kept
     */
    OptionalLong processNext(long afterId, Processor processor, Instant now);

    /**
     * Counts a failed processing run of the delivery and keeps its error; the run that reaches
     * {@code maxAttempts} closes it with outcome {@code failed}, so one bad delivery cannot block the inbox.
     */
    void recordFailure(long id, String error, int maxAttempts, Instant now);

    Optional<StoredCallback> find(long id);
}
