package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingNotice;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ARTC cloud recording callbacks: the signature, freshness, the body's fields, dedupe keys and the events. */
class AliyunRecordingCallbacksTest {

    private static final String APP_ID = "artcapp";
    private static final String CALLBACK_KEY = "callback-key";
    private static final String NOTIFY_KEY = AliyunRecordingCallbacks.notifyAuthKey(CALLBACK_KEY);
    private static final Instant NOW = Instant.ofEpochSecond(1_748_417_138);
    private static final String QUERY = "recorder=rec-7";
    private static final long TS = NOW.toEpochMilli() - 250;

    private final AliyunRecordingCallbacks callbacks = new AliyunRecordingCallbacks(APP_ID, CALLBACK_KEY);

    /** The page's example timestamp and NotifyAuthKey: {@code md5("1748417138|mytestkeymytestkey")}, computed with Python's hashlib. */
    @Test
    void theSignatureIsTheMd5OfTimestampAndKeyOnly() {
        assertEquals("91c9ec5c07bb529c68f9ad95fd775a9b", AliyunRecordingCallbacks.signature("1748417138", "mytestkeymytestkey"));
    }

    @Test
    void theNotifyAuthKeyIsDerivedFromTheCallbackKeyInAliyunsAlphabet() {
        assertTrue(NOTIFY_KEY.matches("[0-9a-f]{64}"), NOTIFY_KEY);
        assertNotEquals(NOTIFY_KEY, AliyunRecordingCallbacks.notifyAuthKey("another-key"));
        assertEquals(NOTIFY_KEY, AliyunRecordingCallbacks.notifyAuthKey(CALLBACK_KEY), "the recorder and the verifier agree");
    }

    @Test
    void aSignedFreshDeliveryIsVerifiedAndKeepsOnlyTheHeadersOfInterest() {
        Map<String, String> headers = signed(NOW.getEpochSecond());
        headers.put("Authorization", "Bearer not-for-the-inbox");
        CallbackRequest request = new CallbackRequest("POST", QUERY, headers, body("TaskRunning", TS, "{}"));

        VerifiedCallback verified = callbacks.verify(request, NOW);

        assertEquals(Map.of("ali-live-timestamp", Long.toString(NOW.getEpochSecond()), "ali-live-signature",
                AliyunRecordingCallbacks.signature(Long.toString(NOW.getEpochSecond()), NOTIFY_KEY), "content-type", "application/json"),
                verified.recorded().headers());
        assertEquals(request.body(), verified.recorded().body());
        assertEquals(QUERY, verified.recorded().query());
    }

    @Test
    void aSignatureWithTheRawCallbackKeyOrADomainIsWrong() {
        String ts = Long.toString(NOW.getEpochSecond());
        for (String wrong : List.of(AliyunRecordingCallbacks.signature(ts, CALLBACK_KEY),
                AliyunStreamCallbacks.signature("127.0.0.1", ts, NOTIFY_KEY), AliyunRecordingCallbacks.signature(ts + "1", NOTIFY_KEY))) {
            Map<String, String> headers = Map.of("ALI-LIVE-TIMESTAMP", ts, "ALI-LIVE-SIGNATURE", wrong);
            AuthenticationException refused = assertThrows(AuthenticationException.class,
                    () -> callbacks.verify(new CallbackRequest("POST", QUERY, headers, body("TaskRunning", TS, "{}")), NOW));
            assertEquals("wrong ALI-LIVE-SIGNATURE", refused.getMessage());
        }
    }

    @Test
    void anUnsignedDeliveryOrAGatewayWithoutAKeyIsRefused() {
        String body = body("TaskRunning", TS, "{}");
        assertThrows(AuthenticationException.class, () -> callbacks.verify(new CallbackRequest("POST", QUERY, Map.of(), body), NOW));
        assertThrows(AuthenticationException.class, () -> callbacks.verify(new CallbackRequest("POST", QUERY,
                Map.of("ALI-LIVE-TIMESTAMP", Long.toString(NOW.getEpochSecond())), body), NOW));

        AliyunRecordingCallbacks off = new AliyunRecordingCallbacks(APP_ID, "");
        Map<String, String> signedWithNothing = Map.of("ALI-LIVE-TIMESTAMP", Long.toString(NOW.getEpochSecond()),
                "ALI-LIVE-SIGNATURE", AliyunRecordingCallbacks.signature(Long.toString(NOW.getEpochSecond()), ""));
        assertThrows(AuthenticationException.class, () -> off.verify(new CallbackRequest("POST", QUERY, signedWithNothing, body), NOW));
    }

    @ParameterizedTest
    @ValueSource(longs = {-601, 601, -86_400})
    void aTimestampMoreThanTenMinutesFromTheClockIsRefused(long skewSeconds) {
        CallbackRequest stale = post(body("TaskRunning", TS, "{}"), NOW.getEpochSecond() + skewSeconds);

        assertThrows(AuthenticationException.class, () -> callbacks.verify(stale, NOW));
    }

    @ParameterizedTest
    @ValueSource(longs = {-600, 0, 600})
    void aTimestampWithinTenMinutesIsFresh(long skewSeconds) {
        callbacks.verify(post(body("TaskRunning", TS, "{}"), NOW.getEpochSecond() + skewSeconds), NOW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json | body",
        "[1,2] | body",
        "{\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"eventType\":\"TaskRunning\",\"callbackTs\":1} | appId",
        "{\"appId\":\"otherapp\",\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"eventType\":\"TaskRunning\",\"callbackTs\":1} | appId",
        "{\"appId\":\"artcapp\",\"channelId\":\"room 7\",\"taskId\":\"t1\",\"eventType\":\"TaskRunning\",\"callbackTs\":1} | channelId",
        "{\"appId\":\"artcapp\",\"channelId\":\"room7-1\",\"eventType\":\"TaskRunning\",\"callbackTs\":1} | taskId",
        "{\"appId\":\"artcapp\",\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"callbackTs\":1} | eventType",
        "{\"appId\":\"artcapp\",\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"eventType\":\"TaskRunning\"} | callbackTs",
        "{\"appId\":\"artcapp\",\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"eventType\":\"TaskRunning\",\"callbackTs\":\"soon\"} | callbackTs",
        "{\"appId\":\"artcapp\",\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"eventType\":\"TaskRunning\",\"callbackTs\":1,\"payload\":\"{oops\"} | payload",
        "{\"appId\":\"artcapp\",\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"eventType\":\"TaskRunning\",\"callbackTs\":1,\"payload\":7} | payload",
    })
    void aMalformedBodyIsRefusedNamingTheField(String body, String field) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> callbacks.verify(post(body, NOW.getEpochSecond()), NOW));

        assertEquals(field, refused.field(), refused.getMessage());
    }

    @Test
    void aBlankRecorderParameterIsRefusedAndAMissingOneIsNoRecorder() {
        String body = body("TaskRunning", TS, "{}");
        CallbackRequest blank = new CallbackRequest("POST", "recorder=", signed(NOW.getEpochSecond()), body);
        assertEquals("recorder", assertThrows(InvalidInputException.class, () -> callbacks.verify(blank, NOW)).field());

        CallbackRequest none = new CallbackRequest("POST", "", signed(NOW.getEpochSecond()), body);
        callbacks.verify(none, NOW);
        assertEquals(Optional.empty(), callbacks.read(none).orElseThrow().recorder());
        assertEquals(Optional.of("t1"), callbacks.read(none).orElseThrow().taskId(), "the task id names it all the same");
    }

    @Test
    void aRedeliveryIsTheSameDeliveryAndAnotherEventIsNot() {
        String first = key(body("RecordFileUploaded", TS, FILE_PAYLOAD), NOW.getEpochSecond());
        String resent = key(body("RecordFileUploaded", TS, FILE_PAYLOAD), NOW.getEpochSecond() + 3);

        assertEquals(first, resent, "the signature's timestamp may change on a resend");
        assertEquals(64, first.length());
        assertNotEquals(first, key(body("TaskStopped", TS, "{}"), NOW.getEpochSecond()));
        assertNotEquals(first, key(body("RecordFileUploaded", TS + 1, FILE_PAYLOAD), NOW.getEpochSecond()));
        assertNotEquals(first, key(body("RecordFileUploaded", TS, FILE_PAYLOAD.replace("a.mp4", "b.mp4")), NOW.getEpochSecond()),
                "two files uploaded in one millisecond are two deliveries");
    }

    @ParameterizedTest
    @CsvSource({
        "TaskCreated, PROGRESS",
        "TaskStarting, PROGRESS",
        "TaskRunning, STARTED",
        "TaskRecovering, PROGRESS",
        "TaskStopping, PROGRESS",
        "TaskStopped, ENDED",
        "SomethingAliyunAddsLater, PROGRESS"})
    void eventsReadAsTheGatewaysWords(String eventType, RecordingNotice.Event event) {
        RecordingNotice notice = read(body(eventType, TS, "{}"));

        assertEquals(new RecordingNotice(event, "room7-1", Optional.of(new RecorderIdentity("rec-7")), Optional.of("t1"), List.of(),
                Optional.empty(), Optional.empty(), Instant.ofEpochMilli(TS), eventType), notice);
    }

    private static final String FILE_PAYLOAD = "{\"format\":\"MP4\",\"fileName\":\"rec/t1/room7-1_2025-05-06-14:37:22_alice/a.mp4\","
            + "\"userId\":\"alice\"}";

    @Test
    void anUploadedFileIsNamedWithItsUser() {
        RecordingNotice notice = read(body("RecordFileUploaded", TS, FILE_PAYLOAD));

        assertEquals(RecordingNotice.Event.FILES, notice.event());
        assertEquals(List.of(new RecordingFile("rec/t1/room7-1_2025-05-06-14:37:22_alice/a.mp4", TrackType.AUDIO_AND_VIDEO,
                Optional.of("alice"), Optional.empty(), UploadStatus.UPLOADED)), notice.files());
        assertEquals(TrackType.AUDIO, read(body("RecordFileUploaded", TS, "{\"format\":\"MP3\",\"fileName\":\"t1/x.mp3\"}"))
                .files().get(0).trackType());
    }

    @Test
    void anUploadWhosePayloadNamesNoFileIsStillReadAsFiles() {
        RecordingNotice notice = read(body("RecordFileUploaded", TS, "{\"somethingElse\":1}"));

        assertEquals(RecordingNotice.Event.FILES, notice.event());
        assertEquals(List.of(), notice.files());
    }

    @Test
    void aStopWithAnErrorCodeIsAFailureWithTheVendorsCode() {
        RecordingNotice failed = read(body("TaskStopped", TS, "{\"errorCode\":405,\"errorMessage\":\"bucket missing\"}"));

        assertEquals(RecordingNotice.Event.FAILED, failed.event());
        assertEquals(Optional.of(new JobFailure("405", "bucket missing")), failed.failure());
        assertEquals(RecordingNotice.Event.ENDED, read(body("TaskStopped", TS, "{\"errorCode\":0}")).event());
    }

    @Test
    void aPayloadSentAsAnObjectIsReadLikeOneSentAsAString() {
        String asObject = "{\"appId\":\"artcapp\",\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"eventType\":\"RecordFileUploaded\","
                + "\"callbackTs\":" + TS + ",\"payload\":" + FILE_PAYLOAD + "}";

        assertEquals(read(body("RecordFileUploaded", TS, FILE_PAYLOAD)).files(), read(asObject).files());
    }

    // ---- helpers ----

    private RecordingNotice read(String body) {
        CallbackRequest request = post(body, NOW.getEpochSecond());
        callbacks.verify(request, NOW);
        return callbacks.read(request).orElseThrow();
    }

    private String key(String body, long timestamp) {
        return callbacks.verify(post(body, timestamp), NOW).dedupeKey();
    }

    /** The documented body, with {@code payload} a JSON object written into a string. */
    private static String body(String eventType, long callbackTs, String payload) {
        return "{\"appId\":\"artcapp\",\"channelId\":\"room7-1\",\"taskId\":\"t1\",\"eventType\":\"" + eventType + "\",\"callbackTs\":"
                + callbackTs + ",\"payload\":\"" + payload.replace("\"", "\\\"") + "\"}";
    }

    private static CallbackRequest post(String body, long timestamp) {
        return new CallbackRequest("POST", QUERY, signed(timestamp), body);
    }

    private static Map<String, String> signed(long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("ALI-LIVE-TIMESTAMP", Long.toString(timestamp));
        headers.put("ALI-LIVE-SIGNATURE", AliyunRecordingCallbacks.signature(Long.toString(timestamp), NOTIFY_KEY));
        return headers;
    }
}
