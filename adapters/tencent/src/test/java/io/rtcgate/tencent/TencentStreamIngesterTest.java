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
import io.rtcgate.domain.ingest.IngestMode;
import io.rtcgate.domain.ingest.IngestStartRequest;
import io.rtcgate.domain.ingest.IngestStopped;
import io.rtcgate.domain.ingest.IngestTask;
import io.rtcgate.domain.ingest.IngestTaskState;
import io.rtcgate.domain.ingest.IngestUpdate;
import io.rtcgate.domain.ingest.StreamIngester;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.tencent.TencentEmulatorCredentials;
import io.rtcgate.emulator.tencent.TencentUserSigs;
import io.rtcgate.emulator.tencent.TrtcStreamIngest;
import io.rtcgate.emulator.tencent.TrtcStreamIngest.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The Tencent stream ingester through the SDK's common client against the emulator over real HTTP. */
class TencentStreamIngesterTest {

    private static final String ROOM = "room-7-1";
    private static final String ROBOT = "ingest_7";
    private static final String FILE = "https://media.example/class.mp4?duration=600";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatedTencentRecording tencent = new EmulatedTencentRecording();
    private final TencentStreamIngester ingester = ingesterWith(tencent.settings);

    @AfterEach
    void stop() {
        tencent.close();
    }

    @Test
    void startDescribeAndStopAFile() {
        String taskId = ingester.start(file(Duration.ZERO, 1));

        TrtcStreamIngest running = onlyTask();
        assertEquals(running.taskId(), taskId);
        assertEquals(ROOM, running.roomId());
        assertEquals(ROBOT, running.userId());
        assertTrue(tencent.emulator.usersIn(ROOM).contains(ROBOT), "the robot publishes in the room");
        IngestTask task = task(taskId);
        assertEquals(IngestTaskState.RUNNING, ingester.describe(task));

        assertEquals(IngestStopped.STOPPED, ingester.stop(task));

        assertEquals(State.ENDED, onlyTask().state());
        assertFalse(tencent.emulator.usersIn(ROOM).contains(ROBOT), "the robot left");
        assertEquals(IngestTaskState.GONE, ingester.describe(task));
        assertEquals(IngestStopped.ALREADY_ENDED, ingester.stop(task), "a second stop finds it ended");
        assertEquals(List.of("StartStreamIngest", "DescribeStreamIngest", "StopStreamIngest", "DescribeStreamIngest",
                "StopStreamIngest"), actions());
    }

    @Test
    void theStartRequestIsTrtcsWithAStringRoomAndTheRobotsOwnUserSig() throws JsonProcessingException {
        ingester.start(file(Duration.ofMillis(90_700), 3));

        RecordedRequest start = onlyRequest("StartStreamIngest");
        assertEquals("2019-07-22", start.header("X-TC-Version"));
        assertTrue(start.header("Authorization").startsWith("TC3-HMAC-SHA256 Credential=" + tencent.settings.secretId() + "/"),
                start.header("Authorization"));
        JsonNode body = JSON.readTree(start.body());
        assertEquals(tencent.settings.sdkAppId(), body.get("SdkAppId").longValue());
        assertEquals(ROOM, body.get("RoomId").textValue());
        assertEquals(0, body.get("RoomIdType").intValue(), "0 is a string room id for StartStreamIngest");
        assertTrue(body.get("RoomIdType").isInt());
        assertEquals(ROBOT, body.get("UserId").textValue());
        assertEquals(Optional.empty(), TencentUserSigs.verify(body.get("UserSig").textValue(), tencent.settings.sdkAppId(),
                tencent.settings.userSigKey(), ROBOT, tencent.clock.instant()), "a UserSig for the robot itself");
        assertEquals(FILE, body.get("StreamUrl").textValue());
        assertEquals(90, body.get("SeekSecond").longValue(), "whole seconds of the seek");
        assertEquals(3, body.get("RepeatNum").intValue());
        assertEquals(80, body.get("Volume").intValue());
        assertFalse(body.get("EnableProgress").booleanValue());
        assertEquals(List.of("SdkAppId", "RoomId", "RoomIdType", "UserId", "UserSig", "StreamUrl", "SeekSecond", "RepeatNum", "Volume",
                "EnableProgress"), names(body));
        assertEquals(Duration.ofSeconds(90), onlyTask().position(), "TRTC starts the file there");
    }

    @Test
    void aFileFromItsStartSendsNoSeekAndALiveStreamPlaysOnce() throws JsonProcessingException {
        ingester.start(file(Duration.ZERO, -1));
        ingester.start(new IngestStartRequest("room-8-1", ROBOT, "rtmp://live.example/app/stream", IngestMode.LIVE, Duration.ZERO, 1, 100));

        List<JsonNode> bodies = new ArrayList<>();
        for (RecordedRequest request : requests("StartStreamIngest")) {
            bodies.add(JSON.readTree(request.body()));
        }
        assertNull(bodies.get(0).get("SeekSecond"));
        assertEquals(-1, bodies.get(0).get("RepeatNum").intValue(), "a file looped for ever");
        assertNull(bodies.get(0).get("MaxDuration"));
        assertNull(bodies.get(1).get("SeekSecond"));
        assertEquals(1, bodies.get(1).get("RepeatNum").intValue());
        assertEquals("rtmp://live.example/app/stream", bodies.get(1).get("StreamUrl").textValue());
        tencent.clock.advance(Duration.ofMinutes(4));
        assertEquals(List.of(State.RUNNING, State.RUNNING), tencent.emulator.streamIngests().stream().map(TrtcStreamIngest::state).toList());
    }

    @Test
    void aPausedTaskStandsStillAndTrtcStillSaysItRuns() throws JsonProcessingException {
        IngestTask task = task(ingester.start(file(Duration.ZERO, 1)));
        tencent.clock.advance(Duration.ofSeconds(10));

        ingester.update(task, new IngestUpdate(Optional.of(true), Optional.empty()));
        tencent.clock.advance(Duration.ofSeconds(60));

        assertEquals(State.PAUSED, onlyTask().state());
        assertEquals(Duration.ofSeconds(10), onlyTask().position(), "the position does not move while paused");
        assertEquals(IngestTaskState.RUNNING, ingester.describe(task), "TRTC's Describe has no paused status");
        JsonNode pause = JSON.readTree(onlyRequest("UpdateStreamIngest").body());
        assertEquals(List.of("SdkAppId", "TaskId", "IsPause"), names(pause));
        assertTrue(pause.get("IsPause").booleanValue());
        assertEquals(task.taskId(), pause.get("TaskId").textValue());

        ingester.update(task, new IngestUpdate(Optional.of(false), Optional.empty()));
        tencent.clock.advance(Duration.ofSeconds(5));

        assertEquals(State.RUNNING, onlyTask().state());
        assertEquals(Duration.ofSeconds(15), onlyTask().position());
    }

    @Test
    void theVolumeChangesAloneOrWithThePause() throws JsonProcessingException {
        IngestTask task = task(ingester.start(file(Duration.ZERO, 1)));

        ingester.update(task, new IngestUpdate(Optional.empty(), Optional.of(30)));
        assertEquals(30, onlyTask().volume());
        assertEquals(State.RUNNING, onlyTask().state());
        ingester.update(task, new IngestUpdate(Optional.of(true), Optional.of(0)));

        assertEquals(0, onlyTask().volume());
        assertEquals(State.PAUSED, onlyTask().state());
        List<RecordedRequest> updates = requests("UpdateStreamIngest");
        assertEquals(List.of("SdkAppId", "TaskId", "Volume"), names(JSON.readTree(updates.get(0).body())));
        assertEquals(30, JSON.readTree(updates.get(0).body()).get("Volume").intValue());
        assertEquals(List.of("SdkAppId", "TaskId", "IsPause", "Volume"), names(JSON.readTree(updates.get(1).body())));
    }

    @Test
    void aFileThatPlayedToItsEndIsGone() {
        IngestTask task = task(ingester.start(new IngestStartRequest(ROOM, ROBOT, "https://media.example/a.mp4?duration=10",
                IngestMode.VOD, Duration.ZERO, 2, 100)));
        tencent.clock.advance(Duration.ofSeconds(15));
        assertEquals(IngestTaskState.RUNNING, ingester.describe(task), "in its second play");

        tencent.clock.advance(Duration.ofSeconds(5));

        assertEquals(IngestTaskState.GONE, ingester.describe(task));
        assertFalse(tencent.emulator.usersIn(ROOM).contains(ROBOT), "the robot left with its task");
        VendorException update = assertThrows(VendorException.class,
                () -> ingester.update(task, new IngestUpdate(Optional.of(true), Optional.empty())));
        assertEquals(Kind.REJECTED, update.kind());
        assertEquals("NotExist", update.vendorCode());
        assertEquals("update", update.operation());
        assertEquals(IngestStopped.ALREADY_ENDED, ingester.stop(task));
    }

    @Test
    void aTaskTrtcNeverHadIsGoneForDescribeEndedForStopAndRefusedForUpdate() {
        IngestTask unknown = new IngestTask(ROOM, ROBOT, "no-such-task");

        assertEquals(IngestTaskState.GONE, ingester.describe(unknown));
        assertEquals(IngestStopped.ALREADY_ENDED, ingester.stop(unknown));
        VendorException refused = assertThrows(VendorException.class,
                () -> ingester.update(unknown, new IngestUpdate(Optional.empty(), Optional.of(10))));
        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("NotExist", refused.vendorCode());
        assertFalse(refused.kind().countsAgainstHealth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FailedOperation.TaskNotExist", "FailedOperation.TaskFinished"})
    void theCodesOfATaskTrtcNoLongerHasMeanItIsGoneAndSayNothingOfHealth(String code) {
        assertTrue(TencentStreamIngester.TASK_GONE.contains(code));
        assertEquals(Kind.REJECTED, TencentFailures.kindOf(code));
    }

    static Stream<Arguments> refusedStarts() {
        return Stream.of(
                refused("a channel too long for a string room", test -> test.ingester.start(
                        new IngestStartRequest("r".repeat(65), ROBOT, FILE, IngestMode.VOD, Duration.ZERO, 1, 100)), "InvalidParameter.StrRoomId"),
                refused("a robot id TRTC does not take", test -> test.ingester.start(
                        new IngestStartRequest(ROOM, "robot 7", FILE, IngestMode.VOD, Duration.ZERO, 1, 100)), "InvalidParameter.UserId"),
                refused("an ftp source", test -> test.ingester.start(
                        new IngestStartRequest(ROOM, ROBOT, "ftp://media.example/a.mp4", IngestMode.VOD, Duration.ZERO, 1, 100)),
                        "InvalidParameter.StreamUrl"),
                refused("a UserSig signed with another key", test -> ingesterWith(test.otherUserSigKey())
                        .start(test.file(Duration.ZERO, 1)), "InvalidParameter.UserSig"),
                refused("another application", test -> ingesterWith(test.otherSdkAppId())
                        .start(test.file(Duration.ZERO, 1)), "InvalidParameter.SdkAppId"),
                refused("a wrong secret key", test -> ingesterWith(test.tencent.settings("not-the-secret-key"))
                        .start(test.file(Duration.ZERO, 1)), "AuthFailure.SignatureFailure"));
    }

    private static Arguments refused(String name, Function<TencentStreamIngesterTest, String> start, String code) {
        return Arguments.of(name, start, code);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("refusedStarts")
    void aRefusedStartIsARejectionWithTrtcsCode(String name, Function<TencentStreamIngesterTest, String> start, String code) {
        VendorException refused = assertThrows(VendorException.class, () -> start.apply(this));

        assertEquals(Kind.REJECTED, refused.kind(), refused.getMessage());
        assertEquals(code, refused.vendorCode());
        assertEquals("start", refused.operation());
        assertFalse(refused.kind().countsAgainstHealth());
        assertEquals(List.of(), tencent.emulator.streamIngests(), "nothing started");
        assertEquals(List.of("StartStreamIngest"), actions(), "the refusal is TRTC's, not the adapter's");
    }

    @Test
    void aSecondStartOfTheSameRobotInTheRoomIsRefused() {
        ingester.start(file(Duration.ZERO, 1));

        VendorException refused = assertThrows(VendorException.class, () -> ingester.start(file(Duration.ZERO, 1)));

        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("FailedOperation.TaskExist", refused.vendorCode());
        assertEquals(1, tencent.emulator.streamIngests().size());
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
        assertFailure(assertThrows(VendorException.class, () -> ingester.start(file(Duration.ZERO, 1))), kind, code, "start");
        assertEquals(List.of(), tencent.emulator.streamIngests());

        IngestTask task = task(ingester.start(file(Duration.ZERO, 1)));
        // okhttp resends a request lost on a reused connection once, on a new one: a second drop reaches the caller.
        int faultyCalls = fault == FaultKind.CONNECTION_REFUSED ? 2 : 1;
        tencent.emulator.faults().failNext(fault, faultyCalls);
        assertFailure(assertThrows(VendorException.class, () -> ingester.describe(task)), kind, code, "describe");
        tencent.emulator.faults().failNext(fault, faultyCalls);
        assertFailure(assertThrows(VendorException.class,
                () -> ingester.update(task, new IngestUpdate(Optional.of(true), Optional.empty()))), kind, code, "update");
        assertEquals(State.RUNNING, onlyTask().state(), "the failed update paused nothing");
        tencent.emulator.faults().failNext(fault, faultyCalls);
        assertFailure(assertThrows(VendorException.class, () -> ingester.stop(task)), kind, code, "stop");
        assertEquals(State.RUNNING, onlyTask().state(), "the failed stop left the task running");
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsATimeout() {
        tencent.emulator.faults().delayNext(EmulatedTencentRecording.TIMEOUT.plusSeconds(1), 1);

        VendorException late = assertThrows(VendorException.class, () -> ingester.start(file(Duration.ZERO, 1)));

        assertEquals(Kind.TIMEOUT, late.kind());
        assertTrue(late.kind().countsAgainstHealth());
    }

    @Test
    void tencentsFactoryOffersIngestWithoutRecordingStorage() {
        List<StreamIngester> ingesters = TencentPorts.create(tencent.settings(tencent.settings.secretKey())).stream()
                .filter(port -> port instanceof StreamIngester).map(StreamIngester.class::cast).toList();

        assertEquals(1, ingesters.size());
        assertEquals(TencentStreamIngester.class, ingesters.get(0).getClass());
        String taskId = ingesters.get(0).start(file(Duration.ZERO, 1));
        assertEquals(taskId, onlyTask().taskId(), "the factory's ingester reaches the configured endpoint");
    }

    @Test
    void theRobotsUserSigAndTheKeysAreInNoLogLineMessageOrToString() throws JsonProcessingException {
        Logger logger = (Logger) LoggerFactory.getLogger("io.rtcgate.tencent");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false); // read here, not printed
        try {
            IngestTask task = task(ingester.start(file(Duration.ZERO, 1)));
            VendorException twice = assertThrows(VendorException.class, () -> ingester.start(file(Duration.ZERO, 1)));
            tencent.emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
            VendorException broken = assertThrows(VendorException.class, () -> ingester.stop(task));
            ingester.stop(task);

            assertFalse(lines.list.isEmpty(), "the calls were logged");
            String userSig = JSON.readTree(requests("StartStreamIngest").get(0).body()).get("UserSig").textValue();
            List<String> texts = new ArrayList<>(lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            texts.addAll(List.of(twice.getMessage(), broken.getMessage(), ingester.toString()));
            for (String secret : List.of(userSig, tencent.settings.secretKey(), tencent.settings.userSigKey())) {
                texts.forEach(text -> assertFalse(text.contains(secret), text));
            }
        } finally {
            logger.setLevel(level);
            logger.setAdditive(true);
            logger.detachAppender(lines);
        }
    }

    // ---- helpers ----

    static TencentStreamIngester ingesterWith(TencentSettings settings) {
        return new TencentStreamIngester(settings, TrtcClients.common(settings), new TencentTokenIssuer(settings));
    }

    private IngestStartRequest file(Duration seek, int repeat) {
        return new IngestStartRequest(ROOM, ROBOT, FILE, IngestMode.VOD, seek, repeat, 80);
    }

    private TencentSettings otherUserSigKey() {
        TencentEmulatorCredentials credentials = tencent.emulator.credentials();
        return new TencentSettings(credentials.sdkAppId(), TencentEmulatorCredentials.random().userSigKey(), credentials.secretId(),
                credentials.secretKey(), "ap-guangzhou", tencent.emulator.hostAndPort(), TencentSettings.HTTP, EmulatedTencentRecording.TIMEOUT);
    }

    private TencentSettings otherSdkAppId() {
        TencentEmulatorCredentials credentials = tencent.emulator.credentials();
        return new TencentSettings(credentials.sdkAppId() + 1, credentials.userSigKey(), credentials.secretId(),
                credentials.secretKey(), "ap-guangzhou", tencent.emulator.hostAndPort(), TencentSettings.HTTP, EmulatedTencentRecording.TIMEOUT);
    }

    private static IngestTask task(String taskId) {
        return new IngestTask(ROOM, ROBOT, taskId);
    }

    private static void assertFailure(VendorException failure, Kind kind, String code, String operation) {
        assertEquals(kind, failure.kind(), failure.getMessage());
        assertEquals(code, failure.vendorCode());
        assertEquals(operation, failure.operation());
        assertTrue(failure.kind().countsAgainstHealth());
    }

    private TrtcStreamIngest onlyTask() {
        List<TrtcStreamIngest> tasks = tencent.emulator.streamIngests();
        assertEquals(1, tasks.size(), tasks.toString());
        return tasks.get(0);
    }

    private RecordedRequest onlyRequest(String action) {
        List<RecordedRequest> matching = requests(action);
        assertEquals(1, matching.size(), matching.toString());
        return matching.get(0);
    }

    private List<RecordedRequest> requests(String action) {
        return tencent.emulator.requests().stream().filter(request -> request.action().equals(action)).toList();
    }

    private List<String> actions() {
        return tencent.emulator.requests().stream().map(RecordedRequest::action).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
