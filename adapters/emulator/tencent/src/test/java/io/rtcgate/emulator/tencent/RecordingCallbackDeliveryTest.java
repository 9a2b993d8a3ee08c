package io.rtcgate.emulator.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentyun.TLSSigAPIv2;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.WebhookSender;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's cloud recording callbacks (event group 3) over real HTTP to a receiver in the test: what is
 * sent when, signed and laid out as Tencent does (vendors.md §2.6, trtc.io/document/54914), and retried.
 */
class RecordingCallbackDeliveryTest {

    private static final String ROOM = "room-7-1";
    private static final String ROBOT = "3000000007";
    private static final String KEY = "callbackKey123";
    /** vendors.md §2.6: the documented 103 event, key 123654, and its Sign. */
    private static final String VECTOR_BODY = "{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n"
            + "\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n"
            + "\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}";
    private static final String VECTOR_SIGN = "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";

    private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final TencentEmulator emulator = new TencentEmulator(clock, TencentEmulatorCredentials.random(), 2, Duration.ofMillis(20))
            .start();
    /** Answered as Tencent expects of the gateway. */
    private final WebhookReceiver receiver = new WebhookReceiver("{\"code\":0}");
    private final URI callbackUrl = receiver.url("/trtc/callbacks");

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void bodiesAreLaidOutAndSignedAsTencentsDocumentedExample() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("RoomId", 12345);
        info.put("EventTs", 1608441737);
        info.put("UserId", "test");
        info.put("UniqueId", 1615554922656L);
        info.put("Role", 20);
        info.put("Reason", 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EventGroupId", 1);
        body.put("EventType", 103);
        body.put("CallbackTs", 1615554923704L);
        body.put("EventInfo", info);

        assertEquals(VECTOR_BODY, TrtcCallbackBodies.format(body));
        assertEquals(VECTOR_SIGN, TrtcCallbacks.sign("123654", VECTOR_BODY));
        assertEquals("{\n\t\"List\":\t[1, {\n\t\t\t\"A\":\t\"b\"\n\t\t}]\n}",
                TrtcCallbackBodies.format(Map.of("List", List.of(1, Map.of("A", "b")))), "arrays as cJSON prints them");
    }

    @Test
    void nothingIsDeliveredBeforeACallbackUrlIsSet() {
        String taskId = create(createBody());
        enter("alice");
        delete(taskId);

        assertEquals(List.of(), emulator.callbackSender().attempts());
        assertThrows(IllegalArgumentException.class, () -> emulator.deliverCallbacksTo(callbackUrl, ""));

        emulator.deliverCallbacksTo(callbackUrl, KEY);
        String next = create(createBody());
        JsonNode first = EmulatorJson.readObject(receiver.next().body());
        assertEquals(301, first.get("EventType").intValue(), "the earlier task's events were never queued for delivery");
        assertEquals(next, first.get("EventInfo").get("TaskId").textValue());
    }

    @Test
    void aRecordingCallsBackItsStartFilesAndEndSignedWithTheKey() {
        emulator.deliverCallbacksTo(callbackUrl, KEY);
        Instant started = clock.instant();
        String taskId = create(createBody());
        Delivery start = receiver.next();

        assertEquals("application/json", start.header("Content-Type"));
        assertEquals(Long.toString(emulator.credentials().sdkAppId()), start.header("SdkAppId"));
        assertEquals(TrtcCallbacks.sign(KEY, start.body()), start.header("Sign"));
        assertTrue(start.body().startsWith("{\n\t\"EventGroupId\":\t3,\n\t\"EventType\":\t301,\n\t\"CallbackTs\":\t"), start.body());
        JsonNode body = EmulatorJson.readObject(start.body());
        assertEquals(clock.instant().toEpochMilli(), body.get("CallbackTs").longValue());
        JsonNode info = body.get("EventInfo");
        assertEquals(ROOM, info.get("RoomId").textValue());
        assertEquals(ROBOT, info.get("UserId").textValue(), "EventInfo names the recording robot");
        assertEquals(taskId, info.get("TaskId").textValue());
        assertEquals(started.toEpochMilli(), info.get("EventMsTs").longValue());
        assertEquals(started.getEpochSecond(), info.get("EventTs").longValue());
        assertEquals("{\"Status\":0}", info.get("Payload").toString());

        clock.advance(Duration.ofSeconds(2));
        Instant aliceEntered = clock.instant();
        enter("alice");
        assertEquals("{\"Status\":0}", payload(receiver.next(), 303).toString());
        JsonNode slice = payload(receiver.next(), 307);
        String playlist = "rec/" + taskId + "/" + emulator.credentials().sdkAppId() + "_" + TrtcCloudRecordings.base64(ROOM) + ".m3u8";
        assertEquals(playlist, slice.get("FileName").textValue());
        assertEquals("audio_video", slice.get("TrackType").textValue());
        assertEquals(Long.toString(aliceEntered.toEpochMilli()), slice.get("BeginTimeStamp").textValue(),
                "the page types the begin time as a string");
        assertEquals(playlist, payload(receiver.next(), 304).get("FileList").textValue());

        clock.advance(Duration.ofSeconds(60));
        delete(taskId);
        assertEquals("{\"LeaveCode\":0}", payload(receiver.next(), 302).toString());
        assertEquals("{\"Status\":0}", payload(receiver.next(), 305).toString());
        JsonNode mp4 = payload(receiver.next(), 310);
        assertEquals(0, mp4.get("Status").intValue());
        String mp4Name = "rec/" + taskId + "/" + emulator.credentials().sdkAppId() + "_" + TrtcCloudRecordings.base64(ROOM) + ".mp4";
        assertEquals("[\"" + mp4Name + "\"]", mp4.get("FileList").toString());
        JsonNode file = mp4.get("FileMessage").get(0);
        assertEquals(mp4Name, file.get("FileName").textValue());
        assertEquals("", file.get("UserId").textValue());
        assertEquals("mix", file.get("MediaId").textValue());
        assertEquals(aliceEntered.toEpochMilli(), file.get("StartTimeStamp").longValue());
        assertEquals(clock.instant().toEpochMilli(), file.get("EndTimeStamp").longValue());
    }

    @Test
    void filesLongerThanMaxMediaFileDurationAreCutAndNumbered() {
        emulator.deliverCallbacksTo(callbackUrl, KEY);
        ObjectNode body = createBody();
        ((ObjectNode) body.get("RecordParams")).put("RecordMode", 1).put("OutputFormat", 3).put("MaxMediaFileDuration", 1);
        String taskId = create(body);
        enter("alice");
        clock.advance(Duration.ofSeconds(150));
        delete(taskId);

        JsonNode mp4 = payloadOf(310);
        String alice = "rec/" + taskId + "/" + emulator.credentials().sdkAppId() + "_" + TrtcCloudRecordings.base64(ROOM)
                + "_UserId_s_" + TrtcCloudRecordings.base64("alice") + "_UserId_e_main";
        assertEquals(List.of(alice + "_1.mp4", alice + "_2.mp4", alice + "_3.mp4"),
                StreamSupport.stream(mp4.get("FileList").spliterator(), false).map(JsonNode::textValue).toList());
        assertEquals("alice", mp4.get("FileMessage").get(2).get("UserId").textValue());
        assertEquals("main", mp4.get("FileMessage").get(2).get("MediaId").textValue());
    }

    @Test
    void aTaskThatEndsByItselfCallsBackWithNoRequestToPromptIt() {
        emulator.deliverCallbacksTo(callbackUrl, KEY);
        create(createBody());
        payload(receiver.next(), 301);

        clock.advance(Duration.ofSeconds(30));

        // No call reaches the emulator: its periodic work notices the idle room and calls back.
        assertEquals("{\"LeaveCode\":99}", payload(receiver.next(), 302).toString());
        // Callbacks leave in order, so an upload event (305) would arrive before the next task's start.
        create(createBody());
        payload(receiver.next(), 301);
    }

    @Test
    void storageOtherThanTheEmulatorsLeavesTheFilesInBackup() {
        emulator.deliverCallbacksTo(callbackUrl, KEY);
        ObjectNode body = createBody();
        ((ObjectNode) body.get("StorageParams").get("CloudStorage")).put("SecretKey", "not-the-bucket-key");
        String taskId = create(body);
        enter("alice");
        delete(taskId);

        assertEquals(1, payloadOf(305).get("Status").intValue());
        assertEquals(1, payloadOf(310).get("Status").intValue());
    }

    @Test
    void aDeliveryTheReceiverRefusesIsSentAgainWithTheSameBytes() {
        emulator.deliverCallbacksTo(callbackUrl, KEY);
        receiver.answerWith(500);
        create(createBody());

        Delivery refused = receiver.next();
        Delivery retried = receiver.next();

        assertEquals(500, refused.answeredWith());
        assertEquals(200, retried.answeredWith());
        assertEquals(refused.body(), retried.body());
        assertEquals(refused.header("Sign"), retried.header("Sign"));
        // The sender records a try once its answer is in, so only the refused one is certain to be listed by now.
        WebhookSender.Attempt first = emulator.callbackSender().attempts().get(0);
        assertEquals(500, first.status());
        assertEquals(1, first.attempt());
        assertEquals(callbackUrl, first.url());
        assertEquals(refused.body(), first.body());
    }

    // ---- helpers ----

    /** The payload of the next delivery, which must be of {@code eventType}. */
    private static JsonNode payload(Delivery delivery, int eventType) {
        JsonNode body = EmulatorJson.readObject(delivery.body());
        assertEquals(3, body.get("EventGroupId").intValue());
        assertEquals(eventType, body.get("EventType").intValue(), delivery.body());
        return body.get("EventInfo").get("Payload");
    }

    /** The payload of the next delivery of {@code eventType}, skipping those of other types. */
    private JsonNode payloadOf(int eventType) {
        while (true) {
            JsonNode body = EmulatorJson.readObject(receiver.next().body());
            if (body.get("EventType").intValue() == eventType) {
                return body.get("EventInfo").get("Payload");
            }
        }
    }

    private ObjectNode createBody() {
        TrtcRecordingStorage storage = emulator.recordingStorage();
        ObjectNode body = EmulatorJson.mapper().createObjectNode()
                .put("SdkAppId", emulator.credentials().sdkAppId())
                .put("RoomId", ROOM)
                .put("RoomIdType", 0)
                .put("UserId", ROBOT)
                .put("UserSig", userSig(ROBOT));
        body.putObject("RecordParams").put("RecordMode", 2).put("OutputFormat", 1);
        body.putObject("StorageParams").putObject("CloudStorage")
                .put("Vendor", storage.vendor())
                .put("Region", storage.region())
                .put("Bucket", storage.bucket())
                .put("AccessKey", storage.accessKey())
                .put("SecretKey", storage.secretKey())
                .putArray("FileNamePrefix").add("rec");
        return body;
    }

    private String create(ObjectNode body) {
        JsonNode response = call(TrtcRecordingActions.CREATE, body);
        assertNull(response.get("Error"), response.toString());
        return response.get("TaskId").textValue();
    }

    private void delete(String taskId) {
        ObjectNode body = EmulatorJson.mapper().createObjectNode().put("SdkAppId", emulator.credentials().sdkAppId()).put("TaskId", taskId);
        assertNull(call(TrtcRecordingActions.DELETE, body).get("Error"));
    }

    private JsonNode call(String action, JsonNode body) {
        return TrtcCall.to(emulator).action(action).body(EmulatorJson.write(body)).timestamp(clock.instant().getEpochSecond()).send();
    }

    private void enter(String userId) {
        emulator.enterRoom(ROOM, userId, userSig(userId));
    }

    private String userSig(String userId) {
        var credentials = emulator.credentials();
        return new TLSSigAPIv2(credentials.sdkAppId(), credentials.userSigKey()).genUserSig(userId, 86_400);
    }
}
