package io.rtcgate.app.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.idempotency.IdempotencyStore;
import io.rtcgate.domain.idempotency.StoredResponse;
import io.rtcgate.domain.recording.ActiveRecordingException;
import io.rtcgate.domain.recording.MixLayout;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.Recording;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingSpec;
import io.rtcgate.domain.recording.RecordingStore;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.domain.recording.VendorTaskId;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.testkit.Concurrently;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Recordings and idempotency keys in PostgreSQL: what is written comes back whole, one active recording per
 * room and mode, look-ups by task and recorder, and the reconciler's claims shared by several nodes. The
 * test's recordings are "heard of" in 2001, so only this test's reconcile calls see them as quiet.
 */
@MicronautTest(transactional = false)
class PostgresRecordingStoreTest {

    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");
    private static final RecordingSpec SPEC = new RecordingSpec(RecordingMode.MIX, Set.of(RecordingFormat.HLS,
            RecordingFormat.MP4), Duration.ofSeconds(45), Optional.of(MixLayout.VERTICAL));

    @Inject
    RecordingStore store;

    @Inject
    IdempotencyStore keys;

    private final String roomId = "room-" + UUID.randomUUID();

    private Recording requested(RecordingMode mode, RecorderIdentity recorder) {
        RecordingSpec spec = new RecordingSpec(mode, SPEC.formats(), SPEC.maxIdle(),
                mode == RecordingMode.MIX ? SPEC.layout() : Optional.empty());
        return Recording.request(UUID.randomUUID().toString(), roomId, Vendor.AGORA, roomId + "-1", recorder, spec, LONG_AGO);
    }

    private static RecorderIdentity recorder() {
        return new RecorderIdentity(Long.toString(RecorderIdentity.MIN_NUMERIC + (UUID.randomUUID().getLeastSignificantBits()
                & 0x7FFF_FFFFL)));
    }

    @Test
    void aRecordingComesBackAsItWasWritten() {
        RecorderIdentity recorder = recorder();
        Recording inserted = store.insert(requested(RecordingMode.MIX, recorder));
        String sid = "sid-" + UUID.randomUUID();
        Instant t = LONG_AGO.plusSeconds(5);
        RecordingFile file = new RecordingFile("a.m3u8", TrackType.AUDIO_AND_VIDEO, Optional.of("42"), Optional.of(t),
                UploadStatus.UPLOADED);
        Recording recording = store.update(inserted.starting(t));
        recording = store.update(recording.resourceReserved(VendorTaskId.unnamed("rid-1"), t));
        recording = store.update(recording.startAnswered(VendorTaskId.agora("rid-1", sid), t).filesReported(List.of(file), t));

        Recording read = store.require(recording.id());
        assertEquals(recording.toRecord(), read.toRecord());
        assertEquals(read.toRecord(), store.findByTask(Vendor.AGORA, sid).orElseThrow().toRecord());
        assertEquals(read.id(), store.findByRecorder(Vendor.AGORA, recorder).orElseThrow().id());
        assertTrue(store.findByTask(Vendor.TENCENT, sid).isEmpty(), "tasks are per vendor");
        assertEquals(List.of(read.id()), store.activeInRoom(roomId).stream().map(Recording::id).toList());
    }

    @Test
    void aStaleWriteIsRefused() {
        Recording inserted = store.insert(requested(RecordingMode.MIX, recorder()));
        store.update(inserted.starting(LONG_AGO));
        assertThrows(ConflictException.class, () -> store.update(inserted.starting(LONG_AGO.plusSeconds(1))));
    }

    @Test
    void aRoomHasOneActiveRecordingPerModeEvenWhenNodesRace() {
        List<Concurrently.Outcome<Recording>> outcomes = Concurrently.run(4, () -> requested(RecordingMode.MIX, recorder()),
                store::insert);
        assertEquals(1, Concurrently.successes(outcomes));
        String winner = outcomes.stream().filter(Concurrently.Outcome::succeeded).findFirst().orElseThrow().value().id();
        ActiveRecordingException refused = assertThrows(ActiveRecordingException.class,
                () -> store.insert(requested(RecordingMode.MIX, recorder())));
        assertEquals(winner, refused.activeId());
        assertTrue(refused.getMessage().contains(winner), refused.getMessage());

        store.insert(requested(RecordingMode.INDIVIDUAL, recorder()));
        Recording active = store.require(winner);
        store.update(active.failed(new io.rtcgate.domain.job.JobFailure("x", "ended for the test"), LONG_AGO));
        store.insert(requested(RecordingMode.MIX, recorder()));
    }

    @Test
    void pagesFollowTheCursorNewestFirst() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Recording recording = Recording.request(UUID.randomUUID().toString(), roomId, Vendor.AGORA, roomId + "-1",
                    recorder(), SPEC, LONG_AGO.plusSeconds(i));
            Recording stored = store.insert(recording);
            store.update(stored.failed(new io.rtcgate.domain.job.JobFailure(null, "done"), LONG_AGO.plusSeconds(i)));
            ids.add(0, recording.id());
        }
        List<String> paged = new java.util.ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Recording> page = store.listForRoom(roomId, 2, cursor);
            page.items().forEach(recording -> paged.add(recording.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertEquals(ids, paged);
        assertThrows(InvalidInputException.class, () -> store.listForRoom(roomId, 2, Optional.of("not-a-cursor")));
    }

    @Test
    void eachQuietRecordingIsReconciledByOneNodeAtATime() {
        Recording quiet = store.insert(requested(RecordingMode.MIX, recorder()));
        Instant heardBefore = LONG_AGO.plusSeconds(1);
        assertTrue(store.quietActive(heardBefore, 1000).contains(quiet.id()));
        AtomicInteger worked = new AtomicInteger();

        List<Concurrently.Outcome<Optional<Recording>>> outcomes = Concurrently.run(4, () -> null,
                ignored -> store.reconcile(quiet.id(), heardBefore, recording -> {
                    worked.incrementAndGet();
                    sleep(Duration.ofMillis(200)); // holds the lock while the others try
                    return recording.heard(Instant.now().truncatedTo(ChronoUnit.MICROS));
                }));

        outcomes.forEach(outcome -> assertTrue(outcome.succeeded(), String.valueOf(outcome.error())));
        assertEquals(1, worked.get(), "one node did the work; the others skipped the held or freshly heard row");
        assertTrue(store.require(quiet.id()).updatedAt().isAfter(heardBefore));
        assertTrue(store.reconcile(quiet.id(), heardBefore, recording -> recording).isEmpty(), "heard of since");
    }

    @Test
    void anIdempotencyKeyIsClaimedOnceAndReplayedToItsCallerOnly() {
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant abandoned = now.minus(Duration.ofMinutes(2));
        Instant expired = now.minus(Duration.ofHours(24));
        List<Concurrently.Outcome<IdempotencyStore.Claim>> claims = Concurrently.run(4, () -> null,
                ignored -> keys.claim("caller-a", key, "fp-1", now, abandoned, expired));
        assertEquals(1, claims.stream().filter(claim -> claim.value() instanceof IdempotencyStore.Fresh).count());
        assertTrue(claims.stream().allMatch(claim -> claim.value() instanceof IdempotencyStore.Fresh
                || claim.value() instanceof IdempotencyStore.InFlight), claims.toString());

        assertTrue(keys.claim("caller-a", key, "fp-2", now, abandoned, expired) instanceof IdempotencyStore.Mismatch);
        assertTrue(keys.claim("caller-b", key, "fp-2", now, abandoned, expired) instanceof IdempotencyStore.Fresh,
                "keys are per caller");
        keys.complete("caller-a", key, new StoredResponse(201, "{\"id\":\"r1\"}"), now);
        assertEquals(new IdempotencyStore.Replay(new StoredResponse(201, "{\"id\":\"r1\"}")),
                keys.claim("caller-a", key, "fp-1", now, abandoned, expired));

        keys.release("caller-b", key);
        assertTrue(keys.claim("caller-b", key, "fp-3", now, abandoned, expired) instanceof IdempotencyStore.Fresh,
                "a released key is free again");
        Instant later = now.plus(Duration.ofMinutes(3));
        assertTrue(keys.claim("caller-b", key, "fp-4", later, later.minus(Duration.ofMinutes(2)), expired)
                instanceof IdempotencyStore.Fresh, "an abandoned claim is taken over");
        Instant nextDay = now.plus(Duration.ofHours(25));
        assertTrue(keys.claim("caller-a", key, "fp-5", nextDay, nextDay, nextDay.minus(Duration.ofHours(24)))
                instanceof IdempotencyStore.Fresh, "an expired key is forgotten");

        String purged = UUID.randomUUID().toString();
        assertTrue(keys.claim("caller-c", purged, "fp-6", now, abandoned, expired) instanceof IdempotencyStore.Fresh);
        keys.complete("caller-c", purged, new StoredResponse(201, "{}"), now);
        assertTrue(keys.purgeExpired(now.plusSeconds(1)) >= 1, "the purge forgets keys claimed before its time");
        assertTrue(keys.claim("caller-c", purged, "fp-7", now, abandoned, expired) instanceof IdempotencyStore.Fresh,
                "a purged key is free again");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
