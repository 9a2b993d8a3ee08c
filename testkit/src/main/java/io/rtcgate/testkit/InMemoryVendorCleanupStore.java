package io.rtcgate.testkit;

import io.rtcgate.domain.cleanup.VendorCleanup;
import io.rtcgate.domain.cleanup.VendorCleanupStore;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The clean-up queue in memory, with the claims the PostgreSQL store makes with row locks. */
public final class InMemoryVendorCleanupStore implements VendorCleanupStore {

    private final Map<Long, VendorCleanup> pending = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized VendorCleanup add(Vendor vendor, String kind, String target, Instant now, Duration lease,
                                          Runnable alongWith) {
        // the change first: if it fails, nothing is queued, as a rolled-back transaction would leave it
        alongWith.run();
        VendorCleanup cleanup = new VendorCleanup(nextId++, vendor, kind, target, 0, now.plus(lease), null);
        pending.put(cleanup.id(), cleanup);
        return cleanup;
    }

    @Override
    public synchronized List<VendorCleanup> claimDue(Instant now, Duration lease, int limit) {
        List<VendorCleanup> claimed = new ArrayList<>();
        pending.values().stream()
                .filter(cleanup -> !cleanup.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(VendorCleanup::nextAttemptAt).thenComparing(VendorCleanup::id))
                .limit(limit)
                .toList()
                .forEach(cleanup -> {
                    VendorCleanup leased = new VendorCleanup(cleanup.id(), cleanup.vendor(), cleanup.kind(), cleanup.target(),
                            cleanup.attempts(), now.plus(lease), cleanup.lastError());
                    pending.put(cleanup.id(), leased);
                    claimed.add(leased);
                });
        return claimed;
    }

    @Override
    public synchronized void done(long id, Instant now) {
        pending.remove(id);
    }

    @Override
    public synchronized void failed(long id, int attempts, Instant nextAttemptAt, String error) {
        VendorCleanup cleanup = pending.get(id);
        if (cleanup != null) {
            pending.put(id, new VendorCleanup(id, cleanup.vendor(), cleanup.kind(), cleanup.target(), attempts, nextAttemptAt, error));
        }
    }

    @Override
    public synchronized List<VendorCleanup> pending() {
        return List.copyOf(pending.values());
    }
}
