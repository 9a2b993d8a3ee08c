package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingNotice.Event;
import io.rtcgate.domain.recording.RecordingNotice;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Tencent's event callbacks: the signature against the published vectors, the SdkAppId, freshness, the body, and what group 3 says. */
class TencentRecordingCallbacksTest {

    private static final long SDK_APP_ID = 1400000000L;
    private static final String KEY = "123654";
    /** vendors.md §2.6: the 103 (enter room) example of Tencent's callback page, as sent, and its Sign under key 123654. */
    private static final String ENTER_ROOM = "{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n"
            + "\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n"
            + "\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}";
    private static final String ENTER_ROOM_SIGN = "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";
    /** trtc.io/document/54914's Java example: a 204 (stop audio) body under key 123654 and its Sign. */
    private static final String STOP_AUDIO = "{\n\t\"EventGroupId\":\t2,\n\t\"EventType\":\t204,\n\t\"CallbackTs\":\t1664209748188,\n"
            + "\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t8489,\n\t\t\"EventTs\":\t1664209748,\n\t\t\"EventMsTs\":\t1664209748180,\n"
            + "\t\t\"UserId\":\t\"user_85034614\",\n\t\t\"Reason\":\t0\n\t}\n}";
    private static final String STOP_AUDIO_SIGN = "kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=";
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final String TASK_ID = "-gCTFWtU7t7DUlo7A8Isw";
    private static final String ROBOT = "3000000007";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TencentRecordingCallbacks callbacks = callbacksWithKey(KEY);

    @Test
    void theSignIsBase64OfTheHmacOfTheBodyAsPublished() {
        assertEquals(ENTER_ROOM_SIGN, TencentRecordingCallbacks.sign(KEY, ENTER_ROOM));
        assertEquals(STOP_AUDIO_SIGN, TencentRecordingCallbacks.sign(KEY, STOP_AUDIO));
    }

    @Test
    void thePublishedDeliveriesAreVerifiedKeepOnlyTheirHeadersOfInterestAndAreNoRecordingNews() throws NoSuchAlgorithmException {
        for (String body : List.of(ENTER_ROOM, STOP_AUDIO)) {
            Map<String, String> headers = headers(body.equals(ENTER_ROOM) ? ENTER_ROOM_SIGN : STOP_AUDIO_SIGN);
            headers.put("Authorization", "Bearer not-for-the-inbox");
            CallbackRequest request = new CallbackRequest("POST", "", headers, body);
            Instant sent = Instant.ofEpochMilli(callbackTs(body));

            VerifiedCallback verified = callbacks.verify(request, sent);

            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))),
                    verified.dedupeKey());
            assertEquals(Map.of("sign", headers.get("Sign"), "sdkappid", Long.toString(SDK_APP_ID), "content-type", "application/json"),
                    verified.recorded().headers());
            assertEquals(body, verified.recorded().body());
            assertEquals(Optional.empty(), callbacks.read(request), "room and media events are not the recordings' business");
        }
    }

    @Test
    void aWrongOrMissingSignIsRefused() {
        long ts = callbackTs(ENTER_ROOM);
        Instant sent = Instant.ofEpochMilli(ts);
        List<CallbackRequest> refused = List.of(
                post(ENTER_ROOM, TencentRecordingCallbacks.sign("654321", ENTER_ROOM)),
                post(ENTER_ROOM.replace(":\t1,", ": 1,"), ENTER_ROOM_SIGN),
                post(ENTER_ROOM, ENTER_ROOM_SIGN.toLowerCase()),
                post(ENTER_ROOM, ENTER_ROOM_SIGN.substring(1)));
        for (CallbackRequest request : refused) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> callbacks.verify(request, sent));
            assertEquals("wrong Sign", e.getMessage());
        }
        Map<String, String> unsigned = headers(ENTER_ROOM_SIGN);
        unsigned.remove("Sign");
        assertThrows(AuthenticationException.class, () -> callbacks.verify(new CallbackRequest("POST", "", unsigned, ENTER_ROOM), sent));
    }

    @Test
    void aDeliveryForAnotherApplicationIsRefused() {
        Instant sent = Instant.ofEpochMilli(callbackTs(ENTER_ROOM));
        Map<String, String> another = headers(ENTER_ROOM_SIGN);
        another.put("SdkAppId", "1400000001");
        Map<String, String> none = headers(ENTER_ROOM_SIGN);
        none.remove("SdkAppId");

        for (Map<String, String> headers : List.of(another, none)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> callbacks.verify(new CallbackRequest("POST", "", headers, ENTER_ROOM), sent));
            assertTrue(e.getMessage().contains("SdkAppId"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-600_001, 600_001, -86_400_000})
    void aCallbackTsMoreThanTenMinutesFromTheClockIsRefused(long skewMillis) {
        CallbackRequest request = signed(event(301, payload -> payload.put("Status", 0), NOW.plusMillis(skewMillis)));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> callbacks.verify(request, NOW));

        assertTrue(e.getMessage().contains("10 minutes"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {-600_000, 0, 600_000})
    void aCallbackTsWithinTenMinutesIsFresh(long skewMillis) {
        callbacks.verify(signed(event(301, payload -> payload.put("Status", 0), NOW.plusMillis(skewMillis))), NOW);
    }

    @Test
    void withoutACallbackKeyEveryCallbackIsRefusedAndAWarningSaysSoOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(TencentRecordingCallbacks.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            TencentRecordingCallbacks off = callbacksWithKey("");
            callbacksWithKey(KEY);
            CallbackRequest signed = signed(event(301, payload -> payload.put("Status", 0), NOW));

            assertThrows(AuthenticationException.class, () -> off.verify(signed, NOW));
            assertThrows(AuthenticationException.class, () -> off.verify(post(ENTER_ROOM, ENTER_ROOM_SIGN),
                    Instant.ofEpochMilli(callbackTs(ENTER_ROOM))));

            List<ILoggingEvent> warnings = lines.list.stream().filter(line -> line.getLevel() == Level.WARN).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).getFormattedMessage().contains("rtcgate.vendors.tencent.callback-key"));
        } finally {
            logger.detachAppender(lines);
        }
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "EventGroupId=3", "body"),
                Arguments.of("an array", "[3]", "body"),
                Arguments.of("no EventGroupId", without("EventGroupId"), "EventGroupId"),
                Arguments.of("no EventType", without("EventType"), "EventType"),
                Arguments.of("no CallbackTs", without("CallbackTs"), "CallbackTs"),
                Arguments.of("no EventInfo", without("EventInfo"), "EventInfo"),
                Arguments.of("EventGroupId as a word", change(body -> body.put("EventGroupId", "three")), "EventGroupId"),
                Arguments.of("no RoomId", change(body -> info(body).remove("RoomId")), "EventInfo.RoomId"),
                Arguments.of("neither TaskId nor UserId", change(body -> info(body).remove(List.of("TaskId", "UserId"))), "EventInfo.TaskId"),
                Arguments.of("no Payload", change(body -> info(body).remove("Payload")), "EventInfo.Payload"),
                Arguments.of("no Status", change(body -> payload(body).remove("Status")), "EventInfo.Payload.Status"),
                Arguments.of("Status as a word", change(body -> payload(body).put("Status", "ok")), "EventInfo.Payload.Status"),
                Arguments.of("a slice without its FileName", sliceWithout("FileName"), "EventInfo.Payload.FileName"),
                Arguments.of("a slice of an unknown track", change(body -> {
                    body.put("EventType", 307);
                    payload(body).put("FileName", "a.m3u8").put("TrackType", "both");
                }), "EventInfo.Payload.TrackType"),
                Arguments.of("an MP4 without its FileName", change(body -> {
                    body.put("EventType", 310);
                    payload(body).putArray("FileMessage").add(file("a.mp4")).add(JSON.createObjectNode().put("UserId", "alice"));
                }), "EventInfo.Payload.FileMessage[1].FileName"),
                Arguments.of("a stop without its LeaveCode", change(body -> body.put("EventType", 302)), "EventInfo.Payload.LeaveCode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void aMissingOrMalformedFieldIsNamed(String name, String body, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> callbacks.verify(post(body,
                TencentRecordingCallbacks.sign(KEY, body)), NOW));

        assertEquals(field, e.field(), e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "301, Status, 0, STARTED",
        "302, LeaveCode, 0, ENDED",
        "302, LeaveCode, 2, ENDED",
        "302, LeaveCode, 4, ENDED",
        "302, LeaveCode, 99, ENDED",
        "303, Status, 0, PROGRESS",
        "304, Status, 0, PROGRESS",
        "305, Status, 1, PROGRESS",
        "306, Status, 0, PROGRESS",
        "309, Status, 0, PROGRESS",
        "311, Status, 0, PROGRESS",
        "312, Status, 0, PROGRESS"})
    void eachRecordingEventMeansWhatTencentsPageSays(int type, String field, int value, Event expected) {
        RecordingNotice notice = readVerified(event(type, payload -> payload.put(field, value), NOW));

        assertEquals(expected, notice.event());
        assertEquals(Optional.empty(), notice.failure());
        assertEquals(List.of(), notice.files());
    }

    @ParameterizedTest(name = "{0} {1} -> FAILED {3}")
    @CsvSource({
        "301, Status, 1, 301:1",
        "302, LeaveCode, 1, 302:1",
        "302, LeaveCode, 3, 302:3",
        "302, LeaveCode, 100, 302:100",
        "302, LeaveCode, 101, 302:101"})
    void anEventThatReportsAnErrorIsAFailureWithTencentsCode(int type, String field, int value, String code) {
        RecordingNotice notice = readVerified(event(type, payload -> payload.put(field, value), NOW));

        assertEquals(Event.FAILED, notice.event());
        assertEquals(code, notice.failure().map(JobFailure::vendorCode).orElseThrow());
    }

    @Test
    void aNoticeNamesTheTaskTheRecorderTheRoomAndTheEventsTime() {
        Instant happened = NOW.minusSeconds(3);
        ObjectNode body = event(301, payload -> payload.put("Status", 0), NOW);
        info(body).put("EventMsTs", happened.toEpochMilli());

        RecordingNotice notice = readVerified(body);

        assertEquals("room-7-1", notice.channel());
        assertEquals(Optional.of(TASK_ID), notice.taskId());
        assertEquals(Optional.of(new RecorderIdentity(ROBOT)), notice.recorder());
        assertEquals(happened, notice.reportedAt());
        assertEquals("EVENT_TYPE_CLOUD_RECORDING_RECORDER_START", notice.vendorEvent());
    }

    @Test
    void aNumericRoomAndAnEventTimeInSecondsAsTextAreRead() {
        ObjectNode body = event(302, payload -> payload.put("LeaveCode", 0), NOW);
        info(body).put("RoomId", 20015).put("EventTs", Long.toString(NOW.minusSeconds(5).getEpochSecond())).remove("EventMsTs");
        info(body).remove("TaskId");

        RecordingNotice notice = readVerified(body);

        assertEquals("20015", notice.channel());
        assertEquals(NOW.minusSeconds(5), notice.reportedAt());
        assertEquals(Optional.empty(), notice.taskId());
        assertEquals(Optional.of(new RecorderIdentity(ROBOT)), notice.recorder(), "the recorder alone names the task");
    }

    @Test
    void aFileSliceIsTheFileItsM3u8Is() {
        Instant begin = NOW.minusSeconds(12);
        RecordingNotice notice = readVerified(event(307, payload -> payload.put("FileName", "rec/t/a_video.m3u8").put("UserId", "alice")
                .put("TrackType", "video").put("BeginTimeStamp", Long.toString(begin.toEpochMilli())), NOW));

        assertEquals(Event.FILES, notice.event());
        assertEquals(List.of(new RecordingFile("rec/t/a_video.m3u8", TrackType.VIDEO, Optional.of("alice"), Optional.of(begin),
                UploadStatus.IN_PROGRESS)), notice.files());
        assertEquals("EVENT_TYPE_CLOUD_RECORDING_FILE_SLICE", notice.vendorEvent());
    }

    @ParameterizedTest(name = "Status {0} -> {1} {2}")
    @CsvSource({"0, FILES, UPLOADED", "1, FILES, BACKED_UP", "2, FAILED, UNKNOWN"})
    void theMp4FilesOfATaskAreUploadedKeptInBackupOrFailed(int status, Event event, UploadStatus upload) {
        Instant start = NOW.minusSeconds(90);
        RecordingNotice notice = readVerified(event(310, payload -> {
            payload.put("Status", status);
            payload.putArray("FileList").add("rec/t/mix.mp4");
            payload.putArray("FileMessage").add(file("rec/t/mix.mp4").put("UserId", "").put("TrackType", "audio_video")
                    .put("MediaId", "mix").put("StartTimeStamp", start.toEpochMilli()).put("EndTimeStamp", NOW.toEpochMilli()));
        }, NOW));

        assertEquals(event, notice.event());
        assertEquals(List.of(new RecordingFile("rec/t/mix.mp4", TrackType.AUDIO_AND_VIDEO, Optional.empty(), Optional.of(start), upload)),
                notice.files(), "a mixed file is nobody's");
        assertEquals(event == Event.FAILED ? Optional.of("310:2") : Optional.empty(),
                notice.failure().map(JobFailure::vendorCode));
    }

    @Test
    void otherEventGroupsAreNoRecordingNews() {
        ObjectNode body = event(801, payload -> payload.put("Status", 1), NOW);
        body.put("EventGroupId", 8);

        assertEquals(Optional.empty(), callbacks.read(signed(body)));
    }

    // ---- helpers ----

    private RecordingNotice readVerified(ObjectNode body) {
        CallbackRequest request = signed(body);
        callbacks.verify(request, NOW);
        return callbacks.read(request).orElseThrow();
    }

    static TencentRecordingCallbacks callbacksWithKey(String key) {
        return new TencentRecordingCallbacks(new TencentSettings(SDK_APP_ID, "user-sig-key", "AKIDexample", "secret", "ap-guangzhou",
                null, null, Duration.ofSeconds(5)).withCallbackKey(key));
    }

    /** A group-3 event of {@code type}, as the cloud recording page lays its fields out. */
    private static ObjectNode event(int type, Consumer<ObjectNode> payload, Instant sent) {
        ObjectNode body = JSON.createObjectNode().put("EventGroupId", 3).put("EventType", type).put("CallbackTs", sent.toEpochMilli());
        ObjectNode info = body.putObject("EventInfo").put("RoomId", "room-7-1").put("EventTs", sent.getEpochSecond())
                .put("EventMsTs", sent.toEpochMilli()).put("UserId", ROBOT).put("TaskId", TASK_ID);
        payload.accept(info.putObject("Payload"));
        return body;
    }

    private static String without(String field) {
        return change(body -> body.remove(field));
    }

    private static String change(Consumer<ObjectNode> change) {
        ObjectNode body = event(301, payload -> payload.put("Status", 0), NOW);
        change.accept(body);
        return body.toString();
    }

    private static String sliceWithout(String field) {
        return change(body -> {
            body.put("EventType", 307);
            payload(body).put("FileName", "a.m3u8").put("TrackType", "audio").remove(field);
        });
    }

    private static ObjectNode info(ObjectNode body) {
        return (ObjectNode) body.get("EventInfo");
    }

    private static ObjectNode payload(ObjectNode body) {
        return (ObjectNode) info(body).get("Payload");
    }

    private static ObjectNode file(String name) {
        return JSON.createObjectNode().put("FileName", name);
    }

    private static CallbackRequest signed(ObjectNode body) {
        String text = body.toString();
        return post(text, TencentRecordingCallbacks.sign(KEY, text));
    }

    private static CallbackRequest post(String body, String sign) {
        return new CallbackRequest("POST", "", headers(sign), body);
    }

    private static Map<String, String> headers(String sign) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Sign", sign);
        headers.put("SdkAppId", Long.toString(SDK_APP_ID));
        return headers;
    }

    private static long callbackTs(String body) {
        try {
            return JSON.readTree(body).get("CallbackTs").longValue();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
