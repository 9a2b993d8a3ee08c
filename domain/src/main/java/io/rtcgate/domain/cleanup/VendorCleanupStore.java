package io.rtcgate.domain.cleanup;

import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: the durable queue of vendor clean-ups, shared by every gateway node. A node works on a clean-up
 * only while it holds its claim, a lease: claiming moves the next attempt past the lease, so no other node
 * takes it meanwhile, and a node that dies holding it only delays it until the lease ends.
 */
public interface VendorCleanupStore {

    /**
     * Queues a clean-up, already claimed by the caller for {@code lease} so it can make the first attempt,
     * and makes {@code alongWith} (a change in another store of the same database, such as deleting the
     * room the clean-up is for) in the same transaction: both commit, or neither does.
     */
    VendorCleanup add(Vendor vendor, String kind, String target, Instant now, Duration lease, Runnable alongWith);

    /** Queues a clean-up on its own; see {@link #add(Vendor, String, String, Instant, Duration, Runnable)}. */
    default VendorCleanup add(Vendor vendor, String kind, String target, Instant now, Duration lease) {
        return add(vendor, kind, target, now, lease, () -> { });
    }

    /**
     * Claims up to {@code limit} clean-ups that are due at {@code now} and that no other node is claiming
     * right now, oldest due first.
     */
    List<VendorCleanup> claimDue(Instant now, Duration lease, int limit);

    /** The clean-up succeeded: it leaves the queue. */
    void done(long id, Instant now);

    /** The attempt failed: the clean-up stays, to be tried again at {@code nextAttemptAt}. */
    void failed(long id, int attempts, Instant nextAttemptAt, String error);

    /** The clean-ups not done yet, oldest first. */
    List<VendorCleanup> pending();
}
