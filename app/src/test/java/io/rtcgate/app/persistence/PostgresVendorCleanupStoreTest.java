package io.rtcgate.app.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.cleanup.VendorCleanup;
import io.rtcgate.domain.cleanup.VendorCleanupStore;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChange;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.room.RoomMetrics;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomRecord;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.testkit.Concurrently;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    @Inject
    RoomStore rooms;

    private final String kind = "test." + UUID.randomUUID().toString().substring(0, 8);
    private final Instant future = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

    @AfterEach
    void finishMine() {
        mine(store.pending()).forEach(cleanup -> store.done(cleanup.id(), future));
    }

    private List<VendorCleanup> mine(List<VendorCleanup> cleanups) {
        return cleanups.stream().filter(cleanup -> cleanup.kind().equals(kind)).toList();
    }

    /** The change that calls for a clean-up, here a room's deletion, and the queued clean-up commit together. */
    @Test
    void aChangeMadeAlongWithTheQueueingCommitsWithItOrNotAtAll() {
        String roomId = UUID.randomUUID().toString();
        Room room = Room.restore(new RoomRecord(roomId, "doomed", null, null, "anchor", null, null, RoomMode.NORMAL,
                RoomStatus.ENDED, roomId, null, null, List.of(), RoomMetrics.ZERO, null, future, future, null, null, 0));
        rooms.insert(new RoomChange(room, List.of(new RoomEvent(roomId, RoomEventType.ROOM_CREATED, "anchor", future, Map.of()))));
        RoomChange deletion = room.delete(Caller.user("anchor"), future);

        assertThrows(IllegalStateException.class, () -> store.add(Vendor.ALIYUN, kind, "g-rolled-back", future, LEASE, () -> {
            rooms.delete(deletion);
            throw new IllegalStateException("the process died here");
        }));
        assertTrue(rooms.find(roomId).isPresent(), "the room's deletion rolled back with the failed queueing");
        assertEquals(List.of(), mine(store.pending()), "and nothing was queued");

        store.add(Vendor.ALIYUN, kind, "g-committed", future, LEASE, () -> rooms.delete(deletion));
        assertTrue(rooms.find(roomId).isEmpty());
        assertEquals(List.of("g-committed"), mine(store.pending()).stream().map(VendorCleanup::target).toList());

        assertThrows(ConflictException.class, () -> store.add(Vendor.ALIYUN, kind, "g-stale", future, LEASE,
                () -> rooms.delete(deletion)), "a stale deletion is a conflict");
        assertEquals(List.of("g-committed"), mine(store.pending()).stream().map(VendorCleanup::target).toList(),
                "and queues nothing");
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
