package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.cohost.MixResultCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TRTC's mixing news at the general callback endpoint, body by body: the room and media events of the anchors'
 * video and the relay's 401, verified by the recording callbacks (the endpoint's verifier) and read by the mix reader.
 */
class TencentMixCallbacksTest {

    /** The application {@link TencentRecordingCallbacksTest#callbacksWithKey} verifies for. */
    private static final long SDK_APP_ID = 1400000000L;
    private static final String KEY = "123654";
    /** vendors.md §2.6: the doc's 103 example as laid out there, a numeric room. */
    private static final String ENTER_ROOM = "{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n"
            + "\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n"
            + "\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}";
    /** The relay to CDN page's example, with its missing comma restored and its comment dropped. */
    private static final String RELAY_EXAMPLE = "{ \"EventGroupId\": 4, \"EventType\": 401, \"CallbackTs\": 1622186275913, \"EventInfo\": "
            + "{ \"RoomId\": \"xx\", \"RoomType\": 1, \"EventTsMs\": 1622186275913, \"UserId\": \"xx\", \"TaskId\": \"xx\", \"Payload\": "
            + "{ \"Url\": \"rtmp://tencent-url/xxxx\", \"Status\": 2 } } }";
    private static final long SENT = 1_700_000_000_000L;

    private final TencentRecordingCallbacks verifier = TencentRecordingCallbacksTest.callbacksWithKey(KEY);
    private final TencentMixCallbacks reader = new TencentMixCallbacks();

    @Test
    void theDocumentedEnterRoomOfAnAnchorIsVerifiedButSaysNothingOfItsVideoYet() {
        CallbackRequest request = signed(ENTER_ROOM);

        verifier.verify(request, Instant.ofEpochMilli(1615554923704L).plusSeconds(30));

        assertEquals(Optional.empty(), reader.read(request), "103 is not a video: 201 is");
    }

    @Test
    void theRelayPagesExampleIsVerifiedAndReadsAsTheTaskPushing() {
        CallbackRequest request = signed(RELAY_EXAMPLE);
        Instant sent = Instant.ofEpochMilli(1622186275913L);

        verifier.verify(request, sent);

        assertEquals(Optional.of(MixNotice.taskResult("xx", "xx", MixResultCode.SUCCESS,
                "401 status 2: TRTC is pushing the mixed picture to the CDN", sent)), reader.read(request));
        assertEquals(Optional.empty(), verifier.read(request), "no recording's news");
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            "2, 201, true",
            "2, 202, false",
            "1, 104, false"})
    void videoStartsStopsAndExitsReadAsTheUsersStreamUpOrGone(int group, int type, boolean available) {
        CallbackRequest request = signed(roomEvent(group, type, "\"room-12-1\"", "\"anchor_1\""));

        verifier.verify(request, Instant.ofEpochMilli(SENT));

        assertEquals(Optional.of(MixNotice.ofChannel("room-12-1", "anchor_1", available, Instant.ofEpochMilli(SENT - 5))),
                reader.read(request));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"1, 101", "1, 102", "1, 103", "1, 105", "2, 203", "2, 204", "2, 205", "2, 206"})
    void otherRoomAndMediaEventsSayNothingOfMixing(int group, int type) {
        assertEquals(Optional.empty(), reader.read(signed(roomEvent(group, type, "\"room-12-1\"", "\"anchor_1\""))));
    }

    @Test
    void aNumericRoomIsReadAsItsDigits() {
        MixNotice notice = reader.read(signed(roomEvent(2, 201, "12345", "\"anchor_1\""))).orElseThrow();

        assertEquals(Optional.of("12345"), notice.channel());
    }

    @Test
    void theMixRobotsOwnEventsAreNothing() {
        String robot = "\"" + TencentStreamMixer.robotUserId("mix-room-12-1") + "\"";

        assertEquals(Optional.empty(), reader.read(signed(roomEvent(1, 104, "\"room-12-1\"", robot))));
        assertEquals(Optional.empty(), reader.read(signed(roomEvent(2, 201, "\"room-12-1\"", robot))));
    }

    @ParameterizedTest(name = "status {0}")
    @CsvSource({"0", "1", "3", "7"})
    void relayStatesThatAreNoVerdictAreNothing(int status) {
        assertEquals(Optional.empty(), reader.read(signed(relay(status))));
    }

    @Test
    void aRelayThatGaveUpIsAnInternalErrorOfItsTask() {
        MixNotice notice = reader.read(signed(relay(4))).orElseThrow();

        assertEquals(MixNotice.Type.RESULT, notice.type());
        assertEquals(Optional.of(MixResultCode.INTERNAL_ERROR), notice.code());
        assertEquals(Optional.of("task-9"), notice.taskId());
        assertEquals(Optional.of("room-12-1"), notice.channel());
        assertEquals(Instant.ofEpochMilli(SENT - 7), notice.reportedAt());
        assertEquals(false, notice.message().contains("rtmp://"), "the push URL carries its signature: " + notice.message());
    }

    @Test
    void otherEventGroupsAreNotMixingsBusiness() {
        String recording = "{\"EventGroupId\":3,\"EventType\":301,\"CallbackTs\":" + SENT + ",\"EventInfo\":{\"RoomId\":\"room-12-1\","
                + "\"EventTs\":1700000000,\"UserId\":\"3000000007\",\"TaskId\":\"t\",\"Payload\":{\"Status\":0}}}";
        String ingest = "{\"EventGroupId\":7,\"EventType\":701,\"CallbackMsTs\":" + SENT + ",\"EventInfo\":{\"EventMsTs\":" + SENT
                + ",\"TaskId\":\"t\",\"Status\":0}}";

        assertEquals(Optional.empty(), reader.read(signed(recording)));
        assertEquals(Optional.empty(), reader.read(signed(ingest)));
    }

    @Test
    void aWronglySignedOrStaleDeliveryIsRefusedAtTheEndpoint() {
        String body = roomEvent(2, 201, "\"room-12-1\"", "\"anchor_1\"");
        CallbackRequest wrongSign = new CallbackRequest("POST", "", Map.of("Content-Type", "application/json", "SdkAppId",
                Long.toString(SDK_APP_ID), "Sign", TencentRecordingCallbacks.sign("another1", body)), body);

        assertThrows(AuthenticationException.class, () -> verifier.verify(wrongSign, Instant.ofEpochMilli(SENT)));
        assertThrows(AuthenticationException.class, () -> verifier.verify(signed(body),
                Instant.ofEpochMilli(SENT).plus(TencentRecordingCallbacks.FRESHNESS).plus(Duration.ofSeconds(1))));
    }

    @Test
    void aMissingFieldIsNamed() {
        String noType = "{\"EventGroupId\":2,\"CallbackTs\":" + SENT + ",\"EventInfo\":{\"RoomId\":\"r\",\"UserId\":\"u\"}}";
        InvalidInputException atTheDoor = assertThrows(InvalidInputException.class,
                () -> verifier.verify(signed(noType), Instant.ofEpochMilli(SENT)));
        assertEquals("EventType", atTheDoor.field());

        assertField("EventInfo.UserId", roomEvent(2, 201, "\"room-12-1\"", "null"));
        assertField("EventInfo.RoomId", roomEvent(1, 104, "null", "\"anchor_1\""));
        assertField("EventInfo.Payload.Status", "{\"EventGroupId\":4,\"EventType\":401,\"CallbackTs\":" + SENT + ",\"EventInfo\":"
                + "{\"RoomId\":\"room-12-1\",\"RoomType\":1,\"EventMsTs\":" + SENT + ",\"UserId\":\"robot\",\"TaskId\":\"task-9\","
                + "\"Payload\":{\"Url\":\"rtmp://push.example/live/s\"}}}");
        assertField("EventInfo.TaskId", "{\"EventGroupId\":4,\"EventType\":401,\"CallbackTs\":" + SENT + ",\"EventInfo\":"
                + "{\"RoomId\":\"room-12-1\",\"RoomType\":1,\"EventMsTs\":" + SENT + ",\"Payload\":{\"Status\":2}}}");
    }

    @Test
    void trtcHasNoMixEndpointOfItsOwnToVerify() {
        assertThrows(UnsupportedOperationException.class, () -> reader.verify(signed(ENTER_ROOM), Instant.ofEpochMilli(SENT)));
    }

    // ---- helpers ----

    private void assertField(String field, String body) {
        InvalidInputException unreadable = assertThrows(InvalidInputException.class, () -> reader.read(signed(body)));
        assertEquals(field, unreadable.field(), unreadable.getMessage());
    }

    /** A room or media event as TRTC lays out its fields; {@code roomId} and {@code userId} are JSON values. */
    private static String roomEvent(int group, int type, String roomId, String userId) {
        return "{\"EventGroupId\":" + group + ",\"EventType\":" + type + ",\"CallbackTs\":" + SENT + ",\"EventInfo\":{\"RoomId\":" + roomId
                + ",\"EventTs\":" + (SENT / 1000) + ",\"EventMsTs\":" + (SENT - 5) + ",\"UserId\":" + userId
                + ",\"UniqueId\":1700000000001,\"Reason\":1}}";
    }

    private static String relay(int status) {
        return "{\"EventGroupId\":4,\"EventType\":401,\"CallbackTs\":" + SENT + ",\"EventInfo\":{\"RoomId\":\"room-12-1\",\"RoomType\":1,"
                + "\"EventMsTs\":" + (SENT - 7) + ",\"UserId\":\"robot\",\"TaskId\":\"task-9\",\"Payload\":{\"Url\":"
                + "\"rtmp://push.example/live/s?auth_key=1-0-0-abc\",\"Status\":" + status + "}}}";
    }

    private static CallbackRequest signed(String body) {
        return new CallbackRequest("POST", "", Map.of("Content-Type", "application/json", "SdkAppId", Long.toString(SDK_APP_ID),
                "Sign", TencentRecordingCallbacks.sign(KEY, body)), body);
    }
}
