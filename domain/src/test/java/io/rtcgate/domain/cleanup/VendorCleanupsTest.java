package io.rtcgate.domain.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.testkit.InMemoryVendorCleanupStore;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorCleanupsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String KIND = "thing.delete";

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryVendorCleanupStore store = new InMemoryVendorCleanupStore();
    private final List<String> done = new ArrayList<>();
    private int failuresLeft;
    private final VendorCleanups cleanups = new VendorCleanups(store, Map.of(KIND, (vendor, target) -> {
        if (failuresLeft-- > 0) {
            throw new VendorException(vendor, "delete thing", VendorException.Kind.SERVER_ERROR, "500", "secret internals");
        }
        done.add(vendor.wireName() + ":" + target);
    }), clock, Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Test
    void aCleanupThatSucceedsAtOnceLeavesNothingQueued() {
        cleanups.schedule(Vendor.ALIYUN, KIND, "g1");

        assertEquals(List.of("aliyun:g1"), done);
        assertEquals(List.of(), cleanups.pending());
    }

    @Test
    void theChangeThatCallsForACleanupIsMadeBeforeItsFirstAttempt() {
        List<String> order = new ArrayList<>();
        cleanups.scheduleWith(() -> order.add("change, " + done.size() + " clean-ups done"), Vendor.ALIYUN, KIND, "g1");

        assertEquals(List.of("change, 0 clean-ups done"), order);
        assertEquals(List.of("aliyun:g1"), done);
    }

    @Test
    void aChangeThatFailsQueuesNoCleanup() {
        assertThrows(IllegalStateException.class, () -> cleanups.scheduleWith(() -> {
            throw new IllegalStateException("the change was refused");
        }, Vendor.ALIYUN, KIND, "g1"));

        assertEquals(List.of(), done);
        assertEquals(List.of(), cleanups.pending());
    }

    @Test
    void aFailedCleanupIsRetriedWithBackoffUntilItSucceeds() {
        failuresLeft = 3;
        cleanups.schedule(Vendor.ALIYUN, KIND, "g1");

        VendorCleanup queued = cleanups.pending().get(0);
        assertEquals(1, queued.attempts());
        assertEquals(T0.plusSeconds(10), queued.nextAttemptAt());
        assertEquals("aliyun delete thing failed: server error (vendor code 500)", queued.lastError(),
                "the summary, never the vendor's internals");

        assertEquals(0, cleanups.runDue(10), "not due yet");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, cleanups.runDue(10));
        assertEquals(T0.plusSeconds(10 + 20), cleanups.pending().get(0).nextAttemptAt(), "the wait doubles");
        clock.advance(Duration.ofSeconds(20));
        assertEquals(0, cleanups.runDue(10));
        assertEquals(3, cleanups.pending().get(0).attempts());
        clock.advance(Duration.ofSeconds(40));
        assertEquals(1, cleanups.runDue(10));
        assertEquals(List.of("aliyun:g1"), done);
        assertEquals(List.of(), cleanups.pending());
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        assertEquals(Duration.ofSeconds(10), cleanups.backoff(1));
        assertEquals(Duration.ofSeconds(20), cleanups.backoff(2));
        assertEquals(Duration.ofSeconds(40), cleanups.backoff(3));
        assertEquals(Duration.ofMinutes(1), cleanups.backoff(4));
        assertEquals(Duration.ofMinutes(1), cleanups.backoff(1000));
    }

    @Test
    void aClaimedCleanupIsNotHandedOutAgainDuringItsLease() {
        failuresLeft = 1;
        cleanups.schedule(Vendor.ALIYUN, KIND, "g1");
        clock.advance(Duration.ofSeconds(10));

        List<VendorCleanup> first = store.claimDue(clock.instant(), VendorCleanups.LEASE, 10);
        List<VendorCleanup> second = store.claimDue(clock.instant(), VendorCleanups.LEASE, 10);

        assertEquals(1, first.size());
        assertEquals(List.of(), second, "another node finds nothing while the first holds the claim");
        clock.advance(VendorCleanups.LEASE);
        assertEquals(1, store.claimDue(clock.instant(), VendorCleanups.LEASE, 10).size(), "a lost claim comes back");
    }

    @Test
    void aKindWithoutAnActionCannotBeQueued() {
        assertThrows(IllegalArgumentException.class, () -> cleanups.schedule(Vendor.ALIYUN, "unknown", "x"));
        assertTrue(cleanups.pending().isEmpty());
    }
}
