package io.rtcgate.emulator.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentyun.TLSSigAPIv2;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.WebhookSender;
import io.rtcgate.emulator.tencent.TrtcStreamIngest.State;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulated stream ingest API over real HTTP: StartStreamIngest's checks, the media clock (seek, pauses, repeats,
 * tempo, a file's declared length, live sources), the robot in the room, tasks that end by themselves, and the
 * group-7 callbacks of every start and end (trtc.io/document/62717).
 */
class StreamIngestApiTest extends TrtcApiTestBase {

    private static final String ROOM = "room-7-1";
    private static final String ROBOT = "ingest_7";
    private static final String FILE = "https://media.example/class.mp4?duration=120";
    private static final String CALLBACK_KEY = "callbackKey123";

    /** Answered as Tencent expects of the gateway. */
    private final WebhookReceiver receiver = new WebhookReceiver("{\"code\":0}");

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }


    @Test
    void aStartedTaskIsInProgressWithItsRobotPublishingInTheRoom() {
        JsonNode started = call(TrtcStreamIngestActions.START, startBody());
        assertNull(errorCode(started), started.toString());
        assertEquals(Set.of("TaskId", "RequestId"), names(started));
        String taskId = started.get("TaskId").textValue();

        JsonNode described = describe(taskId);
        assertEquals("InProgress", described.get("Status").textValue());
        assertEquals(Set.of("Status", "RequestId"), names(described));
        assertEquals(Set.of(ROBOT), emulator.usersIn(ROOM), "the robot entered the room, which did not exist before");
        TrtcStreamIngest task = onlyTask();
        assertEquals(new TrtcStreamIngest(taskId, ROOM, ROBOT, FILE, State.RUNNING, Duration.ZERO, 100), task);
    }

    @Test
    void thePositionIsTheSeekPlusThePlayingTimeAndStandsStillWhilePaused() {
        String taskId = start(startBody().put("SeekSecond", 30));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(90), onlyTask().position());

        assertEquals("InProgress", update(taskId, Map.of("IsPause", true)).get("Status").textValue());
        clock.advance(Duration.ofHours(1));
        assertEquals(State.PAUSED, onlyTask().state());
        assertEquals(Duration.ofSeconds(90), onlyTask().position(), "a pause does not move the position");
        assertEquals("InProgress", describe(taskId).get("Status").textValue(), "TRTC has no status for a paused task");
        assertTrue(emulator.usersIn(ROOM).contains(ROBOT), "a paused robot stays in the room");

        update(taskId, Map.of("IsPause", false));
        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertEquals(State.RUNNING, onlyTask().state());
        assertEquals(Duration.ofSeconds(120).minusMillis(1), onlyTask().position());
        clock.advance(Duration.ofMillis(1));

        assertEquals(State.ENDED, onlyTask().state(), "the file played to its end");
        assertEquals(Duration.ofSeconds(120), onlyTask().position());
        assertEquals("NotExist", describe(taskId).get("Status").textValue());
        assertEquals("NotExist", update(taskId, Map.of("Volume", 50)).get("Status").textValue());
        assertEquals("FailedOperation.TaskFinished", errorCode(stopTask(taskId)));
        assertFalse(emulator.usersIn(ROOM).contains(ROBOT), "the robot left with its task");
    }

    @Test
    void aFilePlaysAgainWhileRepeatNumAllows() {
        start(startBody().put("StreamUrl", "https://media.example/a.mp4?duration=10").put("RepeatNum", 3));

        clock.advance(Duration.ofSeconds(25));
        assertEquals(State.RUNNING, onlyTask().state(), "in its third play");
        assertEquals(Duration.ofSeconds(5), onlyTask().position());
        clock.advance(Duration.ofSeconds(5));

        assertEquals(State.ENDED, onlyTask().state());
    }

    @Test
    void theTempoSpeedsThePlayUp() {
        start(startBody().put("Tempo", 2.0));

        clock.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(118), onlyTask().position());
        clock.advance(Duration.ofSeconds(1));

        assertEquals(State.ENDED, onlyTask().state(), "120 s of file in 60 s");
    }

    @Test
    void aTempoChangedOnTheWayKeepsThePositionReached() {
        String taskId = start(startBody());
        clock.advance(Duration.ofSeconds(20));
        update(taskId, Map.of("Tempo", 0.5));
        clock.advance(Duration.ofSeconds(20));

        assertEquals(Duration.ofSeconds(30), onlyTask().position());
    }

    @Test
    void aFileWithoutADeclaredLengthIsAnHourLong() {
        start(startBody().put("StreamUrl", "https://media.example/class.mp4"));

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertEquals(State.RUNNING, onlyTask().state());
        clock.advance(Duration.ofMillis(1));

        assertEquals(State.ENDED, onlyTask().state());
    }

    @Test
    void aLiveStreamNeverEndsByItself() {
        String taskId = start(startBody().put("StreamUrl", "rtmp://live.example/app/stream?duration=10"));

        clock.advance(Duration.ofDays(30));

        assertEquals(State.RUNNING, onlyTask().state());
        assertEquals(Duration.ofDays(30), onlyTask().position(), "how long it relayed");
        assertEquals("InProgress", describe(taskId).get("Status").textValue());
    }

    @Test
    void aLoopingFilePlaysUntilItsMaxDuration() {
        start(startBody().put("StreamUrl", "https://media.example/a.mp4?duration=7").put("RepeatNum", -1).put("MaxDuration", 1));

        clock.advance(Duration.ofMinutes(1).minusMillis(1));
        assertEquals(State.RUNNING, onlyTask().state());
        assertEquals(Duration.ofMillis(59_999 % 7_000), onlyTask().position());
        clock.advance(Duration.ofMillis(1));

        assertEquals(State.ENDED, onlyTask().state());
    }

    @Test
    void aLoopingFileWithoutMaxDurationPlaysOn() {
        start(startBody().put("StreamUrl", "https://media.example/a.mp4?duration=7").put("RepeatNum", -1));

        clock.advance(Duration.ofDays(8));

        assertEquals(State.RUNNING, onlyTask().state());
    }

    @Test
    void aTaskPausedForTwelveHoursIsDestroyed() {
        String taskId = start(startBody());
        update(taskId, Map.of("IsPause", true));

        clock.advance(TrtcStreamIngests.PAUSE_LIMIT.minusMillis(1));
        assertEquals(State.PAUSED, onlyTask().state());
        clock.advance(Duration.ofMillis(1));

        assertEquals(State.ENDED, onlyTask().state());
        assertEquals("NotExist", describe(taskId).get("Status").textValue());
        assertFalse(emulator.usersIn(ROOM).contains(ROBOT));
    }

    @Test
    void aNewStreamUrlPlaysFromItsStartAndTheVolumeIsKept() {
        String taskId = start(startBody().put("SeekSecond", 100));
        clock.advance(Duration.ofSeconds(10));

        JsonNode updated = update(taskId, Map.of("StreamUrl", "https://media.example/b.mp4?duration=30", "Volume", 40));

        assertEquals(Set.of("Status", "RequestId"), names(updated));
        TrtcStreamIngest task = onlyTask();
        assertEquals("https://media.example/b.mp4?duration=30", task.streamUrl());
        assertEquals(Duration.ZERO, task.position());
        assertEquals(40, task.volume());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(State.ENDED, onlyTask().state(), "the new file's length counts");
    }

    @Test
    void aSeekPastTheEndOfAFileThatPlaysOnceEndsItAtOnce() {
        String taskId = start(startBody().put("SeekSecond", 120));

        assertEquals(State.ENDED, onlyTask().state());
        assertEquals("NotExist", describe(taskId).get("Status").textValue());
    }

    @Test
    void stopEndsTheTaskAndASecondStopIsTaskFinished() {
        String taskId = start(startBody());
        clock.advance(Duration.ofSeconds(42));

        JsonNode stopped = stopTask(taskId);

        assertEquals(Set.of("RequestId"), names(stopped));
        assertEquals(State.ENDED, onlyTask().state());
        assertEquals(Duration.ofSeconds(42), onlyTask().position());
        assertFalse(emulator.usersIn(ROOM).contains(ROBOT));
        assertEquals("FailedOperation.TaskFinished", errorCode(stopTask(taskId)));
        assertEquals("FailedOperation.TaskFinished", errorCode(stopTask("no-such-task")));
        assertEquals("NotExist", describe("no-such-task").get("Status").textValue());
        assertEquals("NotExist", update("no-such-task", Map.of("IsPause", true)).get("Status").textValue());
    }

    @Test
    void aSecondTaskOfTheSameRobotInTheRoomIsRefusedWhileTheFirstRuns() {
        String first = start(startBody());

        assertEquals("FailedOperation.TaskExist", errorCode(call(TrtcStreamIngestActions.START, startBody())));
        start(startBody().put("UserId", "ingest_8").put("UserSig", userSig("ingest_8")));
        start(startBody().put("RoomId", "room-8-1"));
        stopTask(first);
        start(startBody());

        assertEquals(4, emulator.streamIngests().size());
    }

    @Test
    void dismissingTheRoomOrRemovingTheRobotEndsTheTask() {
        start(startBody());
        assertNull(errorCode(call(TrtcRoomActions.DISMISS_ROOM, parameters(Map.of("RoomId", ROOM)))));
        assertEquals(State.ENDED, emulator.streamIngests().get(0).state());

        start(startBody());
        assertNull(errorCode(call(TrtcRoomActions.REMOVE_USER, parameters(Map.of("RoomId", ROOM, "UserIds", List.of(ROBOT))))));
        assertEquals(State.ENDED, emulator.streamIngests().get(1).state());
    }

    @Test
    void aNumericRoomNeedsRoomIdTypeOne() {
        start(startBody().put("RoomId", "1234").put("RoomIdType", 1));

        assertEquals(Set.of(ROBOT), emulator.usersIn("1234"));
    }

    @Test
    void faultsApplyToIngestCallsToo() {
        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        assertEquals("RequestLimitExceeded", errorCode(call(TrtcStreamIngestActions.START, startBody())));
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        assertEquals("InternalError", errorCode(call(TrtcStreamIngestActions.START, startBody())));

        assertEquals(List.of(), emulator.streamIngests());
    }

    @Test
    void aTaskCallsBackItsStartAndItsStopSignedAndLaidOutAsTencentDoes() {
        emulator.deliverCallbacksTo(receiver.url("/trtc/callbacks"), CALLBACK_KEY);
        Instant startedAt = clock.instant();
        String taskId = start(startBody());
        clock.advance(Duration.ofSeconds(5));
        assertNull(errorCode(stopTask(taskId)));

        Delivery started = receiver.next();
        assertEquals(Long.toString(sdkAppId), started.header("SdkAppId"));
        assertEquals(TrtcCallbacks.sign(CALLBACK_KEY, started.body()), started.header("Sign"));
        assertEquals("application/json", started.header("Content-Type"));
        assertEquals("{\n\t\"EventGroupId\":\t7,\n\t\"EventType\":\t701,\n\t\"CallbackMsTs\":\t" + startedAt.toEpochMilli()
                + ",\n\t\"EventInfo\":\t{\n\t\t\"EventMsTs\":\t" + startedAt.toEpochMilli() + ",\n\t\t\"TaskId\":\t\"" + taskId
                + "\",\n\t\t\"Status\":\t0\n\t}\n}", started.body(), "the documented 701 body, start success");
        JsonNode stopped = EmulatorJson.readObject(receiver.next().body());
        assertEquals(702, stopped.get("EventType").intValue());
        assertEquals(Set.of("EventMsTs", "TaskId", "Status"), names(stopped.get("EventInfo")));
        assertEquals(taskId, stopped.get("EventInfo").get("TaskId").textValue());
        assertEquals(0, stopped.get("EventInfo").get("Status").intValue(), "STATUS_STOP_SUCCESS");
        assertEquals(startedAt.plusSeconds(5).toEpochMilli(), stopped.get("EventInfo").get("EventMsTs").longValue());
    }

    @Test
    void aFileThatPlaysToItsEndWithItsRepeatsCallsBackItsStopAtTheEnd() {
        emulator.deliverCallbacksTo(receiver.url("/trtc/callbacks"), CALLBACK_KEY);
        Instant startedAt = clock.instant();
        String taskId = start(startBody().put("RepeatNum", 2));
        assertEquals(701, EmulatorJson.readObject(receiver.next().body()).get("EventType").intValue());

        clock.advance(Duration.ofSeconds(250));
        assertEquals(State.ENDED, onlyTask().state());

        JsonNode stopped = EmulatorJson.readObject(receiver.next().body());
        assertEquals(702, stopped.get("EventType").intValue());
        assertEquals(taskId, stopped.get("EventInfo").get("TaskId").textValue());
        assertEquals(startedAt.plusSeconds(240).toEpochMilli(), stopped.get("EventInfo").get("EventMsTs").longValue(),
                "the event is when the second play ended, not when the emulator noticed");
        assertEquals(clock.instant().toEpochMilli(), stopped.get("CallbackMsTs").longValue());
    }

    @Test
    void aTaskWhoseRoomIsDismissedOrWhoseRobotIsRemovedCallsBackItsStop() {
        emulator.deliverCallbacksTo(receiver.url("/trtc/callbacks"), CALLBACK_KEY);
        String dismissed = start(startBody());
        assertNull(errorCode(call(TrtcRoomActions.DISMISS_ROOM, parameters(Map.of("RoomId", ROOM)))));
        String removed = start(startBody());
        assertNull(errorCode(call(TrtcRoomActions.REMOVE_USER, parameters(Map.of("RoomId", ROOM, "UserIds", List.of(ROBOT))))));

        List<String> events = receiver.next(4).stream().map(delivery -> EmulatorJson.readObject(delivery.body()))
                .map(body -> body.get("EventType").intValue() + " " + body.get("EventInfo").get("TaskId").textValue()).toList();
        assertEquals(List.of("701 " + dismissed, "702 " + dismissed, "701 " + removed, "702 " + removed), events);
    }

    @Test
    void ingestCallbacksAreLostWhileTheSenderDropsThem() {
        emulator.deliverCallbacksTo(receiver.url("/trtc/callbacks"), CALLBACK_KEY);
        emulator.callbackSender().dropDeliveries(true);
        start(startBody());

        List<WebhookSender.Attempt> attempts = awaitAttempts(1);
        assertEquals(-1, attempts.get(0).status(), "dropped on the way");
        assertTrue(attempts.get(0).body().contains("\"EventType\":\t701"), attempts.get(0).body());
        assertEquals(List.of(), receiver.received());
    }

    static Stream<Arguments> refusedStarts() {
        return Stream.of(
                refused("no SdkAppId", body -> body.remove("SdkAppId"), "MissingParameter.SdkAppId"),
                refused("another SdkAppId", body -> body.put("SdkAppId", 1400000001L), "InvalidParameter.SdkAppId"),
                refused("no RoomId", body -> body.remove("RoomId"), "MissingParameter.RoomId"),
                refused("a string room without RoomIdType (1 by default)", body -> body.remove("RoomIdType"), "InvalidParameter.RoomId"),
                refused("RoomIdType 1 with a string room", body -> body.put("RoomIdType", 1), "InvalidParameter.RoomId"),
                refused("RoomIdType 2", body -> body.put("RoomIdType", 2), "InvalidParameter.BodyParamsError"),
                refused("a string RoomId of 65 characters", body -> body.put("RoomId", "r".repeat(65)), "InvalidParameter.StrRoomId"),
                refused("a numeric RoomId too large", body -> body.put("RoomId", "4294967295").put("RoomIdType", 1),
                        "InvalidParameter.RoomId"),
                refused("no UserId", body -> body.remove("UserId"), "MissingParameter.UserId"),
                refused("a UserId with a space", body -> body.put("UserId", "robot 1"), "InvalidParameter.UserId"),
                refused("no UserSig", body -> body.remove("UserSig"), "MissingParameter.UserSig"),
                refused("a UserSig that is no UserSig", body -> body.put("UserSig", "eJyrVgrxCdZRslIqSi0uLcpLzFGyUrJQ0lEqLU4tykvMTQUAdKUI4Q__"),
                        "InvalidParameter.UserSig"),
                refused("no StreamUrl", body -> body.remove("StreamUrl"), "InvalidParameter.StreamUrl"),
                refused("an ftp StreamUrl", body -> body.put("StreamUrl", "ftp://media.example/a.mp4"), "InvalidParameter.StreamUrl"),
                refused("a StreamUrl without a host", body -> body.put("StreamUrl", "https:///a.mp4"), "InvalidParameter.StreamUrl"),
                refused("a StreamUrl that is no URL", body -> body.put("StreamUrl", "https://media example/a b.mp4"),
                        "InvalidParameter.StreamUrl"),
                refused("a duration that is not whole seconds", body -> body.put("StreamUrl", "https://media.example/a.mp4?duration=1.5"),
                        "InvalidParameter.StreamUrl"),
                refused("RepeatNum 0", body -> body.put("RepeatNum", 0), "InvalidParameter.BodyParamsError"),
                refused("RepeatNum -2", body -> body.put("RepeatNum", -2), "InvalidParameter.BodyParamsError"),
                refused("RepeatNum 1001", body -> body.put("RepeatNum", 1001), "InvalidParameter.BodyParamsError"),
                refused("RepeatNum as text", body -> body.put("RepeatNum", "1"), "InvalidParameter.BodyParamsError"),
                refused("MaxDuration without RepeatNum -1", body -> body.put("MaxDuration", 10), "InvalidParameter.BodyParamsError"),
                refused("MaxDuration 0", body -> body.put("RepeatNum", -1).put("MaxDuration", 0), "InvalidParameter.BodyParamsError"),
                refused("MaxDuration over a week", body -> body.put("RepeatNum", -1).put("MaxDuration", 10_081),
                        "InvalidParameter.BodyParamsError"),
                refused("Volume 101", body -> body.put("Volume", 101), "InvalidParameter.BodyParamsError"),
                refused("Volume -1", body -> body.put("Volume", -1), "InvalidParameter.BodyParamsError"),
                refused("Tempo 3", body -> body.put("Tempo", 3.0), "InvalidParameter.BodyParamsError"),
                refused("Tempo 0.6", body -> body.put("Tempo", 0.6), "InvalidParameter.BodyParamsError"),
                refused("Tempo as text", body -> body.put("Tempo", "1.0"), "InvalidParameter.BodyParamsError"),
                refused("a negative SeekSecond", body -> body.put("SeekSecond", -1), "InvalidParameter.BodyParamsError"),
                refused("EnableProgress as a number", body -> body.put("EnableProgress", 0), "InvalidParameter.BodyParamsError"),
                refused("IdleTimeout 601", body -> body.put("IdleTimeout", 601), "InvalidParameter.BodyParamsError"),
                refused("an unknown parameter", body -> body.put("Mode", "vod"), "UnknownParameter"));
    }

    private static Arguments refused(String name, Consumer<ObjectNode> change, String code) {
        return Arguments.of(name, change, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedStarts")
    void startValidatesItsParameters(String name, Consumer<ObjectNode> change, String code) {
        ObjectNode body = startBody();
        change.accept(body);

        assertEquals(code, errorCode(call(TrtcStreamIngestActions.START, body)));
        assertEquals(List.of(), emulator.streamIngests(), "a refused start creates nothing");
        assertFalse(emulator.roomExists(ROOM), "no robot entered");
    }

    @Test
    void everyDocumentedParameterIsAccepted() {
        ObjectNode body = startBody().put("SeekSecond", 5).put("RepeatNum", -1).put("MaxDuration", 60).put("Volume", 0)
                .put("EnableProgress", true).put("AutoPush", false).put("Tempo", 1.25).put("IdleTimeout", 600);

        start(body);

        assertEquals(0, onlyTask().volume());
    }

    @Test
    void theRobotsUserSigMustBeItsOwnValidOne() {
        var credentials = emulator.credentials();
        String anotherUsers = userSig("alice");
        String anotherKeys = new TLSSigAPIv2(credentials.sdkAppId(), "another-key").genUserSig(ROBOT, 86_400);
        String expired = new TLSSigAPIv2(credentials.sdkAppId(), credentials.userSigKey()).genUserSig(ROBOT, 60);

        assertEquals("InvalidParameter.UserSig", errorCode(call(TrtcStreamIngestActions.START, startBody().put("UserSig", anotherUsers))));
        assertEquals("InvalidParameter.UserSig", errorCode(call(TrtcStreamIngestActions.START, startBody().put("UserSig", anotherKeys))));
        clock.advance(Duration.ofMinutes(2));
        JsonNode error = call(TrtcStreamIngestActions.START, startBody().put("UserSig", expired)).get("Error");
        assertEquals("InvalidParameter.UserSig", error.get("Code").textValue());
        assertTrue(error.get("Message").textValue().contains("expired"), error.toString());
        assertEquals(List.of(), emulator.streamIngests());
    }

    static Stream<Arguments> refusedUpdates() {
        return Stream.of(
                Arguments.of(Map.of("Volume", 101), "InvalidParameter.BodyParamsError"),
                Arguments.of(Map.of("Tempo", 2.5), "InvalidParameter.BodyParamsError"),
                Arguments.of(Map.of("IsPause", "true"), "InvalidParameter.BodyParamsError"),
                Arguments.of(Map.of("StreamUrl", "file:///etc/passwd"), "InvalidParameter.StreamUrl"),
                Arguments.of(Map.of("RepeatNum", 2), "UnknownParameter"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusedUpdates")
    void updateValidatesItsParametersAndChangesNothingWhenRefused(Map<String, Object> fields, String code) {
        String taskId = start(startBody());

        assertEquals(code, errorCode(update(taskId, fields)));
        assertEquals(new TrtcStreamIngest(taskId, ROOM, ROBOT, FILE, State.RUNNING, Duration.ZERO, 100), onlyTask());
    }

    @Test
    void theTaskCallsNeedTheirTaskIdAndThisApplication() {
        for (String action : List.of(TrtcStreamIngestActions.DESCRIBE, TrtcStreamIngestActions.UPDATE, TrtcStreamIngestActions.STOP)) {
            assertEquals("MissingParameter.TaskId", errorCode(call(action, parameters(Map.of()))), action);
            assertEquals("InvalidParameter.SdkAppId", errorCode(call(action,
                    EmulatorJson.mapper().createObjectNode().put("SdkAppId", 1).put("TaskId", "t"))), action);
            assertEquals("MissingParameter.SdkAppId", errorCode(call(action, EmulatorJson.mapper().createObjectNode().put("TaskId", "t"))),
                    action);
        }
        assertEquals("UnknownParameter", errorCode(call(TrtcStreamIngestActions.STOP, parameters(Map.of("TaskId", "t", "Force", 1)))));
    }

    @Test
    void aCloudRecordingInTheRoomRecordsTheIngestRobotAsAPublisher() {
        start(startBody());
        ObjectNode create = EmulatorJson.mapper().createObjectNode().put("SdkAppId", sdkAppId).put("RoomId", ROOM).put("RoomIdType", 0)
                .put("UserId", "3000000007").put("UserSig", userSig("3000000007"));
        create.putObject("RecordParams").put("RecordMode", 2);
        TrtcRecordingStorage storage = emulator.recordingStorage();
        create.putObject("StorageParams").putObject("CloudStorage").put("Vendor", storage.vendor()).put("Region", storage.region())
                .put("Bucket", storage.bucket()).put("AccessKey", storage.accessKey()).put("SecretKey", storage.secretKey());
        String recording = call(TrtcRecordingActions.CREATE, create).get("TaskId").textValue();

        assertEquals("InProgress", call(TrtcRecordingActions.DESCRIBE, parameters(Map.of("TaskId", recording))).get("Status").textValue());
    }

    // ---- helpers ----

    private ObjectNode startBody() {
        return EmulatorJson.mapper().createObjectNode()
                .put("SdkAppId", sdkAppId)
                .put("RoomId", ROOM)
                .put("RoomIdType", 0)
                .put("UserId", ROBOT)
                .put("UserSig", userSig(ROBOT))
                .put("StreamUrl", FILE);
    }

    private String start(ObjectNode body) {
        JsonNode response = call(TrtcStreamIngestActions.START, body);
        assertNull(errorCode(response), response.toString());
        return response.get("TaskId").textValue();
    }

    private JsonNode describe(String taskId) {
        return call(TrtcStreamIngestActions.DESCRIBE, parameters(Map.of("TaskId", taskId)));
    }

    private JsonNode update(String taskId, Map<String, ?> fields) {
        ObjectNode body = parameters(fields);
        body.put("TaskId", taskId);
        return call(TrtcStreamIngestActions.UPDATE, body);
    }

    private JsonNode stopTask(String taskId) {
        return call(TrtcStreamIngestActions.STOP, parameters(Map.of("TaskId", taskId)));
    }

    private List<WebhookSender.Attempt> awaitAttempts(int count) {
        Instant deadline = Instant.now().plus(WebhookReceiver.PATIENCE);
        List<WebhookSender.Attempt> attempts = emulator.callbackSender().attempts();
        while (attempts.size() < count && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            attempts = emulator.callbackSender().attempts();
        }
        assertEquals(count, attempts.size(), attempts.toString());
        return attempts;
    }

    private TrtcStreamIngest onlyTask() {
        List<TrtcStreamIngest> tasks = emulator.streamIngests();
        assertEquals(1, tasks.size(), tasks.toString());
        return tasks.get(0);
    }
}
