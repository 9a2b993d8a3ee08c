package io.rtcgate.app.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ingest.Ingest;
import io.rtcgate.domain.ingest.IngestMode;
import io.rtcgate.domain.ingest.IngestPositions;
import io.rtcgate.domain.ingest.IngestStore;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.testkit.Concurrently;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ingests and saved positions in PostgreSQL: what is written comes back whole (the playback clock included),
 * one active ingest per room and robot user even when nodes race, stale writes refused, quiet ingests claimed,
 * and positions kept per room and source.
 */
@MicronautTest(transactional = false)
class PostgresIngestStoreTest {

    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");
    private static final String FILE = "https://media.example/class.mp4?duration=600";

    @Inject
    IngestStore store;

    @Inject
    IngestPositions positions;

    private final String roomId = "room-" + UUID.randomUUID();

    private Ingest requested(String robot) {
        return Ingest.request(UUID.randomUUID().toString(), roomId, Vendor.TENCENT, roomId + "-1", FILE, IngestMode.VOD, robot,
                2, 80, Duration.ofSeconds(42), LONG_AGO);
    }

    @Test
    void anIngestComesBackAsItWasWrittenThroughItsLife() {
        Ingest inserted = store.insert(requested("robot-a"));
        assertEquals(inserted.toRecord(), store.require(inserted.id()).toRecord());

        Ingest running = store.update(inserted.started("task-1", LONG_AGO.plusSeconds(1)));
        assertEquals(running.toRecord(), store.require(running.id()).toRecord(), "a playing clock");
        Ingest paused = store.update(running.paused(LONG_AGO.plusSeconds(11)));
        assertEquals(paused.toRecord(), store.require(paused.id()).toRecord(), "a paused clock");
        assertEquals(Optional.of(Duration.ofSeconds(52)), store.require(paused.id()).position(LONG_AGO.plusSeconds(99)));
        assertEquals(List.of(paused.id()), store.activeInRoom(roomId).stream().map(Ingest::id).toList());

        Ingest failed = store.update(paused.failed(new JobFailure("InvalidParameter.StreamUrl", "refused"), LONG_AGO.plusSeconds(12)));
        assertEquals(failed.toRecord(), store.require(failed.id()).toRecord());
        assertTrue(store.activeInRoom(roomId).isEmpty());
        assertThrows(ConflictException.class, () -> store.update(paused.resumed(LONG_AGO.plusSeconds(13))), "stale");
    }

    @Test
    void aRoomHasOneActiveIngestPerRobotEvenWhenNodesRace() {
        List<Concurrently.Outcome<Ingest>> outcomes = Concurrently.run(4, () -> requested("robot-b"), store::insert);
        assertEquals(1, Concurrently.successes(outcomes));
        String winner = outcomes.stream().filter(Concurrently.Outcome::succeeded).findFirst().orElseThrow().value().id();
        ConflictException refused = assertThrows(ConflictException.class, () -> store.insert(requested("robot-b")));
        assertTrue(refused.getMessage().contains(winner), refused.getMessage());
        store.insert(requested("robot-c"));
    }

    @Test
    void aQuietIngestIsClaimedAndSavedOnce() {
        Ingest quiet = store.insert(requested("robot-d"));
        Instant heardBefore = LONG_AGO.plusSeconds(1);
        assertTrue(store.quietActive(heardBefore, 1000).contains(quiet.id()));

        Optional<Ingest> saved = store.reconcile(quiet.id(), heardBefore, ingest -> ingest.heard(Instant.now()));

        assertTrue(saved.isPresent());
        assertTrue(store.reconcile(quiet.id(), heardBefore, ingest -> ingest.heard(Instant.now())).isEmpty(), "heard of since");
    }

    @Test
    void aPositionIsKeptPerRoomAndSourceUntilCleared() {
        assertEquals(Optional.empty(), positions.find(roomId, FILE));
        positions.save(roomId, FILE, Duration.ofMillis(61_500), LONG_AGO);
        positions.save(roomId, FILE, Duration.ofMillis(75_250), LONG_AGO.plusSeconds(5));
        assertEquals(Optional.of(Duration.ofMillis(75_250)), positions.find(roomId, FILE), "the last save wins");
        assertEquals(Optional.empty(), positions.find(roomId, FILE + "&other"), "per source");
        assertEquals(Optional.empty(), positions.find("another-room", FILE), "per room");
        positions.clear(roomId, FILE);
        assertEquals(Optional.empty(), positions.find(roomId, FILE));
    }
}
