package io.rtcgate.app.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.domain.cleanup.VendorCleanup;
import io.rtcgate.domain.cleanup.VendorCleanupStore;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.testkit.Concurrently;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clean-up queue in PostgreSQL: claims are leases that several nodes take at once without ever
 * sharing a row. The test's clean-ups live ten years ahead, out of reach of the gateway's own retrier.
 */
@MicronautTest(transactional = false)
class PostgresVendorCleanupStoreTest {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int ROWS = 20;
    private static final int NODES = 4;

    @Inject
    VendorCleanupStore store;

    private final String kind = "test." + UUID.randomUUID().toString().substring(0, 8);
    private final Instant future = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

    @AfterEach
    void finishMine() {
        mine(store.pending()).forEach(cleanup -> store.done(cleanup.id(), future));
    }

    private List<VendorCleanup> mine(List<VendorCleanup> cleanups) {
        return cleanups.stream().filter(cleanup -> cleanup.kind().equals(kind)).toList();
    }

    @Test
    void anAddedCleanupIsClaimedByItsAdderUntilTheLeaseEnds() {
        VendorCleanup added = store.add(Vendor.ALIYUN, kind, "g1", future, LEASE);

        assertEquals(0, added.attempts());
        assertEquals(future.plus(LEASE), added.nextAttemptAt());
        assertEquals(List.of(), mine(store.claimDue(future, LEASE, 100)), "nobody else takes it during the lease");
        List<VendorCleanup> later = mine(store.claimDue(future.plus(LEASE), LEASE, 100));
        assertEquals(List.of(added.id()), later.stream().map(VendorCleanup::id).toList(), "a lost claim comes back");
    }

    @Test
    void aFailureIsRecordedAndADoneCleanupLeavesTheQueue() {
        VendorCleanup added = store.add(Vendor.ALIYUN, kind, "g2", future, LEASE);

        store.failed(added.id(), 1, future.plusSeconds(10), "aliyun delete message group failed: server error");
        VendorCleanup failed = mine(store.pending()).get(0);
        assertEquals(1, failed.attempts());
        assertEquals(future.plusSeconds(10), failed.nextAttemptAt());
        assertEquals("aliyun delete message group failed: server error", failed.lastError());

        store.done(added.id(), future);
        assertEquals(List.of(), mine(store.pending()));
        assertEquals(List.of(), mine(store.claimDue(future.plus(Duration.ofDays(1)), LEASE, 100)));
    }

    @Test
    void nodesClaimingAtOnceGetDisjointRows() {
        for (int i = 0; i < ROWS; i++) {
            VendorCleanup added = store.add(Vendor.ALIYUN, kind, "g" + i, future, LEASE);
            store.failed(added.id(), 1, future, "due now");
        }

        var outcomes = Concurrently.run(NODES, () -> null, ignored -> mine(store.claimDue(future, LEASE, 100)));

        Set<Long> claimed = new HashSet<>();
        int total = 0;
        for (var outcome : outcomes) {
            assertTrue(outcome.succeeded(), String.valueOf(outcome.error()));
            for (VendorCleanup cleanup : outcome.value()) {
                assertTrue(claimed.add(cleanup.id()), "clean-up " + cleanup.id() + " was claimed twice");
                total++;
            }
        }
        assertEquals(ROWS, total, "every due clean-up was claimed once");
    }
}
