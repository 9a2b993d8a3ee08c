package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Agora's notifications: the published signature vector, freshness, the body's fields, and each cloud recording event. */
class AgoraRecordingCallbacksTest {

    /** vendors.md §1.5, from docs.agora.io's signature_verify page. */
    private static final String VECTOR_SECRET = "secret";
    private static final String VECTOR_BODY = "{\"eventType\":10,\"noticeId\":\"4eb720f0-8da7-11e9-a43e-53f411c2761f\","
            + "\"notifyMs\":1560408533119,\"payload\":{\"a\":\"1\",\"b\":2},\"productId\":1}";
    private static final String VECTOR_V2 = "de96da5acf03b0021ac3b4fa2225e7ae6f3533a30d50bb02c08ea4fa748bda24";
    private static final String VECTOR_V1 = "5a3bb6a6d9fad2ea9ae3fb707a14c9d7f3136df1";
    private static final Instant VECTOR_SENT = Instant.ofEpochMilli(1_560_408_533_119L);

    static final String SECRET = "ncs-secret-of-the-project";
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Instant EVENT_AT = NOW.minusSeconds(3);
    private static final String SID = "38f8e3cfdc474cd56fc1ceba380d7e1a";
    private static final String RECORDER = "3000000007";
    private static final String CHANNEL = "room-7-1";

    private final AgoraRecordingCallbacks callbacks = callbacksWith(SECRET);

    @Test
    void thePublishedVectorVerifiesByteForByte() {
        AgoraRecordingCallbacks withVectorSecret = callbacksWith(VECTOR_SECRET);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Agora-Signature-V2", VECTOR_V2);
        headers.put("Agora-Signature", VECTOR_V1);
        headers.put("Content-Type", "application/json");
        headers.put("X-Forwarded-For", "203.0.113.7");
        CallbackRequest request = new CallbackRequest("POST", "", headers, VECTOR_BODY);

        VerifiedCallback verified = withVectorSecret.verify(request, VECTOR_SENT);

        assertEquals(VECTOR_V2, AgoraRecordingCallbacks.signatureV2(VECTOR_SECRET, VECTOR_BODY));
        assertEquals("4eb720f0-8da7-11e9-a43e-53f411c2761f", verified.dedupeKey());
        assertEquals(Map.of("agora-signature-v2", VECTOR_V2, "agora-signature", VECTOR_V1, "content-type", "application/json"),
                verified.recorded().headers());
        assertEquals(VECTOR_BODY, verified.recorded().body());
        assertEquals(Optional.empty(), withVectorSecret.read(request), "an RTC event (productId 1) is no recording's news");
    }

    @Test
    void anUpperCaseSignatureIsTheSameSignature() {
        CallbackRequest request = new CallbackRequest("POST", "", Map.of("Agora-Signature-V2", VECTOR_V2.toUpperCase()), VECTOR_BODY);

        callbacksWith(VECTOR_SECRET).verify(request, VECTOR_SENT);
    }

    @Test
    void aWrongSignatureIsRefused() {
        String body = recording(40, "{\"msgName\":\"recorder_started\",\"status\":0}");
        for (String wrong : new String[] {
                AgoraRecordingCallbacks.signatureV2("another-secret", body),
                AgoraRecordingCallbacks.signatureV2(SECRET, body + " "),
                VECTOR_V1,
                ""}) {
            CallbackRequest request = new CallbackRequest("POST", "", Map.of("Agora-Signature-V2", wrong), body);

            assertThrows(AuthenticationException.class, () -> callbacks.verify(request, NOW), wrong);
        }
    }

    @Test
    void aDeliveryWithoutTheV2SignatureIsRefused() {
        String body = recording(40, "{\"msgName\":\"recorder_started\",\"status\":0}");

        assertThrows(AuthenticationException.class, () -> callbacks.verify(new CallbackRequest("POST", "", Map.of(), body), NOW));
        CallbackRequest onlyV1 = new CallbackRequest("POST", "", Map.of("Agora-Signature", VECTOR_V1), VECTOR_BODY);
        assertThrows(AuthenticationException.class, () -> callbacksWith(VECTOR_SECRET).verify(onlyV1, VECTOR_SENT));
    }

    @Test
    void theSignatureIsCheckedBeforeTheBodyIsRead() {
        CallbackRequest unsignedGarbage = new CallbackRequest("POST", "", Map.of("Agora-Signature-V2", VECTOR_V2), "not json");

        assertThrows(AuthenticationException.class, () -> callbacks.verify(unsignedGarbage, NOW));
    }

    @Test
    void withoutACallbackSecretEveryDeliveryIsRefused() {
        AgoraRecordingCallbacks off = callbacksWith(" ");

        assertThrows(AuthenticationException.class, () -> off.verify(signed(recording(40, "{\"status\":0}")), NOW));
    }

    @ParameterizedTest
    @ValueSource(longs = {-600_001, 600_001, -86_400_000})
    void aNotificationMoreThanTenMinutesFromTheClockIsRefused(long skewMillis) {
        CallbackRequest stale = signed(envelope(3, 40, NOW.plusMillis(skewMillis), payload("{\"status\":0}")));

        assertThrows(AuthenticationException.class, () -> callbacks.verify(stale, NOW));
    }

    @ParameterizedTest
    @ValueSource(longs = {-600_000, 0, 600_000})
    void aNotificationWithinTenMinutesIsFresh(long skewMillis) {
        callbacks.verify(signed(envelope(3, 40, NOW.plusMillis(skewMillis), payload("{\"status\":0}"))), NOW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json | body",
        "[] | body",
        "{\"productId\":3,\"eventType\":40,\"notifyMs\":%NOW%,\"payload\":{}} | noticeId",
        "{\"noticeId\":\"n\",\"eventType\":40,\"notifyMs\":%NOW%,\"payload\":{}} | productId",
        "{\"noticeId\":\"n\",\"productId\":3,\"notifyMs\":%NOW%,\"payload\":{}} | eventType",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":40,\"payload\":{}} | notifyMs",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":40,\"notifyMs\":\"soon\",\"payload\":{}} | notifyMs",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":40,\"notifyMs\":%NOW%} | payload",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":40,\"notifyMs\":%NOW%,\"payload\":{\"uid\":\"1\",\"sid\":\"s\"}} | payload.cname",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":40,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\"}} | payload.sid",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":40,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"sendts\":\"x\"}} | payload.sendts",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":40,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"details\":\"x\"}} | payload.details",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":11,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"details\":{}}} | payload.details.exitStatus",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":1,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"details\":{\"errorCode\":47}}} | payload.details.errorLevel",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":12,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"details\":{\"newUid\":\"x\"}}} | payload.details.newUid",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":31,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"details\":{\"fileList\":5}}} | payload.details.fileList",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":31,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"details\":{\"fileList\":[{\"trackType\":\"audio\"}]}}} | payload.details.fileList[0].fileName",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":31,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"details\":{\"fileList\":[{\"fileName\":\"a.m3u8\",\"trackType\":\"smell\"}]}}} | payload.details.fileList[0].trackType",
        "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":31,\"notifyMs\":%NOW%,\"payload\":{\"cname\":\"c\",\"sid\":\"s\",\"details\":{\"fileList\":[7]}}} | payload.details.fileList[0]"})
    void aMalformedBodyIsRefusedNamingTheField(String body, String field) {
        CallbackRequest request = signed(body.replace("%NOW%", Long.toString(NOW.toEpochMilli())));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> callbacks.verify(request, NOW));

        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aNoticeIdLongerThanAnInboxKeyIsRefused() {
        String body = envelope(1, 101, NOW, "{}").replace("\"noticeId\":\"notice-1\"", "\"noticeId\":\"" + "n".repeat(201) + "\"");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> callbacks.verify(signed(body), NOW));

        assertEquals("noticeId", e.field());
    }

    @Test
    void theRecorderStartedIsTheTaskRunning() {
        RecordingNotice notice = read(recording(40, "{\"msgName\":\"recorder_started\",\"status\":0}"));

        assertEquals(new RecordingNotice(Event.STARTED, CHANNEL, Optional.of(new RecorderIdentity(RECORDER)), Optional.of(SID),
                List.of(), Optional.empty(), Optional.empty(), EVENT_AT, "recorder_started"), notice);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "40 | {\"msgName\":\"recorder_started\",\"status\":1}",
        "30 | {\"msgName\":\"uploader_started\",\"status\":0}",
        "33 | {\"msgName\":\"uploading_progress\",\"progress\":4200}",
        "2 | {\"msgName\":\"cloud_recording_warning\",\"module\":1,\"warnCode\":31}",
        "1 | {\"msgName\":\"cloud_recording_error\",\"module\":1,\"errorLevel\":4,\"errorCode\":47,\"stat\":0,\"errorMsg\":\"upload failed\"}",
        "41 | {\"msgName\":\"recorder_leave\",\"leaveCode\":4}",
        "100 | {\"msgName\":\"rtmp_publish_status\",\"rtmpUrl\":\"rtmp://x\",\"status\":\"publishing\"}"})
    void otherNewsOfARunningTaskIsProgress(int eventType, String details) {
        RecordingNotice notice = read(recording(eventType, details));

        assertEquals(Event.PROGRESS, notice.event());
        assertEquals(Optional.of(SID), notice.taskId());
    }

    @Test
    void theFirstPlaylistIsAFileInProgress() {
        RecordingNotice notice = read(recording(4, "{\"msgName\":\"cloud_recording_file_infos\",\"fileList\":\"rec/" + SID + "_"
                + CHANNEL + ".m3u8\"}"));

        assertEquals(Event.FILES, notice.event());
        assertEquals(List.of(new RecordingFile("rec/" + SID + "_" + CHANNEL + ".m3u8", TrackType.AUDIO_AND_VIDEO, Optional.empty(),
                Optional.empty(), UploadStatus.IN_PROGRESS)), notice.files());
        assertEquals("cloud_recording_file_infos", notice.vendorEvent());
    }

    @Test
    void anIndividualRecordingsFirstPlaylistNamesItsUserAndTrack() {
        String name = SID + "_" + CHANNEL + "__uid_s_1001__uid_e_audio.m3u8";

        RecordingNotice notice = read(recording(4, "{\"msgName\":\"cloud_recording_file_infos\",\"fileList\":\"" + name + "\"}"));

        assertEquals(List.of(new RecordingFile(name, TrackType.AUDIO, Optional.of("1001"), Optional.empty(), UploadStatus.IN_PROGRESS)),
                notice.files());
    }

    @ParameterizedTest
    @CsvSource({"31, uploaded, UPLOADED", "32, backuped, BACKED_UP"})
    void uploadedAndBackedUpFilesAreTheListsFiles(int eventType, String msgName, UploadStatus status) {
        String details = "{\"msgName\":\"" + msgName + "\",\"fileList\":["
                + "{\"fileName\":\"a.m3u8\",\"trackType\":\"audio\",\"uid\":\"57297\",\"mixedAllUser\":false,\"isPlayable\":true,"
                + "\"sliceStartTime\":1619172871089},"
                + "{\"fileName\":\"mix.mp4\",\"trackType\":\"audio_and_video\",\"uid\":\"0\",\"mixedAllUser\":true,\"isPlayable\":true,"
                + "\"sliceStartTime\":1619172632}],\"status\":0}";

        RecordingNotice notice = read(recording(eventType, details));

        assertEquals(Event.FILES, notice.event());
        assertEquals(List.of(
                new RecordingFile("a.m3u8", TrackType.AUDIO, Optional.of("57297"), Optional.of(Instant.ofEpochMilli(1_619_172_871_089L)),
                        status),
                new RecordingFile("mix.mp4", TrackType.AUDIO_AND_VIDEO, Optional.empty(),
                        Optional.of(Instant.ofEpochSecond(1_619_172_632L)), status)), notice.files(),
                "sliceStartTime in ms or, as the REST client has it, in seconds");
    }

    @Test
    void aWebRecordingsUploadedWithoutAFileListHasNoFiles() {
        RecordingNotice notice = read(recording(31, "{\"msgName\":\"uploaded\",\"status\":0}"));

        assertEquals(Event.FILES, notice.event());
        assertEquals(List.of(), notice.files());
    }

    @Test
    void aNormalSessionExitIsTheEndAndAnAbnormalOneAFailure() {
        RecordingNotice ended = read(recording(11, "{\"msgName\":\"session_exit\",\"exitStatus\":0}"));
        RecordingNotice failed = read(recording(11, "{\"msgName\":\"session_exit\",\"exitStatus\":1}"));

        assertEquals(Event.ENDED, ended.event());
        assertEquals(Optional.empty(), ended.failure());
        assertEquals(Event.FAILED, failed.event());
        assertEquals(Optional.of(new JobFailure(null, "Agora's recording exited abnormally (session_exit, exitStatus 1)")),
                failed.failure());
    }

    @Test
    void aFatalErrorIsAFailureWithAgorasCodeAndMessage() {
        RecordingNotice notice = read(recording(1, "{\"msgName\":\"cloud_recording_error\",\"module\":2,\"errorLevel\":5,"
                + "\"errorCode\":52,\"stat\":1,\"errorMsg\":\"start timeout\"}"));

        assertEquals(Event.FAILED, notice.event());
        assertEquals(Optional.of(new JobFailure("52", "start timeout")), notice.failure());
    }

    @Test
    void aFailoverMovesTheTaskToItsNewRecorder() {
        RecordingNotice notice = read(recording(12, "{\"msgName\":\"session_failover\",\"newUid\":2998123456}"));

        assertEquals(Event.RECORDER_MOVED, notice.event());
        assertEquals(Optional.of(new RecorderIdentity("2998123456")), notice.newRecorder());
        assertEquals(Optional.of(new RecorderIdentity(RECORDER)), notice.recorder(), "the old recorder, which the gateway knows");
    }

    @Test
    void withoutSendtsTheNoticeIsReportedWhenNcsSentIt() {
        String body = envelope(3, 40, NOW, "{\"cname\":\"" + CHANNEL + "\",\"uid\":\"" + RECORDER + "\",\"sid\":\"" + SID
                + "\",\"details\":{\"msgName\":\"recorder_started\",\"status\":0}}");

        assertEquals(NOW, read(body).reportedAt());
    }

    @Test
    void aNoticeNamingOnlyItsRecorderIsReadForTheRecorder() {
        String body = envelope(3, 40, NOW, "{\"cname\":\"" + CHANNEL + "\",\"uid\":\"" + RECORDER + "\",\"details\":{}}");

        RecordingNotice notice = read(body);

        assertEquals(Optional.empty(), notice.taskId());
        assertEquals(Optional.of(new RecorderIdentity(RECORDER)), notice.recorder());
        assertEquals("eventType 40", notice.vendorEvent(), "no msgName: the event type names it");
    }

    @ParameterizedTest
    @CsvSource({"1, 103", "1, 101", "4, 1", "5, 1"})
    void otherProductsEventsAreVerifiedButNoRecordingsNews(int productId, int eventType) {
        CallbackRequest request = signed(envelope(productId, eventType, NOW,
                "{\"channelName\":\"" + CHANNEL + "\",\"uid\":1001,\"ts\":1560408533}"));

        assertEquals("notice-1", callbacks.verify(request, NOW).dedupeKey());
        assertEquals(Optional.empty(), callbacks.read(request));
    }

    // ---- helpers ----

    private RecordingNotice read(String body) {
        CallbackRequest request = signed(body);
        callbacks.verify(request, NOW);
        return callbacks.read(request).orElseThrow();
    }

    static AgoraRecordingCallbacks callbacksWith(String secret) {
        return new AgoraRecordingCallbacks(new AgoraSettings("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b",
                "key", "secret", URI.create("https://api.sd-rtn.com"), Duration.ofSeconds(5)).withCallbackSecret(secret));
    }

    /** {@code body} as NCS posts it, signed with {@link #SECRET}. */
    static CallbackRequest signed(String body) {
        return new CallbackRequest("POST", "", Map.of("Agora-Signature-V2", AgoraRecordingCallbacks.signatureV2(SECRET, body),
                "Content-Type", "application/json"), body);
    }

    /** A cloud recording event of the test's task, sent now and happened at {@link #EVENT_AT}. */
    private static String recording(int eventType, String details) {
        return envelope(3, eventType, NOW, payload(details));
    }

    private static String payload(String details) {
        return "{\"cname\":\"" + CHANNEL + "\",\"uid\":\"" + RECORDER + "\",\"sid\":\"" + SID + "\",\"sequence\":3,\"sendts\":"
                + EVENT_AT.toEpochMilli() + ",\"serviceType\":0,\"details\":" + details + "}";
    }

    private static String envelope(int productId, int eventType, Instant notifyAt, String payload) {
        return "{\"noticeId\":\"notice-1\",\"productId\":" + productId + ",\"eventType\":" + eventType + ",\"notifyMs\":"
                + notifyAt.toEpochMilli() + ",\"payload\":" + payload + "}";
    }
}
