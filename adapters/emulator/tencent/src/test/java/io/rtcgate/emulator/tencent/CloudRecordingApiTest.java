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
import io.rtcgate.emulator.tencent.TrtcRecordingTask.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulated cloud recording API over real HTTP: CreateCloudRecording's checks with the codes of its API
 * page, DescribeCloudRecording's states and files as the room changes with the clock, DeleteCloudRecording,
 * and the tasks that end by themselves.
 */
class CloudRecordingApiTest extends TrtcApiTestBase {

    private static final String ROOM = "room-7-1";
    private static final String ROBOT = "3000000007";


    @Test
    void aMixedRecordingListsItsPlaylistOnceSomeonePublishesAndEndsWhenDeleted() {
        String taskId = create(createBody());
        JsonNode waiting = describe(taskId);
        assertEquals("Idle", waiting.get("Status").textValue(), "nobody publishes yet");
        assertEquals(0, waiting.get("StorageFileList").size());
        assertTrue(emulator.usersIn(ROOM).contains(ROBOT), "the robot entered the room");

        Instant aliceEntered = clock.instant();
        enter("alice");
        clock.advance(Duration.ofSeconds(20));
        JsonNode recording = describe(taskId);

        assertEquals(taskId, recording.get("TaskId").textValue());
        assertEquals("InProgress", recording.get("Status").textValue());
        JsonNode file = only(recording.get("StorageFileList"));
        assertEquals("rec/" + taskId + "/" + sdkAppId + "_" + TrtcCloudRecordings.base64(ROOM) + ".m3u8", file.get("FileName").textValue());
        assertEquals("audio_video", file.get("TrackType").textValue());
        assertEquals("", file.get("UserId").textValue(), "a mixed file is nobody's");
        assertEquals(aliceEntered.toEpochMilli(), file.get("BeginTimeStamp").longValue());

        assertEquals(Set.of("TaskId", "RequestId"), names(delete(taskId)));
        assertEquals("Exited", describe(taskId).get("Status").textValue(), "the task is exiting");
        assertFalse(emulator.usersIn(ROOM).contains(ROBOT), "the robot left the room");
        assertEquals(Optional.of(TrtcCloudRecordings.LEFT_ON_STOP), onlyTask().leaveCode());

        clock.advance(TrtcCloudRecordings.EXITING);
        assertEquals("ResourceNotFound", errorCode(describe(taskId)), "a query after the exit fails");
        assertEquals("ResourceNotFound", errorCode(delete(taskId)));
        assertEquals(State.GONE, onlyTask().state());
    }

    @Test
    void aSingleStreamRecordingWritesEachPublishersTracksFromWhenTheyCame() {
        ObjectNode body = createBody();
        record(body).put("RecordMode", 1);
        String taskId = create(body);
        enter("alice");
        clock.advance(Duration.ofSeconds(3));
        Instant bobEntered = clock.instant();
        enter("bob");

        List<JsonNode> files = list(describe(taskId).get("StorageFileList"));

        String bob = sdkAppId + "_" + TrtcCloudRecordings.base64(ROOM) + "_UserId_s_" + TrtcCloudRecordings.base64("bob")
                + "_UserId_e_main_";
        assertEquals(List.of("alice:audio", "alice:video", "bob:audio", "bob:video"),
                files.stream().map(file -> file.get("UserId").textValue() + ":" + file.get("TrackType").textValue()).toList());
        assertEquals("rec/" + taskId + "/" + bob + "video.m3u8", files.get(3).get("FileName").textValue());
        assertEquals(bobEntered.toEpochMilli(), files.get(3).get("BeginTimeStamp").longValue());
    }

    @Test
    void mergedAudioAndVideoIsOneFileAndAnAudioRecordingHasNoVideo() {
        ObjectNode merged = createBody();
        record(merged).put("RecordMode", 1).put("AvMerge", 1);
        String mergedTask = create(merged);
        ObjectNode audio = createBody().put("UserId", "3000000008").put("UserSig", userSig("3000000008"));
        record(audio).put("RecordMode", 1).put("StreamType", 1);
        String audioTask = create(audio);
        enter("alice");

        JsonNode mergedFile = only(describe(mergedTask).get("StorageFileList"));
        assertTrue(mergedFile.get("FileName").textValue().endsWith("_UserId_e_main_audiovideo.m3u8"), mergedFile.toString());
        assertEquals("audio_video", mergedFile.get("TrackType").textValue());
        assertEquals("audio", only(describe(audioTask).get("StorageFileList")).get("TrackType").textValue());
    }

    @Test
    void anMp4OnlyRecordingListsNoPlaylist() {
        ObjectNode body = createBody();
        record(body).put("OutputFormat", 3);
        String taskId = create(body);
        enter("alice");

        assertEquals("InProgress", describe(taskId).get("Status").textValue());
        assertEquals(0, describe(taskId).get("StorageFileList").size());
    }

    @Test
    void aNumericRoomKeepsItsNumberInFileNames() {
        ObjectNode body = createBody().put("RoomId", "1234").put("RoomIdType", 1);
        String taskId = create(body);
        emulator.enterRoom("1234", "alice", userSig("alice"));

        assertEquals("rec/" + taskId + "/" + sdkAppId + "_1234.m3u8",
                only(describe(taskId).get("StorageFileList")).get("FileName").textValue());
    }

    @Test
    void aRoomWithNobodyPublishingForMaxIdleTimeEndsTheTask() {
        String taskId = create(createBody());

        clock.advance(Duration.ofSeconds(29));
        assertEquals("Idle", describe(taskId).get("Status").textValue());
        clock.advance(Duration.ofSeconds(1));

        assertEquals("Exited", describe(taskId).get("Status").textValue());
        assertEquals(Optional.of(TrtcCloudRecordings.IDLE_TIMEOUT), onlyTask().leaveCode());
        assertFalse(emulator.usersIn(ROOM).contains(ROBOT));
    }

    @Test
    void aPublisherKeepsTheTaskGoingAndItsIdleTimeStartsWhenTheyLeave() {
        ObjectNode body = createBody();
        record(body).put("MaxIdleTime", 5);
        String taskId = create(body);
        enter("alice");
        clock.advance(Duration.ofMinutes(2));
        assertEquals("InProgress", describe(taskId).get("Status").textValue());

        assertNull(errorCode(call(TrtcRoomActions.REMOVE_USER, parameters(Map.of("RoomId", ROOM, "UserIds", List.of("alice"))))));
        clock.advance(Duration.ofSeconds(4));
        assertEquals("Idle", describe(taskId).get("Status").textValue());
        clock.advance(Duration.ofSeconds(1));

        assertEquals("Exited", describe(taskId).get("Status").textValue());
    }

    @Test
    void dismissingTheRoomOrRemovingTheRobotEndsTheTask() {
        String dismissed = create(createBody());
        enter("alice");
        assertNull(errorCode(call(TrtcRoomActions.DISMISS_ROOM, parameters(Map.of("RoomId", ROOM)))));

        assertEquals("Exited", describe(dismissed).get("Status").textValue());
        assertEquals(Optional.of(TrtcCloudRecordings.ROOM_DISMISSED), onlyTask().leaveCode());

        enter("alice");
        String removed = create(createBody());
        assertNull(errorCode(call(TrtcRoomActions.REMOVE_USER, parameters(Map.of("RoomId", ROOM, "UserIds", List.of(ROBOT))))));

        assertEquals("Exited", describe(removed).get("Status").textValue());
        assertEquals(Optional.of(TrtcCloudRecordings.ROBOT_REMOVED), emulator.recordingTasks().get(1).leaveCode());
    }

    @Test
    void aSecondTaskForTheSameRobotInTheRoomIsRefusedWhileTheFirstRuns() {
        String first = create(createBody());

        JsonNode refused = call(TrtcRecordingActions.CREATE, createBody()).get("Error");
        assertEquals("FailedOperation", refused.get("Code").textValue());
        assertTrue(refused.get("Message").textValue().contains(ROBOT), refused.toString());
        create(createBody().put("UserId", "3000000008").put("UserSig", userSig("3000000008")));
        create(createBody().put("RoomId", "room-8-1"));

        delete(first);
        create(createBody());
        assertEquals(4, emulator.recordingTasks().size());
    }

    @Test
    void anUnknownTaskIsResourceNotFoundAndATaskIdIsRequired() {
        assertEquals("ResourceNotFound", errorCode(describe("no-such-task")));
        assertEquals("ResourceNotFound", errorCode(delete("no-such-task")));
        assertEquals("MissingParameter.TaskId", errorCode(call(TrtcRecordingActions.DESCRIBE, parameters(Map.of()))));
        assertEquals("MissingParameter.TaskId", errorCode(call(TrtcRecordingActions.DELETE, parameters(Map.of()))));
        assertEquals("InvalidParameter.SdkAppId", errorCode(call(TrtcRecordingActions.DESCRIBE,
                EmulatorJson.mapper().createObjectNode().put("SdkAppId", 1).put("TaskId", "t"))));
        assertEquals("UnknownParameter", errorCode(call(TrtcRecordingActions.DELETE, parameters(Map.of("TaskId", "t", "Force", 1)))));
    }

    @Test
    void faultsApplyToRecordingCallsToo() {
        emulator.faults().failNext(FaultKind.THROTTLE, 1);

        assertEquals("RequestLimitExceeded", errorCode(call(TrtcRecordingActions.CREATE, createBody())));
        assertEquals(List.of(), emulator.recordingTasks());
    }

    static Stream<Arguments> refusedStarts() {
        return Stream.of(
                refused("no SdkAppId", body -> body.remove("SdkAppId"), "MissingParameter.SdkAppId"),
                refused("another SdkAppId", body -> body.put("SdkAppId", 1400000001L), "InvalidParameter.SdkAppId"),
                refused("no RoomId", body -> body.remove("RoomId"), "MissingParameter.RoomId"),
                refused("a numeric RoomId", body -> body.put("RoomId", 1234), "InvalidParameter"),
                refused("a string room without RoomIdType (1 by default)", body -> body.remove("RoomIdType"), "InvalidParameter.OutOfRange"),
                refused("RoomIdType 1 with a string room", body -> body.put("RoomIdType", 1), "InvalidParameter.OutOfRange"),
                refused("RoomIdType 2", body -> body.put("RoomIdType", 2), "InvalidParameter.OutOfRange"),
                refused("a RoomId of 65 characters", body -> body.put("RoomId", "r".repeat(65)), "InvalidParameter.OutOfRange"),
                refused("no UserId", body -> body.remove("UserId"), "MissingParameter.UserId"),
                refused("a UserId with a space", body -> body.put("UserId", "robot 1"), "InvalidParameter.OutOfRange"),
                refused("no UserSig", body -> body.remove("UserSig"), "MissingParameter.UserSig"),
                refused("no RecordParams", body -> body.remove("RecordParams"), "MissingParameter.RecordParams"),
                refused("no RecordMode", body -> record(body).remove("RecordMode"), "MissingParameter.RecordMode"),
                refused("RecordMode 3", body -> record(body).put("RecordMode", 3), "InvalidParameter.OutOfRange"),
                refused("RecordMode as text", body -> record(body).put("RecordMode", "2"), "InvalidParameter.OutOfRange"),
                refused("MaxIdleTime 4", body -> record(body).put("MaxIdleTime", 4), "InvalidParameter.OutOfRange"),
                refused("MaxIdleTime over 24 hours", body -> record(body).put("MaxIdleTime", 86_401), "InvalidParameter.OutOfRange"),
                refused("StreamType 3", body -> record(body).put("StreamType", 3), "InvalidParameter.OutOfRange"),
                refused("OutputFormat 5", body -> record(body).put("OutputFormat", 5), "InvalidParameter.OutOfRange"),
                refused("MaxMediaFileDuration 0", body -> record(body).put("MaxMediaFileDuration", 0), "InvalidParameter.OutOfRange"),
                refused("no StorageParams", body -> body.remove("StorageParams"), "MissingParameter.StorageParams"),
                refused("no CloudStorage", body -> body.putObject("StorageParams"), "MissingParameter.CloudStorage"),
                refused("CloudVod", body -> body.putObject("StorageParams").putObject("CloudVod").putObject("TencentVod"),
                        "FailedOperation.CRUnsupportMethod"),
                refused("no Vendor", body -> cloud(body).remove("Vendor"), "MissingParameter.Vendor"),
                refused("Vendor 2", body -> cloud(body).put("Vendor", 2), "InvalidParameter.OutOfRange"),
                refused("no Region", body -> cloud(body).remove("Region"), "MissingParameter.Region"),
                refused("no Bucket", body -> cloud(body).remove("Bucket"), "MissingParameter.Bucket"),
                refused("no AccessKey", body -> cloud(body).remove("AccessKey"), "MissingParameter.AccessKey"),
                refused("an empty SecretKey", body -> cloud(body).put("SecretKey", ""), "MissingParameter.SecretKey"),
                refused("no SecretKey", body -> cloud(body).remove("SecretKey"), "MissingParameter.SecretKey"),
                refused("a prefix with a slash", body -> cloud(body).putArray("FileNamePrefix").add("a/b"), "InvalidParameter.OutOfRange"),
                refused("MixLayoutMode 5", body -> body.putObject("MixLayoutParams").put("MixLayoutMode", 5), "InvalidParameter.OutOfRange"),
                refused("a custom layout without its list", body -> body.putObject("MixLayoutParams").put("MixLayoutMode", 4),
                        "InvalidParameter.OutOfRange"),
                refused("ResourceExpiredHour 5", body -> body.put("ResourceExpiredHour", 5), "InvalidParameter.OutOfRange"),
                refused("an unknown parameter", body -> body.put("RecordFormat", "mp4"), "UnknownParameter"));
    }

    private static Arguments refused(String name, Consumer<ObjectNode> change, String code) {
        return Arguments.of(name, change, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedStarts")
    void createValidatesWhatTheApiPageDocuments(String name, Consumer<ObjectNode> change, String code) {
        enter("alice");
        ObjectNode body = createBody();
        change.accept(body);

        assertEquals(code, errorCode(call(TrtcRecordingActions.CREATE, body)));
        assertEquals(List.of(), emulator.recordingTasks(), "a refused start creates nothing");
        assertEquals(Set.of("alice"), emulator.usersIn(ROOM));
    }

    @Test
    void theRobotsUserSigMustBeItsOwnValidOne() {
        var credentials = emulator.credentials();
        String anotherUsers = userSig("alice");
        String anotherKeys = new TLSSigAPIv2(credentials.sdkAppId(), "another-key").genUserSig(ROBOT, 86_400);
        String expired = new TLSSigAPIv2(credentials.sdkAppId(), credentials.userSigKey()).genUserSig(ROBOT, 60);

        assertEquals("InvalidParameter.UserSig", errorCode(call(TrtcRecordingActions.CREATE, createBody().put("UserSig", anotherUsers))));
        assertEquals("InvalidParameter.UserSig", errorCode(call(TrtcRecordingActions.CREATE, createBody().put("UserSig", anotherKeys))));
        clock.advance(Duration.ofMinutes(2));
        JsonNode error = call(TrtcRecordingActions.CREATE, createBody().put("UserSig", expired)).get("Error");
        assertEquals("InvalidParameter.UserSig", error.get("Code").textValue());
        assertTrue(error.get("Message").textValue().contains("expired"), error.toString());
        assertEquals(List.of(), emulator.recordingTasks());
    }

    @Test
    void theStorageSecretIsInNoAnswer() {
        String secret = emulator.recordingStorage().secretKey();
        String taskId = create(createBody());
        enter("alice");

        for (JsonNode answer : List.of(describe(taskId), call(TrtcRecordingActions.CREATE, createBody()), delete(taskId))) {
            assertFalse(answer.toString().contains(secret), answer.toString());
        }
        assertFalse(emulator.recordingStorage().toString().contains(secret));
    }

    // ---- helpers ----

    private ObjectNode createBody() {
        ObjectNode body = EmulatorJson.mapper().createObjectNode()
                .put("SdkAppId", sdkAppId)
                .put("RoomId", ROOM)
                .put("RoomIdType", 0)
                .put("UserId", ROBOT)
                .put("UserSig", userSig(ROBOT));
        body.putObject("RecordParams").put("RecordMode", 2).put("MaxIdleTime", 30).put("StreamType", 0).put("OutputFormat", 1);
        TrtcRecordingStorage storage = emulator.recordingStorage();
        ObjectNode cloud = body.putObject("StorageParams").putObject("CloudStorage")
                .put("Vendor", storage.vendor())
                .put("Region", storage.region())
                .put("Bucket", storage.bucket())
                .put("AccessKey", storage.accessKey())
                .put("SecretKey", storage.secretKey());
        cloud.putArray("FileNamePrefix").add("rec");
        return body;
    }

    static ObjectNode record(ObjectNode body) {
        return (ObjectNode) body.get("RecordParams");
    }

    static ObjectNode cloud(ObjectNode body) {
        return (ObjectNode) body.get("StorageParams").get("CloudStorage");
    }

    private String create(ObjectNode body) {
        JsonNode response = call(TrtcRecordingActions.CREATE, body);
        assertNull(errorCode(response), response.toString());
        assertEquals(Set.of("TaskId", "RequestId"), names(response));
        return response.get("TaskId").textValue();
    }

    private JsonNode describe(String taskId) {
        return call(TrtcRecordingActions.DESCRIBE, parameters(Map.of("TaskId", taskId)));
    }

    private JsonNode delete(String taskId) {
        return call(TrtcRecordingActions.DELETE, parameters(Map.of("TaskId", taskId)));
    }

    private void enter(String userId) {
        emulator.enterRoom(ROOM, userId, userSig(userId));
    }

    private TrtcRecordingTask onlyTask() {
        List<TrtcRecordingTask> tasks = emulator.recordingTasks();
        assertEquals(1, tasks.size(), tasks.toString());
        return tasks.get(0);
    }

    private static JsonNode only(JsonNode array) {
        assertEquals(1, array.size(), array.toString());
        return array.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
