package io.rtcgate.domain.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The ingest lifecycle against a table of legal moves written out by hand, and a file's position through it. */
class IngestTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String FILE = "https://media.example/class.mp4?duration=600";

    private static final Map<IngestState, Map<String, IngestState>> LEGAL = Map.of(
            IngestState.STARTING, Map.of("started", IngestState.RUNNING, "stopped", IngestState.STOPPED,
                    "finished", IngestState.STOPPED, "failed", IngestState.FAILED),
            IngestState.RUNNING, Map.of("paused", IngestState.PAUSED, "stopped", IngestState.STOPPED,
                    "finished", IngestState.STOPPED, "failed", IngestState.FAILED, "volumeSet", IngestState.RUNNING,
                    "movedTo", IngestState.STARTING),
            IngestState.PAUSED, Map.of("resumed", IngestState.RUNNING, "stopped", IngestState.STOPPED,
                    "finished", IngestState.STOPPED, "failed", IngestState.FAILED, "volumeSet", IngestState.PAUSED,
                    "movedTo", IngestState.STARTING),
            IngestState.STOPPED, Map.of(),
            IngestState.FAILED, Map.of());

    private static final Map<String, BiFunction<Ingest, Instant, Ingest>> COMMANDS = Map.of(
            "started", (ingest, now) -> ingest.started("task-1", now),
            "paused", Ingest::paused,
            "resumed", Ingest::resumed,
            "volumeSet", (ingest, now) -> ingest.volumeSet(40, now),
            "stopped", Ingest::stopped,
            "finished", Ingest::finished,
            "failed", (ingest, now) -> ingest.failed(new JobFailure("InvalidParameter", "refused"), now),
            "movedTo", (ingest, now) -> ingest.movedTo(Vendor.AGORA, "room-1-2", now));

    private static Ingest requested(IngestMode mode, Duration from) {
        String source = mode == IngestMode.VOD ? FILE : "rtmp://live.example/app/stream";
        return Ingest.request("ing-1", "room-1", Vendor.TENCENT, "room-1-1", source, mode, "robot-1",
                1, 100, mode == IngestMode.VOD ? from : Duration.ZERO, T0);
    }

    private static Ingest in(IngestState state) {
        Ingest starting = requested(IngestMode.VOD, Duration.ZERO);
        return switch (state) {
            case STARTING -> starting;
            case RUNNING -> starting.started("task-1", T0.plusSeconds(1));
            case PAUSED -> in(IngestState.RUNNING).paused(T0.plusSeconds(2));
            case STOPPED -> in(IngestState.RUNNING).stopped(T0.plusSeconds(3));
            case FAILED -> starting.failed(new JobFailure(null, "the vendor refused"), T0.plusSeconds(1));
        };
    }

    static Stream<Arguments> everyCommandInEveryState() {
        List<Arguments> cases = new ArrayList<>();
        for (IngestState state : IngestState.values()) {
            COMMANDS.keySet().stream().sorted().forEach(command -> cases.add(Arguments.of(state, command)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyCommandInEveryState")
    void aCommandIsLegalExactlyWhenTheTableSaysSo(IngestState state, String command) {
        Ingest before = in(state);
        Instant now = T0.plusSeconds(60);
        IngestState expected = LEGAL.get(state).get(command);
        if (expected == null) {
            ConflictException refused = assertThrows(ConflictException.class, () -> COMMANDS.get(command).apply(before, now));
            assertTrue(refused.getMessage().contains("ing-1"), refused.getMessage());
        } else {
            Ingest after = COMMANDS.get(command).apply(before, now);
            assertEquals(expected, after.state());
            assertEquals(now, after.updatedAt());
        }
        assertEquals(state, before.state(), "the ingest is immutable");
    }

    @Test
    void aFilesPositionCountsOnlyTheTimeItPlayed() {
        Ingest running = requested(IngestMode.VOD, Duration.ofSeconds(90)).started("task-1", T0);
        assertEquals(Optional.of(Duration.ofSeconds(100)), running.position(T0.plusSeconds(10)));

        Ingest paused = running.paused(T0.plusSeconds(10));
        assertEquals(Optional.of(Duration.ofSeconds(100)), paused.position(T0.plusSeconds(300)));
        Ingest resumed = paused.resumed(T0.plusSeconds(300));
        Ingest stopped = resumed.stopped(T0.plusSeconds(320));
        assertEquals(Optional.of(Duration.ofSeconds(120)), stopped.position(T0.plusSeconds(9999)),
                "a stop keeps the position to resume from");
    }

    @Test
    void aFileThatPlayedToItsEndAndALiveStreamHaveNoPosition() {
        Ingest running = requested(IngestMode.VOD, Duration.ZERO).started("task-1", T0);
        Ingest finished = running.finished(T0.plusSeconds(600));
        assertTrue(finished.playedToEnd());
        assertEquals(Optional.empty(), finished.position(T0.plusSeconds(600)));

        Ingest live = requested(IngestMode.LIVE, Duration.ZERO).started("task-2", T0);
        assertEquals(Optional.empty(), live.position(T0.plusSeconds(30)));
        assertEquals(Optional.empty(), requested(IngestMode.VOD, Duration.ZERO).position(T0), "not started yet");
    }

    @Test
    void theStartRequestIsTheIngestsOwnAndInvalidOnesAreRefusedBeforeAnythingIsWritten() {
        Ingest ingest = requested(IngestMode.VOD, Duration.ofSeconds(42));
        IngestStartRequest request = ingest.startRequest();
        assertEquals(new IngestStartRequest("room-1-1", "robot-1", FILE, IngestMode.VOD, Duration.ofSeconds(42), 1, 100), request);
        assertEquals(Optional.empty(), ingest.task(), "no task before the vendor names it");
        assertEquals(Optional.of(new IngestTask("room-1-1", "robot-1", "task-1")), ingest.started("task-1", T0).task());

        assertThrows(IllegalArgumentException.class, () -> Ingest.request("i", "r", Vendor.TENCENT, "r-1", FILE,
                IngestMode.VOD, "robot", 0, 100, Duration.ZERO, T0), "repeat 0");
        assertThrows(IllegalArgumentException.class, () -> Ingest.request("i", "r", Vendor.TENCENT, "r-1",
                "rtmp://live/x", IngestMode.LIVE, "robot", 1, 100, Duration.ofSeconds(5), T0), "a live stream has no seek");
        assertThrows(IllegalArgumentException.class, () -> Ingest.request("i", "r", Vendor.TENCENT, "r-1", FILE,
                IngestMode.VOD, "robot", 1, 101, Duration.ZERO, T0), "volume 101");
        assertFalse(ingest.failure().isPresent());
    }

    @Test
    void anIngestWhoseRoomMovedStartsAgainOnTheNewChannelFromWhereItWas() {
        Ingest running = requested(IngestMode.VOD, Duration.ofSeconds(90)).started("task-1", T0);
        Ingest moved = running.movedTo(Vendor.AGORA, "room-1-2", T0.plusSeconds(10));
        assertEquals(IngestState.STARTING, moved.state());
        assertEquals(Vendor.AGORA, moved.vendor());
        assertEquals(new IngestStartRequest("room-1-2", "robot-1", FILE, IngestMode.VOD, Duration.ofSeconds(100), 1, 100),
                moved.startRequest(), "it starts again where it was");
        assertEquals(Optional.empty(), moved.task(), "the old task is the caller's to stop");
        assertEquals("ingest.moved", moved.raisedEvents().get(moved.raisedEvents().size() - 1).type().wireName());
        Ingest restarted = moved.started("task-2", T0.plusSeconds(11));
        assertEquals(Optional.of(T0), restarted.startedAt(), "it started when it first started");
        assertEquals(Optional.of(Duration.ofSeconds(105)), restarted.position(T0.plusSeconds(16)));
    }

    @Test
    void theStatesOwnTableAgreesWithTheCommands() {
        for (IngestState state : IngestState.values()) {
            for (IngestState next : IngestState.values()) {
                boolean byCommand = LEGAL.get(state).values().stream().anyMatch(target -> target == next && next != state);
                assertEquals(byCommand, state.canMoveTo(next), state + " -> " + next);
            }
        }
    }

    @Test
    void eachStateEnteredRaisesItsRoomEventUntilTheStoreSavesIt() {
        Ingest started = requested(IngestMode.VOD, Duration.ofSeconds(30)).started("task-1", T0);
        Ingest paused = started.paused(T0.plusSeconds(10));
        Ingest stopped = paused.resumed(T0.plusSeconds(20)).volumeSet(50, T0.plusSeconds(21)).stopped(T0.plusSeconds(25));

        assertEquals(List.of(RoomEventType.INGEST_STARTED, RoomEventType.INGEST_PAUSED, RoomEventType.INGEST_RESUMED,
                RoomEventType.INGEST_STOPPED), stopped.raisedEvents().stream().map(RoomEvent::type).toList());
        RoomEvent last = stopped.raisedEvents().get(3);
        assertEquals("room-1", last.roomId());
        assertEquals(Ingest.ACTOR, last.actor());
        assertEquals(T0.plusSeconds(25), last.at());
        assertEquals(45.0, last.data().get("progress_seconds"), "30 s offset + 10 s + 5 s played");
        assertEquals("task-1", last.data().get("task_id"));
        assertEquals(false, last.data().get("played_to_end"));
        assertTrue(stopped.savedAs(2).raisedEvents().isEmpty(), "saved events are not raised again");
        assertTrue(started.savedAs(1).heard(T0.plusSeconds(1)).raisedEvents().isEmpty(), "news that changes nothing raises none");
    }
}
