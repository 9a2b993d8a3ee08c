package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.testkit.WebhookReceiver;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook subscriptions over the admin API, and room events delivered to a real receiver, signed, retried, resent. */
@MicronautTest(transactional = false)
class WebhookApiTest extends WebhookApiTestBase {

    @Test
    void adminsManageSubscriptionsAndSeeTheSecretOnce() {
        Map<String, Object> created = subscribe(List.of("room.started", "room.created"));
        String id = (String) created.get("id");
        String secret = (String) created.get("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length, "a 256-bit key");
        assertEquals(List.of("room.created", "room.started"), created.get("event_types"), "in the catalogue's order");
        assertEquals(true, created.get("enabled"));
        assertEquals(false, created.get("failing"));

        Reply read = wire.get(WEBHOOKS + "/" + id, admin().token());
        assertEquals(200, read.status(), read.body());
        assertFalse(read.json().containsKey("secret"), read.body());
        assertFalse(read.body().contains(secret.substring(6)), "the secret is shown once: " + read.body());
        Reply list = wire.get(WEBHOOKS, admin().token());
        assertEquals(200, list.status(), list.body());
        assertTrue(list.list().stream().anyMatch(view -> id.equals(view.get("id"))), list.body());
        assertFalse(list.body().contains(secret.substring(6)), list.body());

        Reply disabled = wire.patch(WEBHOOKS + "/" + id, admin().token(), "{\"enabled\":false}");
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals(false, disabled.json().get("enabled"));
        assertEquals(List.of("room.created", "room.started"), disabled.json().get("event_types"), "left out, kept");
        Reply allTypes = wire.patch(WEBHOOKS + "/" + id, admin().token(), "{\"event_types\":null}");
        assertEquals(200, allTypes.status(), allTypes.body());
        assertNull(allTypes.json().get("event_types"), allTypes.body());
        assertEquals(false, allTypes.json().get("enabled"), "left out, kept");

        assertEquals(204, wire.delete(WEBHOOKS + "/" + id, admin().token()).status());
        assertEquals(404, wire.get(WEBHOOKS + "/" + id, admin().token()).status());
        assertEquals(404, wire.delete(WEBHOOKS + "/" + id, admin().token()).status());
    }

    @Test
    void onlyAdminsReachWebhooks() {
        String id = (String) subscribe(null).get("id");
        User user = aui.newUser();
        String body = wire.toJson(fields("url", receiver.url("/hooks").toString()));
        assertEquals(403, wire.post(WEBHOOKS, user.token(), body).status());
        assertEquals(403, wire.get(WEBHOOKS, user.token()).status());
        assertEquals(403, wire.get(WEBHOOKS + "/" + id, user.token()).status());
        assertEquals(403, wire.patch(WEBHOOKS + "/" + id, user.token(), "{\"enabled\":false}").status());
        assertEquals(403, wire.delete(WEBHOOKS + "/" + id, user.token()).status());
        assertEquals(403, wire.get(WEBHOOKS + "/" + id + "/deliveries", user.token()).status());
        assertEquals(401, wire.post(WEBHOOKS, null, body).status());
        assertEquals(200, wire.get(WEBHOOKS + "/" + id, admin().token()).status(), "nothing changed");
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        String receiverUrl = receiver.url("/hooks").toString();
        assertRefused(createWebhook(null, null), "url");
        assertRefused(createWebhook("ftp://example.com/hooks", null), "url");
        assertRefused(createWebhook("not a url", null), "url");
        assertRefused(createWebhook("http:///no-host", null), "url");
        assertRefused(createWebhook(receiverUrl, List.of("room.started", "room.exploded")), "event_types");
        assertRefused(createWebhook(receiverUrl, List.of()), "event_types");

        String id = (String) subscribe(null).get("id");
        assertRefused(wire.patch(WEBHOOKS + "/" + id, admin().token(), "{\"enabled\":\"yes\"}"), "enabled");
        assertRefused(wire.patch(WEBHOOKS + "/" + id, admin().token(), "{\"event_types\":\"room.started\"}"), "event_types");
        assertRefused(wire.patch(WEBHOOKS + "/" + id, admin().token(), "{\"event_types\":[\"nope\"]}"), "event_types");
        assertRefused(wire.get(WEBHOOKS + "/" + id + "/deliveries?limit=0", admin().token()), "limit");
        assertRefused(wire.get(WEBHOOKS + "/" + id + "/deliveries?cursor=bogus", admin().token()), "cursor");
        assertEquals(404, wire.patch(WEBHOOKS + "/wh_missing", admin().token(), "{\"enabled\":false}").status());
        assertEquals(404, wire.get(WEBHOOKS + "/wh_missing/deliveries", admin().token()).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRoomsChangesArriveSignedInSeqOrderWithTheEventAsBody() {
        Map<String, Object> subscription = subscribe(null);
        String id = (String) subscription.get("id");
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent").get("id");
        startAndStopRoom(anchor, roomId);

        List<Map<String, Object>> deliveries = deliverAll(id, 3);

        List<Map<String, Object>> events = RoomEventApiTest.items(wire.get(ROOMS + "/" + roomId + "/events", anchor.token()));
        List<WebhookReceiver.Delivery> arrived = receiver.received();
        assertEquals(3, arrived.size(), arrived.toString());
        for (int i = 0; i < 3; i++) {
            WebhookReceiver.Delivery delivery = arrived.get(i);
            assertEquals("POST", delivery.method());
            assertEquals("/hooks", delivery.path());
            assertEquals("application/json", delivery.header("Content-Type"));
            verifySignature((String) subscription.get("secret"), delivery);
            assertEquals(events.get(i), jsonObject(delivery.body()), "the body is the event as the events API shows it");
        }
        // newest first in the listing, the oldest event went out first
        List<Map<String, Object>> oldestFirst = deliveries.stream()
                .sorted(Comparator.comparingLong(d -> ((Number) d.get("seq")).longValue())).toList();
        assertEquals(List.of("room.created", "room.started", "room.stopped"), oldestFirst.stream().map(d -> d.get("event_type")).toList());
        assertEquals(oldestFirst.stream().map(d -> "msg_" + d.get("id")).toList(),
                arrived.stream().map(d -> d.header("webhook-id")).toList(), "webhook-id is msg_<delivery id>, sent in seq order");
        for (Map<String, Object> delivery : deliveries) {
            assertEquals(roomId, delivery.get("room_id"));
            assertEquals(id, delivery.get("subscription_id"));
            assertEquals(List.of(200), statusCodes(delivery), delivery.toString());
            assertNull(delivery.get("next_attempt_at"), "nothing left to try");
        }

        Reply firstPage = wire.get(WEBHOOKS + "/" + id + "/deliveries?limit=2", admin().token());
        String cursor = firstPage.text("next_cursor");
        assertNotNull(cursor, firstPage.body());
        Reply secondPage = wire.get(WEBHOOKS + "/" + id + "/deliveries?limit=2&cursor=" + cursor, admin().token());
        assertEquals(List.of(oldestFirst.get(0).get("id")),
                ((List<Map<String, Object>>) secondPage.json().get("items")).stream().map(d -> d.get("id")).toList(), secondPage.body());
        assertNull(secondPage.json().get("next_cursor"));
    }

    @Test
    void onlyTheSubscribedTypesAreDeliveredAndNothingWhileDisabled() {
        String stopsOnly = (String) subscribe(List.of("room.stopped")).get("id");
        String disabled = (String) subscribe(null).get("id");
        assertEquals(200, wire.patch(WEBHOOKS + "/" + disabled, admin().token(), "{\"enabled\":false}").status());
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent").get("id");
        startAndStopRoom(anchor, roomId);

        List<Map<String, Object>> deliveries = deliverAll(stopsOnly, 1);

        assertEquals("room.stopped", deliveries.get(0).get("event_type"));
        assertEquals(3L, ((Number) deliveries.get(0).get("seq")).longValue());
        assertEquals(List.of(), deliveries(disabled), "a disabled subscription queues nothing");
        assertEquals(1, receiver.received().size(), receiver.received().toString());
        assertEquals("room.stopped", jsonObject(receiver.received().get(0).body()).get("type"));
    }

    @Test
    void failuresAreRetriedWithBackoffUntilA2xx() {
        String id = (String) subscribe(null).get("id");
        receiver.answerWith(500, 503);
        User anchor = aui.newUser();
        createRoomOn(anchor, "tencent");

        dispatcher.runDue();
        Map<String, Object> afterOne = deliveries(id).get(0);
        assertEquals("pending", afterOne.get("state"));
        assertEquals(List.of(500), statusCodes(afterOne));
        assertNotNull(afterOne.get("next_attempt_at"), "the next retry is shown");

        Map<String, Object> delivered = deliverAll(id, 1).get(0);

        assertEquals(List.of(500, 503, 200), statusCodes(delivered));
        List<WebhookReceiver.Delivery> tries = received("msg_" + delivered.get("id"));
        assertEquals(3, tries.size(), "one webhook-id on every try: " + tries);
        assertEquals(1, tries.stream().map(WebhookReceiver.Delivery::body).distinct().count(), "the same body each time");
    }

    @Test
    void aReceiverTooSlowForTheTimeoutIsRetried() {
        String id = (String) subscribe(null).get("id");
        receiver.answerLate(Duration.ofMillis(1500), 200);
        User anchor = aui.newUser();
        createRoomOn(anchor, "tencent");

        Map<String, Object> delivered = deliverAll(id, 1).get(0);

        List<Map<String, Object>> attempts = attempts(delivered);
        assertEquals(2, attempts.size(), delivered.toString());
        assertNull(attempts.get(0).get("status_code"), "no answer in time");
        assertEquals("no answer within 1000 ms", attempts.get(0).get("error"));
        assertEquals(200, ((Number) attempts.get(1).get("status_code")).intValue());
    }

    @Test
    void anAdminSendsADeliveryAgainNow() {
        Map<String, Object> subscription = subscribe(null);
        String id = (String) subscription.get("id");
        User anchor = aui.newUser();
        createRoomOn(anchor, "tencent");
        Map<String, Object> delivery = deliverAll(id, 1).get(0);
        String path = WEBHOOKS + "/" + id + "/deliveries/" + delivery.get("id") + "/retry";

        Reply resent = wire.post(path, admin().token(), "");

        assertEquals(200, resent.status(), resent.body());
        assertEquals("delivered", resent.text("state"));
        assertEquals(List.of(200, 200), statusCodes(resent.json()));
        List<WebhookReceiver.Delivery> arrived = received("msg_" + delivery.get("id"));
        assertEquals(2, arrived.size(), arrived.toString());
        verifySignature((String) subscription.get("secret"), arrived.get(1));

        receiver.answerWith(500);
        Reply failedResend = wire.post(path, admin().token(), "");
        assertEquals(200, failedResend.status(), failedResend.body());
        assertEquals("delivered", failedResend.text("state"), "a failed resend leaves a delivered one delivered");
        assertEquals(List.of(200, 200, 500), statusCodes(failedResend.json()));

        assertEquals(403, wire.post(path, aui.newUser().token(), "").status());
        assertEquals(404, wire.post(WEBHOOKS + "/" + id + "/deliveries/999999999/retry", admin().token(), "").status());
        assertRefused(wire.post(WEBHOOKS + "/" + id + "/deliveries/x/retry", admin().token(), ""), "delivery");
    }

    private static void assertRefused(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals(field, reply.errorField(), reply.body());
    }
}
