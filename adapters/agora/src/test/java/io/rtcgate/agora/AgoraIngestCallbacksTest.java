package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.ingest.IngestCallbacks;
import io.rtcgate.domain.ingest.IngestNotice;
import io.rtcgate.domain.ingest.IngestNotice.Event;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.vendor.VendorPort;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agora's Media Pull notifications (productId 4) with the payloads of the reference's examples
 * (doc.shengwang.cn/doc/media-pull/restful/webhook/ncs-events): verified at the shared endpoint, read as an ingest's news.
 */
class AgoraIngestCallbacksTest {

    private static final String SECRET = AgoraRecordingCallbacksTest.SECRET;
    private static final String PLAYER_ID = "2a784467d647bb87b60b719f6fa56317";
    private static final long NOTIFY_MS = 1575508670000L;
    /** 1 Player Created, the reference's example payload. */
    private static final String CREATED = "{\"player\":{\"channelName\":\"class32\",\"playTs\":1575508644,\"createTs\":1575508644,"
            + "\"id\":\"" + PLAYER_ID + "\",\"idleTimeout\":300,\"name\":\"teacher101\",\"streamUrl\":"
            + "\"rtmp://example.agora.io/live/class32/teacher101\",\"token\":\"2a784467d6\",\"uid\":101,\"status\":\"connecting\"},"
            + "\"lts\":1575508644149,\"xRequestId\":\"7bbcc8a4acce48c78b53c5a261a8a564\"}";
    /** 3 Player Destroyed, the reference's example payload. */
    private static final String DESTROYED = "{\"player\":{\"channelName\":\"class32\",\"id\":\"" + PLAYER_ID + "\",\"name\":\"web\","
            + "\"playTs\":1575508644},\"lts\":1575508666666,\"destroyReason\":\"Delete Request\","
            + "\"fields\":\"player.name,player.channelName,player.id\"}";
    /** 4 Player Status Changed, the reference's example payload: its status the number 200, though the text says a string. */
    private static final String STATUS_CHANGED = "{\"player\":{\"channelName\":\"class32\",\"id\":\"" + PLAYER_ID + "\",\"name\":\"web\","
            + "\"status\":200},\"lts\":1575508645000,\"fields\":\"player.name,player.channelName,player.id,player.status\"}";

    private final AgoraRecordingCallbacks verifier = AgoraRecordingCallbacksTest.callbacksWith(SECRET);
    private final AgoraIngestCallbacks reader = new AgoraIngestCallbacks();

    @Test
    void theReferencesPlayerCreatedIsVerifiedAtTheSharedEndpointAndReadsAsStarted() {
        CallbackRequest request = signed(notification(1, CREATED));

        verifier.verify(request, Instant.ofEpochMilli(NOTIFY_MS));

        assertEquals(Optional.of(new IngestNotice(Event.STARTED, PLAYER_ID, Optional.empty(), Instant.ofEpochMilli(1575508644149L),
                "media-pull 1 player created")), reader.read(request));
        assertEquals(Optional.empty(), verifier.read(request), "no recording's news");
    }

    @Test
    void theReferencesPlayerDestroyedOnADeleteRequestReadsAsEnded() {
        assertEquals(Optional.of(new IngestNotice(Event.ENDED, PLAYER_ID, Optional.empty(), Instant.ofEpochMilli(1575508666666L),
                "media-pull 3 player destroyed (Delete Request)")), reader.read(signed(notification(3, DESTROYED))));
    }

    @Test
    void aPlayerDestroyedOnAnIdleTimeoutEndedButOnAnInternalErrorFailed() {
        IngestNotice idle = reader.read(signed(notification(3, DESTROYED.replace("Delete Request", "Idle Timeout")))).orElseThrow();
        IngestNotice error = reader.read(signed(notification(3, DESTROYED.replace("Delete Request", "Internal Error")))).orElseThrow();

        assertEquals(Event.ENDED, idle.event());
        assertEquals("media-pull 3 player destroyed (Idle Timeout)", idle.vendorEvent());
        assertEquals(Event.FAILED, error.event());
        JobFailure failure = error.failure().orElseThrow();
        assertEquals("3/Internal Error", failure.vendorCode());
        assertTrue(failure.message().contains("channel error"), failure.message());
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @CsvSource({
            "'\"running\"', PROGRESS, media-pull 4 player status changed (running)",
            "'\"connecting\"', PROGRESS, media-pull 4 player status changed (connecting)",
            "200, PROGRESS, media-pull 4 player status changed (200)",
            "'\"failed\"', FAILED, media-pull 4 player status changed (failed)"})
    void aStatusChangeIsProgressUnlessThePlayerFailed(String status, Event event, String vendorEvent) {
        IngestNotice notice = reader.read(signed(notification(4, STATUS_CHANGED.replace("200", status)))).orElseThrow();

        assertEquals(event, notice.event());
        assertEquals(vendorEvent, notice.vendorEvent());
        assertEquals(Instant.ofEpochMilli(1575508645000L), notice.reportedAt());
        assertEquals(event == Event.FAILED, notice.failure().map(JobFailure::vendorCode).equals(Optional.of("4/failed")));
    }

    @Test
    void withoutLtsTheNotificationsSendTimeIsTheEventsTime() {
        IngestNotice notice = reader.read(signed(notification(1, "{\"player\":{\"id\":\"" + PLAYER_ID + "\"}}"))).orElseThrow();

        assertEquals(Instant.ofEpochMilli(NOTIFY_MS), notice.reportedAt());
    }

    @Test
    void otherProductsAreNotAnIngestsNews() {
        String recorderStarted = "{\"noticeId\":\"n-3\",\"productId\":3,\"eventType\":40,\"notifyMs\":" + NOTIFY_MS
                + ",\"payload\":{\"cname\":\"class32\",\"uid\":\"7\",\"sid\":\"s\",\"details\":{\"status\":0}}}";
        String channelCreated = "{\"noticeId\":\"n-1\",\"productId\":1,\"eventType\":101,\"notifyMs\":" + NOTIFY_MS
                + ",\"payload\":{\"channelName\":\"class32\",\"ts\":1575508644}}";

        assertEquals(Optional.empty(), reader.read(signed(recorderStarted)));
        assertEquals(Optional.empty(), reader.read(signed(channelCreated)));
    }

    @Test
    void aMediaPullNotificationTheGatewayCannotReadFailsNamingTheField() {
        assertEquals("payload.player.id is required", problem(notification(1, "{\"player\":{\"name\":\"web\"},\"lts\":1}")));
        assertEquals("payload.player is required", problem(notification(3, "{\"lts\":1,\"destroyReason\":\"Delete Request\"}")));
        assertEquals("payload.destroyReason is required", problem(notification(3, "{\"player\":{\"id\":\"p\"},\"lts\":1}")));
        assertEquals("payload.lts has the wrong type", problem(notification(1, "{\"player\":{\"id\":\"p\"},\"lts\":\"soon\"}")));
        assertEquals("payload must be an object", problem(notification(1, "[]")));
    }

    @Test
    void agorasFactoryOffersTheIngestReaderOnlyWithTheSecretItsDeliveriesAreVerifiedWith() {
        AgoraSettings settings = new AgoraSettings("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", "key",
                "secret", URI.create("https://api.sd-rtn.com"), Duration.ofSeconds(5));

        assertTrue(ingestReaders(settings).isEmpty());
        assertEquals(List.of(AgoraIngestCallbacks.class), ingestReaders(settings.withCallbackSecret(SECRET)).stream()
                .map(Object::getClass).toList());
    }

    private String problem(String body) {
        String message = assertThrows(IllegalArgumentException.class, () -> reader.read(signed(body))).getMessage();
        return message.substring(0, message.indexOf(" in an Agora Media Pull notification"));
    }

    private static List<VendorPort> ingestReaders(AgoraSettings settings) {
        return AgoraPorts.create(settings, new InMemoryNumericUidRegistry(1000), Clock.systemUTC()).stream()
                .filter(IngestCallbacks.class::isInstance).toList();
    }

    private static String notification(int eventType, String payload) {
        return "{\"noticeId\":\"notice-" + eventType + "\",\"productId\":4,\"eventType\":" + eventType + ",\"notifyMs\":" + NOTIFY_MS
                + ",\"payload\":" + payload + "}";
    }

    private static CallbackRequest signed(String body) {
        return AgoraRecordingCallbacksTest.signed(body);
    }
}
