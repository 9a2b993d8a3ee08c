package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.domain.recording.MixLayout;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingStartRequest;
import io.rtcgate.domain.recording.RecordingStarted;
import io.rtcgate.domain.recording.RecordingStatus;
import io.rtcgate.domain.recording.RecordingStopped;
import io.rtcgate.domain.recording.RecordingTask;
import io.rtcgate.domain.recording.TaskState;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.domain.recording.VendorTaskId;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.agora.CloudRecordingTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Agora cloud recorder against the emulator over real HTTP: the happy path and each row of the error table (§1.3.6). */
class AgoraCloudRecorderTest {

    private static final String CHANNEL = "room-7-1";
    private static final RecorderIdentity RECORDER = new RecorderIdentity("3000000007");
    private static final long HOST = 1001;

    private final EmulatedRecording agora = new EmulatedRecording();
    private final AgoraCloudRecorder recorder = agora.recorder;

    @AfterEach
    void stop() {
        agora.close();
    }

    @Test
    void startQueryAndStopAMixedRecording() {
        agora.emulator.joinChannel(CHANNEL, HOST, true);
        Instant started = agora.clock.instant();

        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS, RecordingFormat.MP4)));

        assertFalse(start.alreadyRunning());
        CloudRecordingTask running = onlyTask();
        assertEquals(VendorTaskId.agora(running.resourceId(), running.sid()), start.task());
        assertEquals(RECORDER.numeric(), running.uid());
        RecordingTask task = task(start, RecordingMode.MIX);

        RecordingStatus status = recorder.query(task);
        assertEquals(TaskState.RECORDING, status.state());
        String base = "rtcgate/rec1/" + running.sid() + "_" + CHANNEL;
        assertEquals(List.of(base + ".m3u8"), status.files().stream().filter(f -> f.name().endsWith(".m3u8"))
                .map(RecordingFile::name).toList());
        RecordingFile playlist = status.files().get(0);
        assertEquals(TrackType.AUDIO_AND_VIDEO, playlist.trackType());
        assertEquals(Optional.empty(), playlist.user(), "a mixed file is nobody's");
        assertEquals(Optional.of(started), playlist.startedAt());
        assertEquals(UploadStatus.IN_PROGRESS, playlist.uploadStatus());
        assertEquals(2, status.files().size(), "the playlist and the first mp4");

        agora.clock.advance(Duration.ofMinutes(125));
        assertEquals(3, recorder.query(task).files().size(), "a new mp4 after two hours");

        RecordingStopped stopped = recorder.stop(task);
        assertEquals(RecordingStopped.Outcome.STOPPED, stopped.outcome());
        assertEquals(3, stopped.files().size());
        assertTrue(stopped.files().stream().allMatch(file -> file.uploadStatus() == UploadStatus.UPLOADED), stopped.files().toString());
        assertEquals(CloudRecordingTask.State.STOPPED, onlyTask().state());
    }

    @Test
    void eachAcquiredResourceIsToldBeforeTheStartThatUsesIt() {
        List<String> told = new java.util.ArrayList<>();
        List<Integer> startsSeenWhenTold = new java.util.ArrayList<>();
        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)), resource -> {
            told.add(resource.resourceId().orElseThrow());
            assertTrue(resource.taskId().isEmpty(), "a reserved resource has no task yet");
            startsSeenWhenTold.add(request("cloud_recording.start").size());
        });

        assertEquals(List.of(start.task().resourceId().orElseThrow()), told);
        assertEquals(List.of(0), startsSeenWhenTold, "told before the start was asked for");
    }

    @Test
    void theWireFormatsAreAgoras() throws JsonProcessingException {
        agora.emulator.joinChannel(CHANNEL, HOST, true);
        recorder.start(new RecordingStartRequest(CHANNEL, RECORDER, Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.MP4),
                Duration.ofSeconds(120), Optional.of(MixLayout.VERTICAL)));

        RecordedRequest acquire = request("cloud_recording.acquire").get(0);
        RecordedRequest start = request("cloud_recording.start").get(0);
        assertEquals("application/json;charset=utf-8", start.header("Content-Type"));
        JsonNode acquireBody = AgoraJson.MAPPER.readTree(acquire.body());
        JsonNode startBody = AgoraJson.MAPPER.readTree(start.body());
        assertEquals(CHANNEL, acquireBody.get("cname").textValue());
        assertEquals("3000000007", acquireBody.get("uid").textValue(), "the uid travels as a string");
        assertEquals(acquireBody.get("uid"), startBody.get("uid"));
        assertEquals(acquireBody.get("cname"), startBody.get("cname"));
        JsonNode client = startBody.get("clientRequest");
        assertEquals(Optional.empty(), agora.emulator.verifyRtcToken(client.get("token").textValue(), CHANNEL, RECORDER.numeric(), false),
                "a token for the recorder's own uid");
        assertTrue(agora.emulator.verifyRtcToken(client.get("token").textValue(), CHANNEL, HOST, false).isPresent());
        assertEquals(120, client.get("recordingConfig").get("maxIdleTime").intValue());
        assertEquals(1, client.get("recordingConfig").get("channelType").intValue());
        assertEquals(2, client.get("recordingConfig").get("transcodingConfig").get("mixedVideoLayout").intValue());
        assertEquals("[\"hls\",\"mp4\"]", client.get("recordingFileConfig").get("avFileType").toString(),
                "Agora writes HLS always; MP4 comes with it");
        JsonNode storage = client.get("storageConfig");
        assertEquals(agora.storage.bucket(), storage.get("bucket").textValue());
        assertEquals(agora.storage.secretKey(), storage.get("secretKey").textValue());
        assertEquals("[\"rtcgate\",\"rec1\"]", storage.get("fileNamePrefix").toString());
        assertTrue(start.path().endsWith("/mode/mix/start"), start.path());
    }

    @Test
    void aTokenTheCallerHoldsIsTheOneSent() throws JsonProcessingException {
        String wrong = "007notAToken";
        VendorException refused = assertThrows(VendorException.class, () -> recorder.start(new RecordingStartRequest(CHANNEL,
                RECORDER, Optional.of(wrong), RecordingMode.MIX, Set.of(RecordingFormat.HLS), Duration.ofSeconds(30),
                Optional.empty())));

        assertEquals(VendorException.Kind.REJECTED, refused.kind());
        assertEquals("110", refused.vendorCode());
        assertEquals(wrong, AgoraJson.MAPPER.readTree(request("cloud_recording.start").get(0).body())
                .get("clientRequest").get("token").textValue());
        assertFalse(refused.getMessage().contains(wrong), refused.getMessage());
    }

    @Test
    void anIndividualRecordingHasEveryPublishersTracks() {
        RecordingStarted start = recorder.start(request(RecordingMode.INDIVIDUAL, Set.of(RecordingFormat.HLS)));
        agora.emulator.joinChannel(CHANNEL, HOST, true);

        List<RecordingFile> files = recorder.query(task(start, RecordingMode.INDIVIDUAL)).files();

        assertEquals(List.of(TrackType.AUDIO, TrackType.VIDEO), files.stream().map(RecordingFile::trackType).toList());
        assertTrue(files.stream().allMatch(file -> file.user().equals(Optional.of("1001"))), files.toString());
    }

    @Test
    void anExpiredResourceIdIsAcquiredAgain() {
        AtomicBoolean first = new AtomicBoolean(true);
        agora.emulator.beforeRecordingCall(action -> {
            if (action.equals("cloud_recording.start") && first.getAndSet(false)) {
                agora.clock.advance(Duration.ofMinutes(6)); // the start reaches Agora after the resource id's 5 minutes
            }
        });

        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        assertEquals(List.of("cloud_recording.acquire:200", "cloud_recording.start:400", "cloud_recording.acquire:200",
                "cloud_recording.start:200"), actions());
        assertEquals(onlyTask().resourceId(), start.task().resourceId().orElseThrow());
        assertFalse(start.alreadyRunning());
    }

    @Test
    void aStartThatRanAlthoughItsAnswerWasLostIsAdoptedNotStartedTwice() {
        AtomicBoolean first = new AtomicBoolean(true);
        agora.emulator.beforeRecordingCall(action -> {
            if (action.equals("cloud_recording.start") && first.getAndSet(false)) {
                agora.emulator.answerNotCompleted(1, true); // this start runs, its answer is a 206/65
            }
        });

        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        assertEquals(List.of("cloud_recording.acquire:200", "cloud_recording.start:206", "cloud_recording.start:201"), actions());
        assertTrue(start.alreadyRunning());
        CloudRecordingTask running = onlyTask();
        assertEquals(VendorTaskId.agora(running.resourceId(), running.sid()), start.task());
        assertEquals(TaskState.STARTING, recorder.query(task(start, RecordingMode.MIX)).state(), "the adopted task answers queries");
    }

    @Test
    void anAlreadyStartedAnswerWithoutTheTasksIdsAdoptsTheResourceAndLeavesTheSidToBeTold() {
        agora.emulator.answerAlreadyStartedWithIds(false);
        AtomicBoolean first = new AtomicBoolean(true);
        agora.emulator.beforeRecordingCall(action -> {
            if (action.equals("cloud_recording.start") && first.getAndSet(false)) {
                agora.emulator.answerNotCompleted(1, true);
            }
        });

        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        assertTrue(start.alreadyRunning());
        assertEquals(VendorTaskId.unnamed(onlyTask().resourceId()), start.task());
        IllegalArgumentException noSid = assertThrows(IllegalArgumentException.class,
                () -> recorder.query(task(start, RecordingMode.MIX)));
        assertTrue(noSid.getMessage().contains("sid"), noSid.getMessage());
    }

    @Test
    void requestNotCompletedIsRetriedAFewTimes() {
        agora.emulator.answerNotCompleted(2, false);

        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        assertEquals(List.of("cloud_recording.acquire:206", "cloud_recording.acquire:206", "cloud_recording.acquire:200",
                "cloud_recording.start:200"), actions());
        RecordingTask task = task(start, RecordingMode.MIX);
        agora.emulator.answerNotCompleted(1, false);
        assertEquals(TaskState.STARTING, recorder.query(task).state());
        agora.emulator.answerNotCompleted(1, false);
        assertEquals(RecordingStopped.Outcome.NOTHING_RECORDED, recorder.stop(task).outcome());
    }

    @Test
    void requestNotCompletedTooOftenIsAServerError() {
        agora.emulator.answerNotCompleted(1 + AgoraCloudRecorder.NOT_COMPLETED_RETRIES, false);

        VendorException error = assertThrows(VendorException.class,
                () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));

        assertEquals(VendorException.Kind.SERVER_ERROR, error.kind());
        assertEquals("65", error.vendorCode());
        assertEquals(3, actions().size());
        assertEquals(List.of(), agora.emulator.recordingTasks());
    }

    @Test
    void aTaskThatIsGoneIsGoneForQueryAndEndedForStop() {
        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));
        RecordingTask task = task(start, RecordingMode.MIX);
        agora.clock.advance(Duration.ofSeconds(30)); // nobody came: the recorder leaves at its idle time

        assertEquals(RecordingStatus.GONE, recorder.query(task));
        assertEquals(RecordingStopped.Outcome.ALREADY_ENDED, recorder.stop(task).outcome());
        RecordingTask unknown = new RecordingTask(CHANNEL, RECORDER, RecordingMode.MIX,
                VendorTaskId.agora(start.task().resourceId().orElseThrow(), "nosuchsid"));
        assertEquals(TaskState.GONE, recorder.query(unknown).state());
        assertEquals(RecordingStopped.Outcome.ALREADY_ENDED, recorder.stop(unknown).outcome());
    }

    @Test
    void stoppingWhenNobodyPublishedCompletesWithNoFiles() {
        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));
        agora.emulator.joinChannel(CHANNEL, 2002, false);

        RecordingStopped stopped = recorder.stop(task(start, RecordingMode.MIX));

        assertEquals(RecordingStopped.Outcome.NOTHING_RECORDED, stopped.outcome());
        assertEquals(List.of(), stopped.files());
        assertEquals(List.of("cloud_recording.acquire:200", "cloud_recording.start:200", "cloud_recording.stop:206"), actions());
    }

    @Test
    void throttlingAndServerErrorsCountAgainstAgorasHealth() {
        agora.emulator.faults().failNext(FaultKind.THROTTLE, 1);
        VendorException throttled = assertThrows(VendorException.class,
                () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));
        assertEquals(VendorException.Kind.THROTTLED, throttled.kind());
        assertEquals("429", throttled.vendorCode());
        assertTrue(throttled.getMessage().contains("API rate limit exceeded"), throttled.getMessage());

        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));
        RecordingTask task = task(start, RecordingMode.MIX);
        agora.emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        VendorException broken = assertThrows(VendorException.class, () -> recorder.query(task));
        assertEquals(VendorException.Kind.SERVER_ERROR, broken.kind());
        assertEquals("500", broken.vendorCode());
        agora.emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        assertEquals(VendorException.Kind.SERVER_ERROR, assertThrows(VendorException.class, () -> recorder.stop(task)).kind());

        for (VendorException error : List.of(throttled, broken)) {
            assertTrue(error.kind().countsAgainstHealth());
            for (String secret : List.of(agora.storage.secretKey(), agora.storage.accessKey(),
                    agora.emulator.credentials().customerSecret())) {
                assertFalse(error.getMessage().contains(secret), error.getMessage());
            }
        }
    }

    @Test
    void aSecondTaskForTheSameRecorderIsRefused() {
        recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        VendorException conflict = assertThrows(VendorException.class,
                () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));

        assertEquals(VendorException.Kind.REJECTED, conflict.kind());
        assertEquals("53", conflict.vendorCode());
        assertEquals(1, agora.emulator.recordingTasks().size());
    }

    @Test
    void wrongCustomerCredentialsAreRejected() {
        AgoraCloudRecorder stranger = agora.recorderWith(agora.settings("not-the-secret").withRecordingStorage(agora.storage));

        VendorException error = assertThrows(VendorException.class,
                () -> stranger.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));

        assertEquals(VendorException.Kind.REJECTED, error.kind());
        assertEquals("401", error.vendorCode());
        assertTrue(error.getMessage().contains("Invalid authentication credentials"), error.getMessage());
    }

    @Test
    void aRecorderUidMustBeInTheRecordersRange() {
        assertThrows(IllegalArgumentException.class, () -> recorder.start(new RecordingStartRequest(CHANNEL,
                new RecorderIdentity("1001"), Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS),
                Duration.ofSeconds(30), Optional.empty())));
        assertEquals(List.of(), agora.emulator.requests(), "nothing reached Agora");
    }

    // ---- helpers ----

    private static RecordingStartRequest request(RecordingMode mode, Set<RecordingFormat> formats) {
        return new RecordingStartRequest(CHANNEL, RECORDER, Optional.empty(), mode, formats, Duration.ofSeconds(30), Optional.empty());
    }

    private static RecordingTask task(RecordingStarted start, RecordingMode mode) {
        return new RecordingTask(CHANNEL, RECORDER, mode, start.task());
    }

    private CloudRecordingTask onlyTask() {
        List<CloudRecordingTask> tasks = agora.emulator.recordingTasks();
        assertEquals(1, tasks.size(), tasks.toString());
        return tasks.get(0);
    }

    private List<RecordedRequest> request(String action) {
        return agora.emulator.requests().stream().filter(recorded -> recorded.action().equals(action)).toList();
    }

    private List<String> actions() {
        List<String> actions = new ArrayList<>();
        agora.emulator.requests().forEach(recorded -> actions.add(recorded.action() + ":" + recorded.status()));
        return actions;
    }
}
