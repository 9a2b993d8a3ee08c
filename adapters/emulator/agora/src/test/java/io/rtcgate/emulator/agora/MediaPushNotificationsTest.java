package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.emulator.Digests;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's Media Push notifications (productId 5) and RTC channel events (productId 1), signed as every NCS
 * notification: what the gateway's co-hosting learns the anchor's presence and the converter's state from.
 */
class MediaPushNotificationsTest {

    private static final String CHANNEL = "room-7-1";
    private static final long ANCHOR = 4001;
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
    void aConvertersLifeIsNotifiedCreatedRunningUpdatedAndDestroyed() {
        String id = calls.call("POST", converters(), MediaPushApiTest.createBody("room7_mix", 300)).json()
                .path("converter").path("id").textValue();
        emulator.joinChannel(CHANNEL, ANCHOR, true);
        clock.advance(Duration.ofSeconds(3));
        String update = "{\"converter\":{\"rtmpUrl\":\"rtmp://push.example/live/other\"},\"fields\":\"rtmpUrl\"}";
        assertEquals(200, calls.call("PATCH", converters() + "/" + id + "?sequence=1", update).status());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(200, calls.call("DELETE", converters() + "/" + id, null).status());

        List<JsonNode> notices = notices(4);

        assertEquals(List.of(5, 5, 5, 5), notices.stream().map(notice -> notice.path("productId").intValue()).toList());
        assertEquals(List.of(1, 3, 2, 4), notices.stream().map(notice -> notice.path("eventType").intValue()).toList());
        JsonNode created = notices.get(0).path("payload");
        assertEquals(id, created.path("converter").path("id").textValue());
        assertEquals("room7_mix", created.path("converter").path("name").textValue());
        assertEquals(CHANNEL, created.path("converter").path("transcodeOptions").path("rtcChannel").textValue());
        assertEquals("connecting", created.path("converter").path("state").textValue());
        assertEquals(START.toEpochMilli(), created.path("lts").longValue());
        JsonNode running = notices.get(1).path("payload");
        assertEquals("{\"converter\":{\"id\":\"" + id + "\",\"createTs\":" + START.getEpochSecond() + ",\"updateTs\":"
                + START.getEpochSecond() + ",\"state\":\"running\"},\"lts\":" + START.toEpochMilli()
                + ",\"fields\":\"id,createTs,updateTs,state\"}", running.toString(), "the reference's status changed payload");
        JsonNode updated = notices.get(2).path("payload");
        assertEquals("rtmp://push.example/live/other", updated.path("converter").path("rtmpUrl").textValue());
        assertEquals("id,createTs,updateTs,state,rtmpUrl", updated.path("fields").textValue());
        JsonNode destroyed = notices.get(3).path("payload");
        assertEquals("Delete Request", destroyed.path("destroyReason").textValue());
        assertEquals("room7_mix", destroyed.path("converter").path("name").textValue());
        assertEquals(START.plusSeconds(5).toEpochMilli(), destroyed.path("lts").longValue());
    }

    @Test
    void aFailedPushIsNotifiedAsAStatusChange() {
        String id = calls.call("POST", converters(), MediaPushApiTest.createBody("room7_mix", 300)).json()
                .path("converter").path("id").textValue();

        emulator.failMediaPushConverter(id);

        JsonNode failed = notices(2).get(1);
        assertEquals(3, failed.path("eventType").intValue());
        assertEquals("failed", failed.path("payload").path("converter").path("state").textValue());
    }

    @Test
    void aConverterAgoraDestroysOnItsOwnErrorIsNotifiedWithTheInternalErrorReason() {
        String id = calls.call("POST", converters(), MediaPushApiTest.createBody("room7_mix", 300)).json()
                .path("converter").path("id").textValue();

        emulator.crashMediaPushConverter(id);

        JsonNode destroyed = notices(2).get(1);
        assertEquals(4, destroyed.path("eventType").intValue());
        assertEquals("Internal Error", destroyed.path("payload").path("destroyReason").textValue());
        assertEquals(MediaPushConverter.State.ENDED, emulator.mediaPushConverters().get(0).state());
        assertEquals(404, calls.call("DELETE", converters() + "/" + id, null).status());
    }

    @Test
    void aSubscribedProjectHearsOfBroadcastersJoiningChangingRoleAndLeaving() {
        emulator.subscribeChannelEvents(true);
        emulator.joinChannel(CHANNEL, ANCHOR, true);
        clock.advance(Duration.ofSeconds(30));
        emulator.setClientRole(CHANNEL, ANCHOR, false);
        emulator.setClientRole(CHANNEL, ANCHOR, true);
        emulator.leaveChannel(CHANNEL, ANCHOR);

        List<JsonNode> notices = notices(6);

        assertEquals(List.of(101, 103, 112, 111, 104, 102), notices.stream().map(notice -> notice.path("eventType").intValue()).toList());
        assertTrue(notices.stream().allMatch(notice -> notice.path("productId").intValue() == 1));
        JsonNode join = notices.get(1);
        assertEquals(List.of("noticeId", "productId", "eventType", "notifyMs", "sid", "payload"), names(join));
        assertEquals("{\"channelName\":\"" + CHANNEL + "\",\"uid\":" + ANCHOR + ",\"platform\":0,\"clientSeq\":1,\"ts\":"
                + START.getEpochSecond() + ",\"account\":\"" + ANCHOR + "\"}", join.path("payload").toString());
        JsonNode leave = notices.get(4);
        assertEquals(join.path("sid").textValue(), leave.path("sid").textValue(), "one session");
        assertEquals(1, leave.path("payload").path("reason").intValue());
        assertEquals(30, leave.path("payload").path("duration").longValue());
        assertTrue(leave.path("payload").path("clientSeq").longValue() > notices.get(3).path("payload").path("clientSeq").longValue());
        assertFalse(notices.get(2).path("payload").has("platform"), "a role change has no platform");
        assertEquals(ANCHOR, notices.get(5).path("payload").path("lastUid").longValue());
    }

    @Test
    void aBroadcasterABanningRulePutsOutLeavesForThePermissionReason() {
        emulator.subscribeChannelEvents(true);
        emulator.joinChannel(CHANNEL, ANCHOR, true);
        emulator.joinChannel(CHANNEL, ANCHOR + 1, false);

        new RestCalls(emulator).createRule("\"cname\":\"" + CHANNEL + "\",\"uid\":" + ANCHOR + ",\"privileges\":[\"join_channel\"]");

        List<JsonNode> notices = notices(4);
        assertEquals(List.of(101, 103, 105, 104), notices.stream().map(notice -> notice.path("eventType").intValue()).toList());
        assertEquals(ANCHOR, notices.get(3).path("payload").path("uid").longValue());
        assertEquals(3, notices.get(3).path("payload").path("reason").intValue());
        assertFalse(emulator.isInChannel(CHANNEL, ANCHOR));
    }

    @Test
    void aProjectNotSubscribedToChannelEventsHearsNothingOfThem() {
        emulator.joinChannel(CHANNEL, ANCHOR, true);
        emulator.leaveChannel(CHANNEL, ANCHOR);
        calls.call("POST", converters(), MediaPushApiTest.createBody("room7_mix", 300));

        assertEquals(List.of(5), notices(1).stream().map(notice -> notice.path("productId").intValue()).toList());
    }

    private List<JsonNode> notices(int count) {
        List<Delivery> deliveries = receiver.next(count);
        for (Delivery delivery : deliveries) {
            byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
            assertEquals(Digests.hex(Digests.hmacSha256(key, delivery.body())), delivery.header("Agora-Signature-V2"));
            assertEquals(Digests.hex(Digests.hmacSha1(key, delivery.body())), delivery.header("Agora-Signature"));
        }
        return deliveries.stream().map(delivery -> EmulatorJson.readTree(delivery.body())).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String converters() {
        return "/na/v1/projects/" + emulator.credentials().appId() + "/rtmp-converters";
    }
}
