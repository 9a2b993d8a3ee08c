package io.rtcgate.domain.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command in every state, against a table of the legal moves written out by hand: a legal one
 * lands in its state, every other one is a conflict and leaves the recording as it was.
 */
class RecordingLifecycleTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final RecorderIdentity RECORDER = new RecorderIdentity("3000000001");
    static final VendorTaskId TASK = VendorTaskId.agora("rid-1", "sid-1");
    static final RecordingFile FILE = new RecordingFile("rec.m3u8", TrackType.AUDIO_AND_VIDEO, Optional.empty(),
            Optional.of(T0.plusSeconds(2)), UploadStatus.IN_PROGRESS);

    /** state → command → the state it lands in. Whatever is not here is refused. */
    private static final Map<RecordingState, Map<String, RecordingState>> LEGAL = Map.of(
            RecordingState.REQUESTED, Map.of("starting", RecordingState.STARTING, "failed", RecordingState.FAILED, "heard", RecordingState.REQUESTED),
            RecordingState.STARTING, Map.of("started", RecordingState.RECORDING, "stopping", RecordingState.STOPPING,
                    "failed", RecordingState.FAILED, "resourceReserved", RecordingState.STARTING,
                    "startAnswered", RecordingState.RECORDING,
                    "heard", RecordingState.STARTING),
            RecordingState.RECORDING, Map.of("stopping", RecordingState.STOPPING, "completed", RecordingState.COMPLETED,
                    "failed", RecordingState.FAILED, "movedTo", RecordingState.STARTING,
                    "filesReported", RecordingState.RECORDING,
                    "heard", RecordingState.RECORDING),
            RecordingState.STOPPING, Map.of("completed", RecordingState.COMPLETED, "failed", RecordingState.FAILED,
                    "filesReported", RecordingState.STOPPING,
                    "heard", RecordingState.STOPPING),
            RecordingState.COMPLETED, Map.of("heard", RecordingState.COMPLETED, "filesReported", RecordingState.COMPLETED),
            RecordingState.FAILED, Map.of("heard", RecordingState.FAILED));

    private static final Map<String, BiFunction<Recording, Instant, Recording>> COMMANDS = Map.ofEntries(
            Map.entry("starting", Recording::starting),
            Map.entry("resourceReserved", (recording, now) -> recording.resourceReserved(VendorTaskId.unnamed("rid-1"), now)),
            Map.entry("started", (recording, now) -> recording.started(TASK, now)),
            Map.entry("startAnswered", (recording, now) -> recording.startAnswered(TASK, now)),
            Map.entry("stopping", Recording::stopping),
            Map.entry("completed", (recording, now) -> recording.completed(List.of(FILE), now)),
            Map.entry("failed", (recording, now) -> recording.failed(new JobFailure("53", "task conflict"), now)),
            Map.entry("movedTo", (recording, now) ->
                    recording.movedTo(Vendor.TENCENT, "channel-2", new RecorderIdentity("recorder-2"), now)),
            Map.entry("filesReported", (recording, now) -> recording.filesReported(List.of(FILE), now)),
            Map.entry("heard", Recording::heard));

    static Recording requested() {
        return Recording.request("rec-1", "room-1", Vendor.AGORA, "channel-1", RECORDER,
                new RecordingSpec(RecordingMode.MIX, Set.of(RecordingFormat.HLS), Recording.DEFAULT_MAX_IDLE, Optional.empty()), T0);
    }

    /** A recording brought into {@code state} by legal commands only. */
    static Recording in(RecordingState state) {
        Recording requested = requested();
        Instant t = T0.plusSeconds(1);
        return switch (state) {
            case REQUESTED -> requested;
            case STARTING -> requested.starting(t);
            case RECORDING -> in(RecordingState.STARTING).started(TASK, t.plusSeconds(1));
            case STOPPING -> in(RecordingState.RECORDING).stopping(t.plusSeconds(2));
            case COMPLETED -> in(RecordingState.STOPPING).completed(List.of(FILE), t.plusSeconds(3));
            case FAILED -> in(RecordingState.RECORDING).failed(new JobFailure("20", "exited abnormally"), t.plusSeconds(3));
        };
    }

    static Stream<Arguments> everyCommandInEveryState() {
        List<Arguments> cases = new ArrayList<>();
        for (RecordingState state : RecordingState.values()) {
            for (String command : COMMANDS.keySet().stream().sorted().toList()) {
                cases.add(Arguments.of(state, command));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyCommandInEveryState")
    void aCommandIsLegalExactlyWhenTheTableSaysSo(RecordingState state, String command) {
        Recording before = in(state);
        assertEquals(state, before.state(), "the fixture reaches " + state);
        Instant now = T0.plusSeconds(60);
        RecordingState expected = LEGAL.get(state).get(command);

        if (expected == null) {
            ConflictException refused = assertThrows(ConflictException.class, () -> COMMANDS.get(command).apply(before, now));
            assertTrue(refused.getMessage().contains("rec-1"), refused.getMessage());
            assertEquals(state, before.state(), "a refused command changes nothing");
        } else {
            Recording after = COMMANDS.get(command).apply(before, now);
            assertEquals(expected, after.state());
            assertEquals(now, after.updatedAt());
            assertEquals(state, before.state(), "the recording is immutable");
        }
    }

    @ParameterizedTest
    @MethodSource("states")
    void theStatesOwnTableAgreesWithTheCommands(RecordingState state) {
        for (RecordingState next : RecordingState.values()) {
            boolean byCommand = LEGAL.get(state).entrySet().stream()
                    .anyMatch(entry -> entry.getValue() == next && next != state);
            assertEquals(byCommand, state.canMoveTo(next), state + " -> " + next);
        }
        assertEquals(state == RecordingState.COMPLETED || state == RecordingState.FAILED, state.isFinal());
    }

    static Stream<RecordingState> states() {
        return Arrays.stream(RecordingState.values());
    }
}
