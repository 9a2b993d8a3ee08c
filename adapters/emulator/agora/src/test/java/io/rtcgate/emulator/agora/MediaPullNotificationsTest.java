package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's Media Pull notifications (NCS productId 4, doc.shengwang.cn/doc/media-pull/restful/webhook/ncs-events):
 * a cloud player's creation, its status and its destruction, with the reference's payloads, signed as cloud
 * recording's are.
 */
class MediaPullNotificationsTest {

    private static final String CHANNEL = "room-5-1";
    private static final long ROBOT = 3_000_000_001L;
    private static final String SECRET = "ncs-secret-of-the-project";
    private static final Instant START = Instant.parse("2030-06-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final AgoraEmulator emulator = new AgoraEmulator(clock, AgoraCredentials.random()).start();
    private final MediaPullCalls calls = new MediaPullCalls(emulator, clock);
    private final WebhookReceiver receiver = new WebhookReceiver("{}");

    @BeforeEach
    void deliver() {
        emulator.deliverNotificationsTo(receiver.url("/callbacks/agora"), SECRET, Duration.ofMillis(10));
    }

    @AfterEach
    void close() {
        emulator.close();
        receiver.close();
    }

    @Test
    void aDeletedPlayerIsNotifiedCreatedRunningAndDestroyedOnItsDeleteRequest() {
        String createBody = calls.createBody(CHANNEL, ROBOT, "https://media.example/class.mp4?duration=600",
                "\"name\":\"class\",\"idleTimeout\":60");
        String id = calls.call("POST", calls.players("na"), createBody).json().path("player").path("id").asText();
        clock.advance(Duration.ofSeconds(5));
        assertEquals(200, calls.call("DELETE", calls.players("na") + "/" + id, null).status());

        List<JsonNode> notices = notices(3);

        JsonNode created = notices.get(0);
        assertEquals(List.of("noticeId", "productId", "eventType", "notifyMs", "payload"), names(created));
        assertEquals(4, created.path("productId").intValue());
        assertEquals(1, created.path("eventType").intValue());
        JsonNode player = created.path("payload").path("player");
        assertEquals(List.of("channelName", "playTs", "createTs", "id", "idleTimeout", "name", "streamUrl", "token", "uid", "status"),
                names(player), "the reference's Player Created fields, in its order");
        assertEquals(List.of("player", "lts", "xRequestId"), names(created.path("payload")));
        assertEquals(CHANNEL, player.path("channelName").textValue());
        assertEquals(START.getEpochSecond(), player.path("playTs").longValue());
        assertEquals(START.getEpochSecond(), player.path("createTs").longValue());
        assertEquals(id, player.path("id").textValue());
        assertEquals(60, player.path("idleTimeout").intValue());
        assertEquals("class", player.path("name").textValue());
        assertEquals(ROBOT, player.path("uid").longValue());
        assertEquals("connecting", player.path("status").textValue());
        String fullToken = EmulatorJson.readObject(createBody).path("player").path("token").textValue();
        assertEquals(fullToken.substring(0, 10), player.path("token").textValue(), "ten characters, as the example shows, not the credential");
        assertEquals(START.toEpochMilli(), created.path("payload").path("lts").longValue());
        assertTrue(created.path("payload").path("xRequestId").textValue().matches("[0-9a-f]{32}"), created.toString());

        JsonNode running = notices.get(1);
        assertEquals(4, running.path("eventType").intValue());
        assertEquals("{\"player\":{\"channelName\":\"" + CHANNEL + "\",\"id\":\"" + id + "\",\"name\":\"class\",\"status\":\"running\"},"
                + "\"lts\":" + START.toEpochMilli() + ",\"fields\":\"player.name,player.channelName,player.id,player.status\"}",
                running.path("payload").toString());

        JsonNode destroyed = notices.get(2);
        assertEquals(3, destroyed.path("eventType").intValue());
        assertEquals("{\"player\":{\"channelName\":\"" + CHANNEL + "\",\"id\":\"" + id + "\",\"name\":\"class\",\"playTs\":"
                + START.getEpochSecond() + "},\"lts\":" + START.plusSeconds(5).toEpochMilli() + ",\"destroyReason\":\"Delete Request\","
                + "\"fields\":\"player.name,player.channelName,player.id\"}", destroyed.path("payload").toString());
    }

    @Test
    void aFileThatPlaysToTheEndOfItsRepeatsIsDestroyedForIdleTimeoutWhenItEnded() {
        calls.created(CHANNEL, ROBOT, "https://media.example/class.mp4?duration=120", "\"repeatTime\":2");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(MediaPullPlayer.State.ENDED, emulator.mediaPullPlayers().get(0).state());

        JsonNode destroyed = notices(3).get(2);

        assertEquals(3, destroyed.path("eventType").intValue());
        assertEquals("Idle Timeout", destroyed.path("payload").path("destroyReason").textValue());
        assertEquals(START.plusSeconds(240).toEpochMilli(), destroyed.path("payload").path("lts").longValue(),
                "when the second play ended, not when the emulator noticed");
        assertEquals(clock.millis(), destroyed.path("notifyMs").longValue());
    }

    @Test
    void aPlayerBannedOutOfItsChannelIsDestroyedForAnInternalError() {
        calls.created(CHANNEL, ROBOT, "https://media.example/class.mp4", "");
        new RestCalls(emulator).createRule("\"cname\":\"" + CHANNEL + "\",\"time_in_seconds\":60,\"privileges\":[\"join_channel\"]");
        emulator.mediaPullPlayers();

        assertEquals("Internal Error", notices(3).get(2).path("payload").path("destroyReason").textValue());
    }

    @Test
    void aPlayerWaitingForItsPlayTsReportsRunningWhenItStarts() {
        long playTs = START.plusSeconds(60).getEpochSecond();
        calls.created(CHANNEL, ROBOT, "https://media.example/class.mp4", "\"playTs\":" + playTs);
        JsonNode created = notices(1).get(0);
        assertEquals(playTs, created.path("payload").path("player").path("playTs").longValue());

        clock.advance(Duration.ofSeconds(61));
        emulator.mediaPullPlayers();

        JsonNode running = notices(1).get(0);
        assertEquals(4, running.path("eventType").intValue());
        assertEquals(playTs * 1000, running.path("payload").path("lts").longValue());
    }

    @Test
    void aNotificationIsSignedAsCloudRecordingsAreAndNamedByANoticeIdOfItsOwn() {
        calls.created(CHANNEL, ROBOT, "https://media.example/class.mp4", "");

        List<Delivery> deliveries = receiver.next(2);

        for (Delivery delivery : deliveries) {
            assertEquals(AgoraNotifications.headers(SECRET, delivery.body()).get("Agora-Signature-V2"),
                    delivery.header("Agora-Signature-V2"));
            assertEquals(AgoraNotifications.headers(SECRET, delivery.body()).get("Agora-Signature"), delivery.header("Agora-Signature"));
        }
        assertTrue(!EmulatorJson.readObject(deliveries.get(0).body()).path("noticeId").equals(
                EmulatorJson.readObject(deliveries.get(1).body()).path("noticeId")));
    }

    private List<JsonNode> notices(int count) {
        return receiver.next(count).stream().map(delivery -> (JsonNode) EmulatorJson.readObject(delivery.body())).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
