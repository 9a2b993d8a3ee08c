package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtcgate.domain.ingest.IngestCallbacks;
import io.rtcgate.domain.recording.MixLayout;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingCallbacks;
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
import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.tencent.TencentUserSigs;
import io.rtcgate.emulator.tencent.TrtcRecordingTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The Tencent cloud recorder through Tencent's SDK against the emulator over real HTTP: start, query, stop and every error row. */
class TencentCloudRecorderTest {

    private static final String ROOM = "room-7-1";
    private static final RecorderIdentity RECORDER = new RecorderIdentity("3000000007");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatedTencentRecording tencent = new EmulatedTencentRecording();
    private final TencentCloudRecorder recorder = tencent.recorder;

    @AfterEach
    void stop() {
        tencent.close();
    }

    @Test
    void startQueryAndStopAMixedRecording() {
        Instant aliceEntered = tencent.clock.instant();
        tencent.enter(ROOM, "alice");

        RecordingStarted start = recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS, RecordingFormat.MP4)));

        assertFalse(start.alreadyRunning());
        TrtcRecordingTask running = onlyTask();
        assertEquals(VendorTaskId.of(running.taskId()), start.task());
        assertEquals(RECORDER.value(), running.userId(), "the robot is the recorder's own identity");
        RecordingTask task = task(start, RecordingMode.MIX);

        RecordingStatus status = recorder.query(task);
        assertEquals(TaskState.RECORDING, status.state());
        RecordingFile playlist = only(status.files());
        assertEquals("rtcgate/rec_1/" + running.taskId() + "/" + tencent.settings.sdkAppId() + "_", playlist.name().substring(0,
                playlist.name().lastIndexOf('_') + 1));
        assertTrue(playlist.name().endsWith(".m3u8"), playlist.name());
        assertEquals(TrackType.AUDIO_AND_VIDEO, playlist.trackType());
        assertEquals(Optional.empty(), playlist.user(), "a mixed file is nobody's");
        assertEquals(Optional.of(aliceEntered), playlist.startedAt());
        assertEquals(UploadStatus.IN_PROGRESS, playlist.uploadStatus());

        RecordingStopped stopped = recorder.stop(task);

        assertEquals(RecordingStopped.Outcome.STOPPED, stopped.outcome());
        assertEquals(status.files(), stopped.files(), "the files TRTC listed just before the stop, still uploading");
        assertEquals(TrtcRecordingTask.State.EXITED, onlyTask().state());
        assertEquals(Optional.of(0), onlyTask().leaveCode());
        assertEquals(TaskState.ENDED, recorder.query(task).state(), "an exiting task has ended");
        assertEquals(RecordingStopped.Outcome.ALREADY_ENDED, recorder.stop(task).outcome(), "a second stop finds it ended");
        assertEquals(List.of("CreateCloudRecording", "DescribeCloudRecording", "DescribeCloudRecording", "DeleteCloudRecording",
                "DescribeCloudRecording", "DescribeCloudRecording"), actions());
    }

    @Test
    void theCreateRequestIsTencentsWithTheRobotsOwnUserSigAndTheStorage() throws JsonProcessingException {
        recorder.start(new RecordingStartRequest(ROOM, RECORDER, Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.MP4),
                Duration.ofSeconds(120), Optional.of(MixLayout.VERTICAL)));

        RecordedRequest create = onlyRequest("CreateCloudRecording");
        JsonNode body = JSON.readTree(create.body());
        assertEquals(tencent.settings.sdkAppId(), body.get("SdkAppId").longValue());
        assertEquals(ROOM, body.get("RoomId").textValue());
        assertEquals(0, body.get("RoomIdType").intValue(), "a string room id");
        assertEquals("3000000007", body.get("UserId").textValue());
        assertEquals(Optional.empty(), TencentUserSigs.verify(body.get("UserSig").textValue(), tencent.settings.sdkAppId(),
                tencent.settings.userSigKey(), "3000000007", tencent.clock.instant()), "a UserSig for the robot itself");
        JsonNode record = body.get("RecordParams");
        assertEquals(2, record.get("RecordMode").intValue());
        assertEquals(120, record.get("MaxIdleTime").intValue());
        assertEquals(0, record.get("StreamType").intValue());
        assertEquals(3, record.get("OutputFormat").intValue());
        JsonNode cloud = body.get("StorageParams").get("CloudStorage");
        assertEquals(tencent.storage.vendor(), cloud.get("Vendor").intValue());
        assertEquals(tencent.storage.region(), cloud.get("Region").textValue());
        assertEquals(tencent.storage.bucket(), cloud.get("Bucket").textValue());
        assertEquals(tencent.storage.accessKey(), cloud.get("AccessKey").textValue());
        assertEquals(tencent.storage.secretKey(), cloud.get("SecretKey").textValue());
        assertEquals("[\"rtcgate\",\"rec_1\"]", cloud.get("FileNamePrefix").toString());
        assertEquals(2, body.get("MixLayoutParams").get("MixLayoutMode").intValue());
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(Set.of(RecordingFormat.HLS), 0),
                Arguments.of(Set.of(RecordingFormat.HLS, RecordingFormat.MP4), 1),
                Arguments.of(Set.of(RecordingFormat.MP4), 3));
    }

    @ParameterizedTest(name = "{0} -> OutputFormat {1}")
    @MethodSource("formats")
    void theFormatsMapToTrtcsOutputFormat(Set<RecordingFormat> formats, int outputFormat) throws JsonProcessingException {
        recorder.start(request(RecordingMode.MIX, formats));

        assertEquals(outputFormat, createBody().get("RecordParams").get("OutputFormat").intValue());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MixLayout.class)
    void eachMixLayoutMapsToATrtcTemplate(MixLayout layout) throws JsonProcessingException {
        int expected = switch (layout) {
            case FLOAT -> 1;
            case VERTICAL -> 2; // the screen sharing template: one large video on the left, the others on the right
            case BEST_FIT -> 3;
        };

        recorder.start(new RecordingStartRequest(ROOM, RECORDER, Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS),
                Duration.ofSeconds(30), Optional.of(layout)));

        assertEquals(expected, createBody().get("MixLayoutParams").get("MixLayoutMode").intValue());
    }

    @Test
    void anIndividualRecordingRecordsEachPublishersTracksWithNoLayout() throws JsonProcessingException {
        RecordingTask task = task(recorder.start(request(RecordingMode.INDIVIDUAL, Set.of(RecordingFormat.HLS))), RecordingMode.INDIVIDUAL);
        assertEquals(TaskState.STARTING, recorder.query(task).state(), "nobody publishes yet");
        tencent.enter(ROOM, "alice");

        List<RecordingFile> files = recorder.query(task).files();

        assertEquals(List.of(TrackType.AUDIO, TrackType.VIDEO), files.stream().map(RecordingFile::trackType).toList());
        assertTrue(files.stream().allMatch(file -> file.user().equals(Optional.of("alice"))), files.toString());
        JsonNode body = createBody();
        assertEquals(1, body.get("RecordParams").get("RecordMode").intValue());
        assertNull(body.get("MixLayoutParams"));
    }

    @Test
    void aMixedRecordingWithoutALayoutLeavesTrtcsDefault() throws JsonProcessingException {
        recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        assertNull(createBody().get("MixLayoutParams"));
    }

    @Test
    void aUserSigTheCallerHoldsIsTheOneSentAndAWrongOneIsARefusal() throws JsonProcessingException {
        String callers = tencent.tokens.userSig(RECORDER.value(), Duration.ofMinutes(5));
        recorder.start(new RecordingStartRequest(ROOM, RECORDER, Optional.of(callers), RecordingMode.MIX, Set.of(RecordingFormat.HLS),
                Duration.ofSeconds(30), Optional.empty()));
        assertEquals(callers, createBody().get("UserSig").textValue());

        String wrong = tencent.tokens.userSig("someone-else", Duration.ofMinutes(5));
        VendorException refused = assertThrows(VendorException.class, () -> recorder.start(new RecordingStartRequest("room-8-1",
                RECORDER, Optional.of(wrong), RecordingMode.MIX, Set.of(RecordingFormat.HLS), Duration.ofSeconds(30), Optional.empty())));

        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("InvalidParameter.UserSig", refused.vendorCode());
        assertEquals("start", refused.operation());
        assertFalse(refused.getMessage().contains(wrong), refused.getMessage());
    }

    @Test
    void aTaskThatEndedByItselfHasEndedThenIsGone() {
        RecordingTask task = task(recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))), RecordingMode.MIX);
        tencent.clock.advance(Duration.ofSeconds(30)); // nobody came: the robot leaves at its idle time

        assertEquals(new RecordingStatus(TaskState.ENDED, List.of()), recorder.query(task));
        assertEquals(RecordingStopped.Outcome.ALREADY_ENDED, recorder.stop(task).outcome());
        assertEquals(Optional.of(99), onlyTask().leaveCode());

        tencent.clock.advance(Duration.ofSeconds(10)); // TRTC forgets an exited task
        assertEquals(RecordingStatus.GONE, recorder.query(task));
        assertEquals(RecordingStopped.Outcome.ALREADY_ENDED, recorder.stop(task).outcome());
        assertTrue(actions().stream().noneMatch(action -> action.equals("DeleteCloudRecording")), "nothing was left to delete");
    }

    @Test
    void aTaskTencentNeverHadIsGoneForQueryAndEndedForStop() {
        RecordingTask unknown = new RecordingTask(ROOM, RECORDER, RecordingMode.MIX, VendorTaskId.of("no-such-task"));

        assertEquals(RecordingStatus.GONE, recorder.query(unknown));
        assertEquals(RecordingStopped.Outcome.ALREADY_ENDED, recorder.stop(unknown).outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ResourceNotFound", "FailedOperation.TaskNotExist", "InvalidParameter.TaskId", "FailedOperation.TaskFinished"})
    void theCodesOfATaskTencentDoesNotKnowMeanItIsGone(String code) {
        assertTrue(TencentCloudRecorder.TASK_GONE.contains(code));
        assertEquals(Kind.REJECTED, TencentFailures.kindOf(code), "a gone task says nothing of Tencent's health");
    }

    @Test
    void aSecondStartOfTheSameRecorderIsRefused() {
        recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        VendorException refused = assertThrows(VendorException.class,
                () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));

        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("FailedOperation", refused.vendorCode());
        assertEquals(1, tencent.emulator.recordingTasks().size());
    }

    @Test
    void anIdleTimeLongerThanTencentsDayIsTencentsRefusal() {
        VendorException refused = assertThrows(VendorException.class, () -> recorder.start(new RecordingStartRequest(ROOM, RECORDER,
                Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS), Duration.ofHours(25), Optional.empty())));

        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("InvalidParameter.OutOfRange", refused.vendorCode());
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(FaultKind.THROTTLE, Kind.THROTTLED, "RequestLimitExceeded"),
                Arguments.of(FaultKind.SERVER_ERROR, Kind.SERVER_ERROR, "InternalError"),
                Arguments.of(FaultKind.CONNECTION_REFUSED, Kind.TRANSPORT, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("faults")
    void throttlingServerErrorsAndTransportCountAgainstTencentsHealth(FaultKind fault, Kind kind, String code) {
        tencent.emulator.faults().failNext(fault, 1);
        VendorException onStart = assertThrows(VendorException.class,
                () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));
        assertFailure(onStart, kind, code, "start");
        assertEquals(List.of(), tencent.emulator.recordingTasks());

        RecordingTask task = task(recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))), RecordingMode.MIX);
        // okhttp resends a request lost on a reused connection once, on a new one: a second drop reaches the caller.
        int faultyCalls = fault == FaultKind.CONNECTION_REFUSED ? 2 : 1;
        tencent.emulator.faults().failNext(fault, faultyCalls);
        assertFailure(assertThrows(VendorException.class, () -> recorder.query(task)), kind, code, "query");
        tencent.emulator.faults().failNext(fault, faultyCalls);
        assertFailure(assertThrows(VendorException.class, () -> recorder.stop(task)), kind, code, "stop");
        assertEquals(TrtcRecordingTask.State.IDLE, onlyTask().state(), "the failed stop left the task running");
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsATimeout() {
        tencent.emulator.faults().delayNext(EmulatedTencentRecording.TIMEOUT.plusSeconds(1), 1);

        VendorException late = assertThrows(VendorException.class, () -> recorder.start(request(RecordingMode.MIX,
                Set.of(RecordingFormat.HLS))));

        assertEquals(Kind.TIMEOUT, late.kind());
        assertTrue(late.kind().countsAgainstHealth());
    }

    @Test
    void aWrongSecretKeyIsARefusalWithTencentsCode() {
        TencentCloudRecorder stranger = EmulatedTencentRecording.recorderWith(
                tencent.settings("not-the-secret-key").withRecordingStorage(tencent.storage));

        VendorException refused = assertThrows(VendorException.class,
                () -> stranger.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));

        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("AuthFailure.SignatureFailure", refused.vendorCode());
    }

    @Test
    void aRecorderIdentityMustBeInTheRecordersRange() {
        assertThrows(IllegalArgumentException.class, () -> recorder.start(new RecordingStartRequest(ROOM, new RecorderIdentity("alice"),
                Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS), Duration.ofSeconds(30), Optional.empty())));
        assertThrows(IllegalArgumentException.class, () -> recorder.start(new RecordingStartRequest(ROOM, new RecorderIdentity("1001"),
                Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS), Duration.ofSeconds(30), Optional.empty())));
        assertEquals(List.of(), tencent.emulator.requests(), "nothing reached Tencent");
    }

    @Test
    void theStorageKeysAreInNoMessageLogLineOrToString() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.rtcgate.tencent");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false); // read here, not printed
        try {
            tencent.enter(ROOM, "alice");
            RecordingTask task = task(recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))), RecordingMode.MIX);
            recorder.query(task);
            VendorException twice = assertThrows(VendorException.class,
                    () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));
            tencent.emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
            VendorException broken = assertThrows(VendorException.class, () -> recorder.stop(task));
            recorder.stop(task);

            assertFalse(lines.list.isEmpty(), "the calls were logged");
            List<String> texts = new ArrayList<>(lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            texts.addAll(List.of(twice.getMessage(), broken.getMessage(), recorder.toString(), tencent.storage.toString(),
                    tencent.settings.toString()));
            for (String secret : List.of(tencent.storage.secretKey(), tencent.storage.accessKey(), tencent.settings.secretKey(),
                    tencent.settings.userSigKey(), EmulatedTencentRecording.CALLBACK_KEY)) {
                texts.forEach(text -> assertFalse(text.contains(secret), text));
            }
        } finally {
            logger.setLevel(level);
            logger.setAdditive(true);
            logger.detachAppender(lines);
        }
    }

    @Test
    void tencentsFactoryOffersRecordingOnlyWithStorageAndTheCallbackEndpointAlways() {
        List<VendorPort> withStorage = TencentPorts.create(tencent.settings);
        List<VendorPort> without = TencentPorts.create(tencent.settings(tencent.settings.secretKey()));

        assertEquals(List.of(TencentTokenIssuer.class, TencentChannelAdmin.class, TencentStreamIngester.class, TencentStreamMixer.class,
                TencentRecordingCallbacks.class, TencentIngestCallbacks.class, TencentMixCallbacks.class, TencentCloudRecorder.class),
                withStorage.stream().map(Object::getClass).toList());
        assertTrue(without.stream().noneMatch(TencentCloudRecorder.class::isInstance));
        assertTrue(without.stream().anyMatch(RecordingCallbacks.class::isInstance),
                "the room and media events of co-hosting come to the same endpoint, recording or not");
    }

    @Test
    void ingestCallbacksAreOfferedOnlyWithTheCallbackKeyTheirDeliveriesAreVerifiedWith() {
        List<VendorPort> withoutKey = TencentPorts.create(tencent.settings.withCallbackKey(""));

        assertTrue(withoutKey.stream().anyMatch(RecordingCallbacks.class::isInstance), "the endpoint still answers, refusing all");
        assertTrue(withoutKey.stream().noneMatch(IngestCallbacks.class::isInstance));
    }

    // ---- helpers ----

    private static void assertFailure(VendorException failure, Kind kind, String code, String operation) {
        assertEquals(kind, failure.kind(), failure.getMessage());
        assertEquals(code, failure.vendorCode());
        assertEquals(operation, failure.operation());
        assertTrue(failure.kind().countsAgainstHealth());
    }

    private static RecordingStartRequest request(RecordingMode mode, Set<RecordingFormat> formats) {
        return new RecordingStartRequest(ROOM, RECORDER, Optional.empty(), mode, formats, Duration.ofSeconds(30), Optional.empty());
    }

    private static RecordingTask task(RecordingStarted start, RecordingMode mode) {
        return new RecordingTask(ROOM, RECORDER, mode, start.task());
    }

    private TrtcRecordingTask onlyTask() {
        List<TrtcRecordingTask> tasks = tencent.emulator.recordingTasks();
        assertEquals(1, tasks.size(), tasks.toString());
        return tasks.get(0);
    }

    private JsonNode createBody() throws JsonProcessingException {
        return JSON.readTree(onlyRequest("CreateCloudRecording").body());
    }

    private RecordedRequest onlyRequest(String action) {
        List<RecordedRequest> matching = tencent.emulator.requests().stream().filter(request -> request.action().equals(action)).toList();
        assertEquals(1, matching.size(), matching.toString());
        return matching.get(0);
    }

    private List<String> actions() {
        return tencent.emulator.requests().stream().map(RecordedRequest::action).toList();
    }

    private static <T> T only(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}
