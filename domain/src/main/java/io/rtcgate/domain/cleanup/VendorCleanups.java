package io.rtcgate.domain.cleanup;

import io.rtcgate.domain.DomainException;
import io.rtcgate.domain.ExponentialBackoff;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Clean-ups at vendors that must happen even when the vendor fails right now: each is queued durably,
 * tried at once, and retried with exponential backoff (from {@code firstBackoff}, doubling, at most
 * {@code maxBackoff}) until it succeeds. Any number of nodes may run {@link #runDue} at the same time:
 * each clean-up is claimed by one of them at a time.
 */
public final class VendorCleanups {

    private static final System.Logger LOG = System.getLogger(VendorCleanups.class.getName());
    /** How long a node may work on a clean-up it claimed before others may take it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_ERROR = 500;

    private final VendorCleanupStore store;
    private final Map<String, CleanupAction> actions;
    private final Clock clock;
    private final ExponentialBackoff backoff;

    public VendorCleanups(VendorCleanupStore store, Map<String, CleanupAction> actions, Clock clock, Duration firstBackoff,
                          Duration maxBackoff) {
        this.backoff = new ExponentialBackoff(firstBackoff, maxBackoff);
        this.store = store;
        this.actions = Map.copyOf(actions);
        this.clock = clock;
    }

    /** Queues a clean-up and makes its first attempt now; a failure leaves it queued for a retry. */
    public void schedule(Vendor vendor, String kind, String target) {
        scheduleWith(() -> { }, vendor, kind, target);
    }

    /**
     * Makes {@code change} and queues the clean-up it calls for in one transaction, then makes the first
     * attempt. A change that fails queues nothing; a crash after the commit leaves the clean-up to the
     * retriers once its lease ends, so the clean-up of a change that happened is never lost.
     */
    public void scheduleWith(Runnable change, Vendor vendor, String kind, String target) {
        Objects.requireNonNull(target, "target");
        if (!actions.containsKey(kind)) {
            throw new IllegalArgumentException("no clean-up action for " + kind);
        }
        attempt(store.add(vendor, kind, target, clock.instant(), LEASE, change));
    }

    /** Claims the clean-ups that are due and tries each once; returns how many succeeded. */
    public int runDue(int limit) {
        List<VendorCleanup> due = store.claimDue(clock.instant(), LEASE, limit);
        int succeeded = 0;
        for (VendorCleanup cleanup : due) {
            if (attempt(cleanup)) {
                succeeded++;
            }
        }
        return succeeded;
    }

    /** The clean-ups still to do, oldest first. */
    public List<VendorCleanup> pending() {
        return store.pending();
    }

    /** The wait after the {@code attempts}-th failure in a row. */
    Duration backoff(int attempts) {
        return backoff.after(attempts);
    }

    private boolean attempt(VendorCleanup cleanup) {
        CleanupAction action = actions.get(cleanup.kind());
        try {
            if (action == null) {
                // queued by a node that knows this kind; this one leaves it for such a node
                throw new IllegalStateException("this node has no clean-up action for " + cleanup.kind());
            }
            action.run(cleanup.vendor(), cleanup.target());
            store.done(cleanup.id(), clock.instant());
            return true;
        } catch (RuntimeException e) {
            int attempts = cleanup.attempts() + 1;
            Instant next = clock.instant().plus(backoff(attempts));
            String error = describe(e);
            LOG.log(Level.WARNING, "{0} {1} of {2} failed (attempt {3}), retrying at {4}: {5}", cleanup.vendor().wireName(),
                    cleanup.kind(), cleanup.target(), attempts, next, error);
            store.failed(cleanup.id(), attempts, next, error);
            return false;
        }
    }

    /** What the error log keeps: a vendor failure's summary (never its internals), a refusal's message. */
    private static String describe(RuntimeException e) {
        String text;
        if (e instanceof VendorException failure) {
            text = failure.summary();
        } else if (e instanceof DomainException refusal) {
            text = refusal.getMessage();
        } else {
            text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
