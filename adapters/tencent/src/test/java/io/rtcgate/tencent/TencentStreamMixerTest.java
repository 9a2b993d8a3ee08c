package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.MixCallbacks;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixStopped;
import io.rtcgate.domain.cohost.StreamMixer;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.tencent.TencentUserSigs;
import io.rtcgate.emulator.tencent.TrtcMixTask;
import io.rtcgate.emulator.tencent.TrtcMixTask.CdnTarget;
import io.rtcgate.emulator.tencent.TrtcMixTask.Pane;
import io.rtcgate.emulator.tencent.TrtcMixTask.State;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Tencent stream mixer through the SDK's TRTC client against the emulator over real HTTP. */
class TencentStreamMixerTest {

    private static final String ROOM = "room-12-1";
    private static final String ANCHOR = "anchor_1";
    private static final String GUEST = "guest_2";
    private static final String THIRD = "guest_3";
    private static final String TASK_NAME = "mix-room-12-1";
    private static final String PUSH_URL = "rtmp://push.example/live/stream-12?auth_key=1700000000-0-0-5f2b";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatedTencentRecording tencent = new EmulatedTencentRecording();
    private final TencentStreamMixer mixer = mixerWith(tencent.settings);

    @AfterEach
    void stop() {
        tencent.close();
    }

    @Test
    void theStartIsTrtcsMixWithAStringRoomACustomLayoutAndTheRoomsPushUrl() throws JsonProcessingException {
        String taskId = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST));

        TrtcMixTask task = onlyTask();
        assertEquals(task.taskId(), taskId);
        assertEquals(State.RUNNING, task.state());
        assertTrue(task.stringRoom(), "RoomIdType 1 is a string room for StartPublishCdnStream");
        assertEquals(TencentStreamMixer.robotUserId(TASK_NAME), task.robotUserId());
        assertEquals(540, task.canvasWidth());
        assertEquals(960, task.canvasHeight());
        // The anchor fills the canvas; the guest is a 0.25 pane at (0.72, 0.72): 135 x 240 px at (389, 691).
        assertEquals(List.of(new Pane(ANCHOR, ROOM, 0, 0, 540, 960, 0, 0), new Pane(GUEST, ROOM, 389, 691, 135, 240, 1, 0)), task.panes());
        assertEquals(List.of(new CdnTarget(PUSH_URL, false)), task.cdnTargets(), "not Tencent's CDN: IsTencentCdn 0");

        JsonNode body = JSON.readTree(onlyRequest("StartPublishCdnStream").body());
        assertEquals(tencent.settings.sdkAppId(), body.get("SdkAppId").longValue());
        assertEquals(ROOM, body.get("RoomId").textValue());
        assertEquals(1, body.get("RoomIdType").intValue());
        assertEquals(1, body.get("WithTranscoding").intValue());
        JsonNode agent = body.get("AgentParams");
        assertEquals(task.robotUserId(), agent.get("UserId").textValue());
        assertEquals(Optional.empty(), TencentUserSigs.verify(agent.get("UserSig").textValue(), tencent.settings.sdkAppId(),
                tencent.settings.userSigKey(), task.robotUserId(), tencent.clock.instant()), "a UserSig for the robot itself");
        JsonNode encode = body.get("VideoParams").get("VideoEncode");
        assertEquals(List.of(540, 960, 15, 1200, 2), List.of(encode.get("Width").intValue(), encode.get("Height").intValue(),
                encode.get("Fps").intValue(), encode.get("BitRate").intValue(), encode.get("Gop").intValue()));
        assertEquals(4, body.get("VideoParams").get("LayoutParams").get("MixLayoutMode").intValue(), "a custom layout");
        JsonNode guestPane = body.get("VideoParams").get("LayoutParams").get("MixLayoutList").get(1);
        assertEquals(GUEST, guestPane.get("UserMediaStream").get("UserInfo").get("UserId").textValue());
        assertEquals(1, guestPane.get("UserMediaStream").get("UserInfo").get("RoomIdType").intValue());
        assertEquals(0, guestPane.get("UserMediaStream").get("StreamType").intValue(), "the camera");
        JsonNode audio = body.get("AudioParams").get("AudioEncode");
        assertEquals(48_000, audio.get("SampleRate").intValue());
        assertEquals(PUSH_URL, body.get("PublishCdnParams").get(0).get("PublishCdnUrl").textValue());
        assertEquals(0, body.get("PublishCdnParams").get(0).get("IsTencentCdn").intValue());
        assertFalse(mixer.resultsByCallback(), "the start's answer is the result");
    }

    @Test
    void aStartBeforeTheAnchorIsInTheRoomIsTakenAsTrtcTakesIt() {
        assertEquals(java.util.Set.of(), tencent.emulator.usersIn(ROOM));

        String taskId = mixer.start(request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST));

        assertEquals(taskId, onlyTask().taskId());
        tencent.clock.advance(Duration.ofMinutes(4));
        assertEquals(State.RUNNING, onlyTask().state(), "TRTC's task waits for its anchors");
    }

    @Test
    void aMemberChangeAndALayoutChangeAreUpdatesInSequence() throws JsonProcessingException {
        String taskId = mixer.start(request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST));

        mixer.update(taskId, request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST, THIRD));
        assertEquals(List.of(new Pane(ANCHOR, ROOM, 0, 0, 270, 960, 0, 0), new Pane(GUEST, ROOM, 270, 0, 270, 480, 0, 0),
                new Pane(THIRD, ROOM, 270, 480, 270, 480, 0, 0)), onlyTask().panes(), "a third member: the right half split");
        mixer.update(taskId, request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST, THIRD));

        assertEquals(List.of(ANCHOR, GUEST, THIRD), onlyTask().paneUserIds());
        assertEquals(new Pane(THIRD, ROOM, 389, 432, 135, 240, 1, 0), onlyTask().panes().get(2), "stacked up from the first inset");
        List<RecordedRequest> updates = requests("UpdatePublishCdnStream");
        assertEquals(2, updates.size());
        long first = JSON.readTree(updates.get(0).body()).get("SequenceNumber").longValue();
        long second = JSON.readTree(updates.get(1).body()).get("SequenceNumber").longValue();
        assertTrue(second > first, first + " then " + second);
        assertEquals(second, onlyTask().sequenceNumber(), "TRTC took both");
        JsonNode body = JSON.readTree(updates.get(1).body());
        assertEquals(taskId, body.get("TaskId").textValue());
        assertEquals(1, body.get("WithTranscoding").intValue());
        assertEquals(48_000, body.get("AudioParams").get("AudioEncode").get("SampleRate").intValue(), "the audio as it was");
        assertEquals(State.RUNNING, onlyTask().state());
    }

    @Test
    void theSequenceNumberGrowsByOneWithinAMillisecondAndFollowsTheClockAfter() {
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_700_000_000_000L));
        TencentStreamMixer fixed = new TencentStreamMixer(tencent.settings, TrtcClients.create(tencent.settings), tencent.tokens, clock);

        assertEquals(1_700_000_000_000L, fixed.nextSequenceNumber("task-1"));
        assertEquals(1_700_000_000_001L, fixed.nextSequenceNumber("task-1"));
        assertEquals(1_700_000_000_002L, fixed.nextSequenceNumber("task-1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1_700_000_001_000L, fixed.nextSequenceNumber("task-1"));
        assertEquals(1_700_000_001_000L, fixed.nextSequenceNumber("task-2"), "each task counts on its own");
    }

    @Test
    void aStopEndsTheTaskAndAStopOfATaskTrtcNoLongerHasFindsItEnded() {
        MixRequest request = request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST);
        String taskId = mixer.start(request);

        assertEquals(MixStopped.STOPPED, mixer.stop(taskId, request));

        assertEquals(State.ENDED, onlyTask().state());
        assertEquals(MixStopped.ALREADY_ENDED, mixer.stop(taskId, request), "a second stop");
        assertEquals(MixStopped.ALREADY_ENDED, mixer.stop("no-such-task", request), "a task TRTC never had");
        assertEquals(List.of("StartPublishCdnStream", "StopPublishCdnStream", "StopPublishCdnStream", "StopPublishCdnStream"), actions());
    }

    @Test
    void aTaskWhoseAnchorsLeftForMaxIdleTimeHasEndedByItself() {
        MixRequest request = request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST);
        String taskId = mixer.start(request);
        tencent.emulator.enterRoomAsAnchor(ROOM, ANCHOR, tencent.tokens.userSig(ANCHOR, Duration.ofMinutes(10)));
        tencent.emulator.exitRoom(ROOM, ANCHOR);
        tencent.clock.advance(Duration.ofSeconds(30));

        assertEquals(State.ENDED, onlyTask().state());
        assertEquals(MixStopped.ALREADY_ENDED, mixer.stop(taskId, request));
        VendorException update = assertThrows(VendorException.class, () -> mixer.update(taskId, request));
        assertEquals(Kind.REJECTED, update.kind());
        assertEquals("ResourceNotFound", update.vendorCode());
        assertEquals("update", update.operation());
    }

    @Test
    void aRetriedStartAdoptsTheTaskItStartedAndCreatesNoSecond() {
        MixRequest request = request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST);
        String first = mixer.start(request);

        assertEquals(first, mixer.start(request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST, THIRD)), "the same task name is the same task");

        assertEquals(1, tencent.emulator.mixTasks().size());
        assertEquals(List.of("StartPublishCdnStream", "UpdatePublishCdnStream"), actions(),
                "the retry asked TRTC whether the task runs by updating it, and started none");
        assertEquals(List.of(ANCHOR, GUEST, THIRD), onlyTask().paneUserIds(), "the task shows what the retry asked for");
    }

    @Test
    void aStartUnderTheNameOfATaskThatEndedByItselfIsANewTask() {
        MixRequest request = request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST);
        String first = mixer.start(request);
        tencent.emulator.enterRoomAsAnchor(ROOM, ANCHOR, tencent.tokens.userSig(ANCHOR, Duration.ofMinutes(10)));
        tencent.emulator.exitRoom(ROOM, ANCHOR);
        tencent.clock.advance(Duration.ofSeconds(30));

        String second = mixer.start(request);

        assertNotEquals(first, second);
        assertEquals(List.of(State.ENDED, State.RUNNING), tencent.emulator.mixTasks().stream().map(TrtcMixTask::state).toList());
        assertEquals(List.of("StartPublishCdnStream", "UpdatePublishCdnStream", "StartPublishCdnStream"), actions());
    }

    @Test
    void aStartOfARunningTaskThisNodeNeverHeardOfIsRefusedByTrtcForItsRobot() {
        MixRequest request = request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST);
        String first = mixer.start(request);
        TencentStreamMixer otherNode = mixerWith(tencent.settings);

        VendorException refused = assertThrows(VendorException.class, () -> otherNode.start(request));

        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("FailedOperation.TaskExist", refused.vendorCode());
        assertEquals(List.of(first), tencent.emulator.mixTasks().stream().map(TrtcMixTask::taskId).toList(), "still one task");
        JsonNode[] robots = requests("StartPublishCdnStream").stream().map(TencentStreamMixerTest::json)
                .map(body -> body.get("AgentParams").get("UserId")).toArray(JsonNode[]::new);
        assertEquals(robots[0], robots[1], "both tries named the same robot");
    }

    @Test
    void aStartAfterTheStopIsANewTask() {
        MixRequest request = request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST);
        String first = mixer.start(request);
        mixer.stop(first, request);

        String second = mixer.start(request);

        assertNotEquals(first, second);
        assertEquals(List.of(State.ENDED, State.RUNNING), tencent.emulator.mixTasks().stream().map(TrtcMixTask::state).toList());
    }

    @Test
    void aWrongSecretKeyIsARejectionWithTrtcsCode() {
        TencentStreamMixer wrongKey = mixerWith(tencent.settings("not-the-secret-key"));

        VendorException refused = assertThrows(VendorException.class, () -> wrongKey.start(request(CohostLayout.SIDE_BY_SIDE, ANCHOR)));

        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("AuthFailure.SignatureFailure", refused.vendorCode());
        assertFalse(refused.kind().countsAgainstHealth());
        assertEquals(List.of(), tencent.emulator.mixTasks());
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
        MixRequest request = request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST);
        tencent.emulator.faults().failNext(fault, 1);
        assertFailure(assertThrows(VendorException.class, () -> mixer.start(request)), kind, code, "start");
        assertEquals(List.of(), tencent.emulator.mixTasks(), "the failed start started nothing");

        String taskId = mixer.start(request);
        // okhttp resends a request lost on a reused connection once, on a new one: a second drop reaches the caller.
        int faultyCalls = fault == FaultKind.CONNECTION_REFUSED ? 2 : 1;
        tencent.emulator.faults().failNext(fault, faultyCalls);
        assertFailure(assertThrows(VendorException.class, () -> mixer.update(taskId, request(CohostLayout.SIDE_BY_SIDE, ANCHOR))),
                kind, code, "update");
        assertEquals(List.of(ANCHOR, GUEST), onlyTask().paneUserIds(), "the failed update changed nothing");
        tencent.emulator.faults().failNext(fault, faultyCalls);
        assertFailure(assertThrows(VendorException.class, () -> mixer.stop(taskId, request)), kind, code, "stop");
        assertEquals(State.RUNNING, onlyTask().state(), "the failed stop left the task running");
        tencent.emulator.faults().clear(); // a drop okhttp's resend did not take
        assertEquals(taskId, mixer.start(request), "the task is still this node's to adopt");
    }

    @Test
    void aMixWithoutThePushUrlIsNotSentToTrtc() {
        MixRequest noOutput = new MixRequest(new ChannelRef(ROOM, "stream-12", ANCHOR), TASK_NAME, CohostLayout.SIDE_BY_SIDE,
                CohostLayout.SIDE_BY_SIDE.arrange(List.of(ANCHOR)), Optional.empty());

        assertThrows(IllegalArgumentException.class, () -> mixer.start(noOutput));

        assertEquals(List.of(), actions());
    }

    @Test
    void theRobotIdIsStablePerTaskNameWithinTrtcsLimitAndKnownAsARobot() {
        String robot = TencentStreamMixer.robotUserId(TASK_NAME);

        assertEquals(robot, TencentStreamMixer.robotUserId(TASK_NAME));
        assertNotEquals(robot, TencentStreamMixer.robotUserId("mix-room-12-2"));
        assertEquals(32, robot.length());
        assertTrue(robot.matches("[A-Za-z0-9_-]{1,32}"), robot);
        assertTrue(TencentStreamMixer.isMixRobot(robot));
        assertFalse(TencentStreamMixer.isMixRobot(ANCHOR));
    }

    @Test
    void onlyTencentsOwnPushDomainsAreNamedTencentCdn() {
        assertTrue(TencentStreamMixer.isTencentCdn("rtmp://12345.livepush.myqcloud.com/live/stream?txSecret=a&txTime=b"));
        assertFalse(TencentStreamMixer.isTencentCdn(PUSH_URL));
        assertFalse(TencentStreamMixer.isTencentCdn("rtmp://myqcloud.com.example/live/stream"));
    }

    @Test
    void tencentsFactoryOffersMixingWithTheApiKeysAndItsCallbacksWithTheVerifiedEndpoint() {
        List<StreamMixer> mixers = TencentPorts.create(tencent.settings(tencent.settings.secretKey())).stream()
                .filter(StreamMixer.class::isInstance).map(StreamMixer.class::cast).toList();
        assertEquals(1, mixers.size());
        String taskId = mixers.get(0).start(request(CohostLayout.SIDE_BY_SIDE, ANCHOR));
        assertEquals(taskId, onlyTask().taskId(), "the factory's mixer reaches the configured endpoint");

        assertEquals(1, TencentPorts.create(tencent.settings).stream().filter(MixCallbacks.class::isInstance).count());
        assertTrue(TencentPorts.create(tencent.settings.withCallbackKey("")).stream().noneMatch(MixCallbacks.class::isInstance),
                "without the key the endpoint refuses every delivery: nothing to read");
    }

    // ---- helpers ----

    static TencentStreamMixer mixerWith(TencentSettings settings) {
        return new TencentStreamMixer(settings, TrtcClients.create(settings), new TencentTokenIssuer(settings));
    }

    static MixRequest request(CohostLayout layout, String... members) {
        return new MixRequest(new ChannelRef(ROOM, "stream-12", ANCHOR), TASK_NAME, layout, layout.arrange(List.of(members)),
                Optional.of(PUSH_URL));
    }

    private static void assertFailure(VendorException failure, Kind kind, String code, String operation) {
        assertEquals(kind, failure.kind(), failure.getMessage());
        assertEquals(code, failure.vendorCode());
        assertEquals(operation, failure.operation());
        assertTrue(failure.kind().countsAgainstHealth());
    }

    private TrtcMixTask onlyTask() {
        List<TrtcMixTask> tasks = tencent.emulator.mixTasks();
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
        return new ArrayList<>(tencent.emulator.requests().stream().map(RecordedRequest::action).toList());
    }

    private static JsonNode json(RecordedRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
