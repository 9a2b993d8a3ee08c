package io.rtcgate.testkit;

import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.callback.CallbackProcessingException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StoredCallback;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A {@link VendorCallbackStore} in a map, keeping the port's promises: one row per vendor, kind and dedupe
 * key, each processed at most once, a processor that throws leaves the row as it was. Every operation holds
 * the store's lock, processing included, so no two threads ever process a row; a processor's writes to
 * other in-memory stores are not rolled back with it (processors throw before they write).
 */
public final class InMemoryVendorCallbackStore implements VendorCallbackStore {

    private final TreeMap<Long, StoredCallback> rows = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized Recorded record(Vendor vendor, CallbackKind kind, String dedupeKey, CallbackRequest request,
                                        Instant receivedAt) {
        for (StoredCallback row : rows.values()) {
            if (row.vendor() == vendor && row.kind() == kind && row.dedupeKey().equals(dedupeKey)) {
                return new Recorded(row.id(), true);
            }
        }
        long id = nextId++;
        rows.put(id, new StoredCallback(id, vendor, kind, dedupeKey, request, receivedAt, 0, Optional.empty(), Optional.empty()));
        return new Recorded(id, false);
    }

    @Override
    public synchronized CallbackOutcome process(long id, Processor processor, Instant now) {
        StoredCallback row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException("no vendor callback " + id);
        }
        if (row.processed()) {
            return row.outcome().orElseThrow();
        }
        return run(row, processor, now);
    }

    @Override
    public synchronized OptionalLong processNext(long afterId, Processor processor, Instant now) {
        for (StoredCallback row : rows.tailMap(afterId, false).values()) {
            if (!row.processed()) {
                run(row, processor, now);
                return OptionalLong.of(row.id());
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public synchronized void recordFailure(long id, String error, int maxAttempts, Instant now) {
        StoredCallback row = rows.get(id);
        int attempts = row.attempts() + 1;
        boolean giveUp = attempts >= maxAttempts;
        errors.add(error);
        rows.put(id, new StoredCallback(id, row.vendor(), row.kind(), row.dedupeKey(), row.request(), row.receivedAt(), attempts,
                giveUp ? Optional.of(now) : Optional.empty(),
                giveUp ? Optional.of(new CallbackOutcome(CallbackOutcome.Result.FAILED, error)) : Optional.empty()));
    }

    @Override
    public synchronized Optional<StoredCallback> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** Every row, oldest first. */
    public synchronized List<StoredCallback> all() {
        return List.copyOf(rows.values());
    }

    /** The errors of every failed processing run, oldest first. */
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    private CallbackOutcome run(StoredCallback row, Processor processor, Instant now) {
        CallbackOutcome outcome;
        try {
            outcome = processor.process(row);
        } catch (RuntimeException e) {
            throw new CallbackProcessingException(row.id(), e);
        }
        rows.put(row.id(), new StoredCallback(row.id(), row.vendor(), row.kind(), row.dedupeKey(), row.request(),
                row.receivedAt(), row.attempts(), Optional.of(now), Optional.of(outcome)));
        return outcome;
    }
}
