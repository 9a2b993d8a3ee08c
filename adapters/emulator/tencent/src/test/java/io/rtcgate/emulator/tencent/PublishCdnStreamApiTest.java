package io.rtcgate.emulator.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.tencent.TrtcMixTask.CdnTarget;
import io.rtcgate.emulator.tencent.TrtcMixTask.Pane;
import io.rtcgate.emulator.tencent.TrtcMixTask.State;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulated mix and relay to CDN API over real HTTP: StartPublishCdnStream's checks (the reversed RoomIdType, the
 * robot's UserSig, the canvas and its panes, the CDN URLs), updates ordered by SequenceNumber, stops, a second task
 * of one robot, MaxIdleTime once the anchors have gone, the 401 callbacks, and the room and media events the test
 * hooks call back (103, 201, 202, 104).
 */
class PublishCdnStreamApiTest extends TrtcApiTestBase {

    private static final String ROOM = "room-12-1";
    private static final String ROBOT = "rtcgate_mix_0123456789abcdef0123";
    private static final String ANCHOR = "anchor_1";
    private static final String GUEST = "guest_2";
    private static final String PUSH_URL = "rtmp://push.example/live/room-12-1?auth_key=1-0-0-abc";
    private static final String CALLBACK_KEY = "callbackKey123";

    private final WebhookReceiver receiver = new WebhookReceiver("{\"code\":0}");

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aStartedTaskKeepsItsCanvasPanesAndCdnTarget() {
        JsonNode started = call(TrtcPublishCdnActions.START, startBody());

        assertNull(errorCode(started), started.toString());
        assertEquals(Set.of("TaskId", "RequestId"), names(started));
        TrtcMixTask task = onlyTask();
        assertEquals(started.get("TaskId").textValue(), task.taskId());
        assertEquals(ROOM, task.roomId());
        assertTrue(task.stringRoom(), "RoomIdType 1 is a string room here");
        assertEquals(ROBOT, task.robotUserId());
        assertEquals(30, task.maxIdleSeconds(), "TRTC's default MaxIdleTime");
        assertTrue(task.withTranscoding());
        assertEquals(540, task.canvasWidth());
        assertEquals(960, task.canvasHeight());
        assertEquals(List.of(new Pane(ANCHOR, ROOM, 0, 0, 540, 960, 0, 0), new Pane(GUEST, ROOM, 389, 691, 135, 240, 1, 0)), task.panes());
        assertEquals(List.of(new CdnTarget(PUSH_URL, false)), task.cdnTargets());
        assertEquals(0, task.sequenceNumber());
        assertEquals(State.RUNNING, task.state());
        assertEquals(Set.of(), emulator.usersIn(ROOM), "the robot pulls streams and publishes none");
    }

    @Test
    void aTaskStartedBeforeItsAnchorsCameWaitsForThemAndEndsMaxIdleTimeAfterTheyLeft() {
        start(startBody());
        clock.advance(Duration.ofHours(2));
        assertEquals(State.RUNNING, onlyTask().state(), "TRTC lets a task start before its anchors enter");

        emulator.enterRoomAsAnchor(ROOM, ANCHOR, userSig(ANCHOR));
        emulator.exitRoom(ROOM, ANCHOR);
        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertEquals(State.RUNNING, onlyTask().state());
        clock.advance(Duration.ofMillis(1));

        assertEquals(State.ENDED, onlyTask().state(), "no mixed anchor for MaxIdleTime");
    }

    @Test
    void anAnchorBackWithinMaxIdleTimeKeepsTheTask() {
        start(startBody());
        emulator.enterRoomAsAnchor(ROOM, ANCHOR, userSig(ANCHOR));
        emulator.exitRoom(ROOM, ANCHOR);
        clock.advance(Duration.ofSeconds(20));
        emulator.enterRoomAsAnchor(ROOM, ANCHOR, userSig(ANCHOR));
        clock.advance(Duration.ofMinutes(5));

        assertEquals(State.RUNNING, onlyTask().state());
    }

    @Test
    void anUpdateChangesTheLayoutInSequenceOrderOnly() {
        String taskId = start(startBody());
        ObjectNode update = parameters(Map.of("TaskId", taskId, "SequenceNumber", 5, "WithTranscoding", 1));
        update.set("VideoParams", videoParams(List.of(pane(ANCHOR, 0, 0, 270, 960, 0), pane(GUEST, 270, 0, 270, 960, 0))));

        JsonNode updated = call(TrtcPublishCdnActions.UPDATE, update);

        assertNull(errorCode(updated), updated.toString());
        assertEquals(taskId, updated.get("TaskId").textValue());
        assertEquals(List.of(new Pane(ANCHOR, ROOM, 0, 0, 270, 960, 0, 0), new Pane(GUEST, ROOM, 270, 0, 270, 960, 0, 0)),
                onlyTask().panes());
        assertEquals(5, onlyTask().sequenceNumber());
        update.put("SequenceNumber", 5);
        assertEquals("FailedOperation.OutdateRequest", errorCode(call(TrtcPublishCdnActions.UPDATE, update)));
        update.put("SequenceNumber", 4);
        assertEquals("FailedOperation.OutdateRequest", errorCode(call(TrtcPublishCdnActions.UPDATE, update)));
        update.remove("SequenceNumber");
        assertEquals("MissingParameter", errorCode(call(TrtcPublishCdnActions.UPDATE, update)));
        assertEquals(5, onlyTask().sequenceNumber());
    }

    @Test
    void anUpdateMayNotChangeTheAudioEncoding() {
        String taskId = start(startBody());
        ObjectNode update = parameters(Map.of("TaskId", taskId, "SequenceNumber", 1));
        update.set("AudioParams", audioParams(44_100));

        assertEquals("InvalidParameter", errorCode(call(TrtcPublishCdnActions.UPDATE, update)));
        update.set("AudioParams", audioParams(48_000));
        assertNull(errorCode(call(TrtcPublishCdnActions.UPDATE, update)), "the same encoding is no change");
    }

    @Test
    void aStopEndsTheTaskAndATaskTrtcDoesNotHaveIsResourceNotFound() {
        String taskId = start(startBody());

        JsonNode stopped = call(TrtcPublishCdnActions.STOP, parameters(Map.of("TaskId", taskId)));

        assertEquals(Set.of("TaskId", "RequestId"), names(stopped));
        assertEquals(State.ENDED, onlyTask().state());
        assertEquals("ResourceNotFound", errorCode(call(TrtcPublishCdnActions.STOP, parameters(Map.of("TaskId", taskId)))));
        assertEquals("ResourceNotFound", errorCode(call(TrtcPublishCdnActions.STOP, parameters(Map.of("TaskId", "no-such-task")))));
        assertEquals("ResourceNotFound", errorCode(call(TrtcPublishCdnActions.UPDATE,
                parameters(Map.of("TaskId", taskId, "SequenceNumber", 1)))));
        assertEquals("MissingParameter", errorCode(call(TrtcPublishCdnActions.STOP, parameters(Map.of()))));
    }

    @Test
    void aSecondTaskOfTheSameRobotIsRefusedWhileTheFirstRuns() {
        String first = start(startBody());

        assertEquals("FailedOperation.TaskExist", errorCode(call(TrtcPublishCdnActions.START, startBody())));
        assertEquals(1, emulator.mixTasks().size());
        call(TrtcPublishCdnActions.STOP, parameters(Map.of("TaskId", first)));
        start(startBody());
        assertEquals(2, emulator.mixTasks().size());
    }

    @Test
    void faultsApplyToMixCallsToo() {
        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        assertEquals("RequestLimitExceeded", errorCode(call(TrtcPublishCdnActions.START, startBody())));
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        assertEquals("InternalError", errorCode(call(TrtcPublishCdnActions.START, startBody())));

        assertEquals(List.of(), emulator.mixTasks());
    }

    @Test
    void aTaskCallsBackItsPushToTheCdnAndItsEnd() {
        emulator.deliverCallbacksTo(receiver.url("/callbacks/tencent"), CALLBACK_KEY);
        Instant startedAt = clock.instant();
        String taskId = start(startBody());
        clock.advance(Duration.ofSeconds(3));
        call(TrtcPublishCdnActions.STOP, parameters(Map.of("TaskId", taskId)));

        Delivery pushing = receiver.next();
        assertEquals(TrtcCallbacks.sign(CALLBACK_KEY, pushing.body()), pushing.header("Sign"));
        assertEquals(Long.toString(sdkAppId), pushing.header("SdkAppId"));
        assertEquals("{\n\t\"EventGroupId\":\t4,\n\t\"EventType\":\t401,\n\t\"CallbackTs\":\t" + startedAt.toEpochMilli()
                + ",\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t\"" + ROOM + "\",\n\t\t\"RoomType\":\t1,\n\t\t\"EventMsTs\":\t"
                + startedAt.toEpochMilli() + ",\n\t\t\"UserId\":\t\"" + ROBOT + "\",\n\t\t\"TaskId\":\t\"" + taskId
                + "\",\n\t\t\"Payload\":\t{\n\t\t\t\"Url\":\t\"" + PUSH_URL + "\",\n\t\t\t\"Status\":\t2\n\t\t}\n\t}\n}", pushing.body());
        JsonNode ended = EmulatorJson.readObject(receiver.next().body());
        assertEquals(0, ended.get("EventInfo").get("Payload").get("Status").intValue());
        assertEquals(startedAt.plusSeconds(3).toEpochMilli(), ended.get("EventInfo").get("EventMsTs").longValue());
    }

    @Test
    void aFailedCdnPushIsCalledBackAndTheTaskRunsOn() {
        emulator.deliverCallbacksTo(receiver.url("/callbacks/tencent"), CALLBACK_KEY);
        String taskId = start(startBody());
        assertEquals(2, EmulatorJson.readObject(receiver.next().body()).get("EventInfo").get("Payload").get("Status").intValue());

        emulator.failCdnPush(taskId);

        JsonNode failed = EmulatorJson.readObject(receiver.next().body());
        assertEquals(401, failed.get("EventType").intValue());
        assertEquals(taskId, failed.get("EventInfo").get("TaskId").textValue());
        assertEquals(4, failed.get("EventInfo").get("Payload").get("Status").intValue());
        assertEquals(State.RUNNING, onlyTask().state());
        call(TrtcPublishCdnActions.STOP, parameters(Map.of("TaskId", taskId)));
        assertThrows(IllegalArgumentException.class, () -> emulator.failCdnPush(taskId), "an ended task has no push to fail");
    }

    @Test
    void theRoomHooksCallBackEnterVideoAndExitAsTrtcDoes() {
        emulator.deliverCallbacksTo(receiver.url("/callbacks/tencent"), CALLBACK_KEY);
        Instant at = clock.instant();

        emulator.enterRoomAsAnchor(ROOM, ANCHOR, userSig(ANCHOR));
        emulator.startVideo(ROOM, ANCHOR);
        emulator.startVideo(ROOM, ANCHOR);
        assertEquals(Set.of(ANCHOR), emulator.videoPublishersIn(ROOM));
        emulator.stopVideo(ROOM, ANCHOR);
        emulator.startVideo(ROOM, ANCHOR);
        emulator.exitRoom(ROOM, ANCHOR);

        List<Delivery> deliveries = receiver.next(5);
        Delivery entered = deliveries.get(0);
        assertEquals(TrtcCallbacks.sign(CALLBACK_KEY, entered.body()), entered.header("Sign"));
        JsonNode enter = EmulatorJson.readObject(entered.body());
        assertEquals("{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t" + at.toEpochMilli()
                + ",\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t\"" + ROOM + "\",\n\t\t\"EventTs\":\t" + at.getEpochSecond()
                + ",\n\t\t\"EventMsTs\":\t" + at.toEpochMilli() + ",\n\t\t\"UserId\":\t\"" + ANCHOR + "\",\n\t\t\"UniqueId\":\t"
                + enter.get("EventInfo").get("UniqueId").longValue() + ",\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}", entered.body());
        List<String> events = deliveries.stream().map(delivery -> EmulatorJson.readObject(delivery.body()))
                .map(body -> body.get("EventGroupId").intValue() + "/" + body.get("EventType").intValue() + " "
                        + body.get("EventInfo").get("UserId").textValue())
                .toList();
        assertEquals(List.of("1/103 " + ANCHOR, "2/201 " + ANCHOR, "2/202 " + ANCHOR, "2/201 " + ANCHOR, "1/104 " + ANCHOR), events,
                "a second start of a running video sends nothing; the exit implies the end of the video");
        assertEquals(Set.of(), emulator.videoPublishersIn(ROOM));
        assertThrows(IllegalArgumentException.class, () -> emulator.startVideo(ROOM, ANCHOR), "only a user in the room publishes");
        assertThrows(IllegalArgumentException.class, () -> emulator.exitRoom(ROOM, ANCHOR));
    }

    static Stream<Arguments> refusedStarts() {
        return Stream.of(
                refused("no SdkAppId", body -> body.remove("SdkAppId"), "MissingParameter"),
                refused("another SdkAppId", body -> body.put("SdkAppId", 1400000001L), "InvalidParameter.SdkAppId"),
                refused("no RoomId", body -> body.remove("RoomId"), "MissingParameter"),
                refused("no RoomIdType", body -> body.remove("RoomIdType"), "MissingParameter"),
                refused("a string room as RoomIdType 0 (numeric here)", body -> body.put("RoomIdType", 0), "InvalidParameter"),
                refused("RoomIdType 2", body -> body.put("RoomIdType", 2), "InvalidParameter"),
                refused("no AgentParams", body -> body.remove("AgentParams"), "MissingParameter"),
                refused("no robot UserId", body -> ((ObjectNode) body.get("AgentParams")).remove("UserId"), "MissingParameter"),
                refused("a robot UserId of 33 characters", body -> ((ObjectNode) body.get("AgentParams")).put("UserId", "r".repeat(33)),
                        "InvalidParameter"),
                refused("a UserSig of another user", body -> ((ObjectNode) body.get("AgentParams")).put("UserSig", "eJyrVgrxCdZRslIqSi0uLcpLzFGyUrJQ0lEqLU4tykvMTQUAdKUI4Q__"),
                        "InvalidParameter.UserSig"),
                refused("MaxIdleTime 4", body -> ((ObjectNode) body.get("AgentParams")).put("MaxIdleTime", 4), "InvalidParameter"),
                refused("no WithTranscoding", body -> body.remove("WithTranscoding"), "MissingParameter"),
                refused("no transcoding and no single stream", body -> body.put("WithTranscoding", 0), "MissingParameter"),
                refused("no AudioParams", body -> body.remove("AudioParams"), "MissingParameter"),
                refused("a sample rate TRTC does not take", body -> body.set("AudioParams", audioParams(22_050)), "InvalidParameter"),
                refused("a canvas wider than 1920", body -> encode(body).put("Width", 1921), "InvalidParameter"),
                refused("a canvas without Gop", body -> encode(body).remove("Gop"), "MissingParameter"),
                refused("a pane off the canvas", body -> layoutList(body).add(pane("guest_3", 500, 0, 41, 100, 1)), "InvalidParameter"),
                refused("a custom layout without panes", body -> layoutList(body).removeAll(), "InvalidParameter"),
                refused("no PublishCdnParams", body -> body.remove("PublishCdnParams"), "MissingParameter"),
                refused("an https CDN URL", body -> ((ObjectNode) body.get("PublishCdnParams").get(0)).put("PublishCdnUrl", "https://cdn.example/a"),
                        "InvalidParameter"),
                refused("an unknown parameter", body -> body.put("Layout", "side_by_side"), "UnknownParameter"));
    }

    private static Arguments refused(String name, Consumer<ObjectNode> change, String code) {
        return Arguments.of(name, change, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedStarts")
    void startValidatesItsParameters(String name, Consumer<ObjectNode> change, String code) {
        ObjectNode body = startBody();
        change.accept(body);

        assertEquals(code, errorCode(call(TrtcPublishCdnActions.START, body)));
        assertEquals(List.of(), emulator.mixTasks(), "a refused start creates nothing");
    }

    @Test
    void aNumericRoomIsRoomIdTypeZero() {
        start(startBody().put("RoomId", "1234").put("RoomIdType", 0));

        assertEquals("1234", onlyTask().roomId());
        assertEquals(false, onlyTask().stringRoom());
    }

    // ---- helpers ----

    private ObjectNode startBody() {
        ObjectNode body = parameters(Map.of("RoomId", ROOM, "RoomIdType", 1, "WithTranscoding", 1));
        body.set("AgentParams", EmulatorJson.mapper().valueToTree(Map.of("UserId", ROBOT, "UserSig", userSig(ROBOT))));
        body.set("AudioParams", audioParams(48_000));
        body.set("VideoParams", videoParams(List.of(pane(ANCHOR, 0, 0, 540, 960, 0), pane(GUEST, 389, 691, 135, 240, 1))));
        ArrayNode cdn = body.putArray("PublishCdnParams");
        cdn.addObject().put("PublishCdnUrl", PUSH_URL).put("IsTencentCdn", 0);
        return body;
    }

    private static ObjectNode audioParams(int sampleRate) {
        ObjectNode audio = EmulatorJson.mapper().createObjectNode();
        audio.putObject("AudioEncode").put("SampleRate", sampleRate).put("Channel", 2).put("BitRate", 64).put("Codec", 0);
        return audio;
    }

    private static ObjectNode videoParams(List<ObjectNode> panes) {
        ObjectNode video = EmulatorJson.mapper().createObjectNode();
        video.putObject("VideoEncode").put("Width", 540).put("Height", 960).put("Fps", 15).put("BitRate", 1200).put("Gop", 2);
        ObjectNode layout = video.putObject("LayoutParams").put("MixLayoutMode", 4);
        layout.putArray("MixLayoutList").addAll(panes);
        video.put("BackGroundColor", "0x000000");
        return video;
    }

    private static ObjectNode pane(String userId, int x, int y, int width, int height, int zOrder) {
        ObjectNode pane = EmulatorJson.mapper().createObjectNode();
        pane.putObject("UserMediaStream").put("StreamType", 0).putObject("UserInfo").put("UserId", userId).put("RoomId", ROOM)
                .put("RoomIdType", 1);
        return pane.put("ImageWidth", width).put("ImageHeight", height).put("LocationX", x).put("LocationY", y).put("ZOrder", zOrder)
                .put("RenderMode", 0);
    }

    private static ObjectNode encode(ObjectNode body) {
        return (ObjectNode) body.get("VideoParams").get("VideoEncode");
    }

    private static ArrayNode layoutList(ObjectNode body) {
        return (ArrayNode) body.get("VideoParams").get("LayoutParams").get("MixLayoutList");
    }

    private String start(ObjectNode body) {
        JsonNode started = call(TrtcPublishCdnActions.START, body);
        assertNull(errorCode(started), started.toString());
        return started.get("TaskId").textValue();
    }

    private TrtcMixTask onlyTask() {
        List<TrtcMixTask> tasks = emulator.mixTasks();
        assertEquals(1, tasks.size(), tasks.toString());
        return tasks.get(0);
    }
}
