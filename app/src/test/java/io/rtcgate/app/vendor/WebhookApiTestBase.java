package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.webhook.WebhookDispatcher;
import io.rtcgate.testkit.WebhookReceiver;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A webhook receiver on a loopback port and the admin webhook API. Every subscription a test makes is deleted after
 * it, with its deliveries, so no other test's events go to a receiver that is gone. The delivery worker is off in
 * tests: a test runs the passes of the node it means.
 */
abstract class WebhookApiTestBase extends VendorApiTestBase {

    static final String WEBHOOKS = "/v1/admin/webhooks";

    @Inject
    WebhookDispatcher dispatcher;

    WebhookReceiver receiver;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver("");
    }

    @AfterEach
    void deleteSubscriptions() {
        try {
            for (String id : subscriptions) {
                Reply deleted = wire.delete(WEBHOOKS + "/" + id, admin().token());
                assertTrue(deleted.status() == 204 || deleted.status() == 404, "could not delete webhook " + id + ": " + deleted.body());
            }
        } finally {
            subscriptions.clear();
            receiver.close();
        }
    }

    /** Subscribes the receiver at {@code /hooks} to {@code eventTypes} (null for all); the 201 answer, secret included. */
    Map<String, Object> subscribe(List<String> eventTypes) {
        Reply created = createWebhook(receiver.url("/hooks").toString(), eventTypes);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    Reply createWebhook(String url, List<String> eventTypes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        if (eventTypes != null) {
            body.put("event_types", eventTypes);
        }
        Reply reply = wire.post(WEBHOOKS, admin().token(), wire.toJson(body));
        if (reply.status() == 201) {
            subscriptions.add(reply.text("id"));
        }
        return reply;
    }

    /** The subscription's deliveries, newest first, as the admin API shows them (one page of up to 100). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> deliveries(String subscriptionId) {
        Reply page = wire.get(WEBHOOKS + "/" + subscriptionId + "/deliveries?limit=100", admin().token());
        assertEquals(200, page.status(), page.body());
        return (List<Map<String, Object>>) page.json().get("items");
    }

    /** Runs delivery passes on {@code node} until the subscription's deliveries satisfy {@code done}. */
    void deliverUntil(WebhookDispatcher node, String subscriptionId, Predicate<List<Map<String, Object>>> done, String what) {
        await(() -> {
            node.runDue();
            return done.test(deliveries(subscriptionId));
        }, what);
    }

    /** Runs passes on this node until the subscription has {@code count} deliveries, all delivered. */
    List<Map<String, Object>> deliverAll(String subscriptionId, int count) {
        deliverUntil(dispatcher, subscriptionId, all -> all.size() == count && all.stream().allMatch(d -> "delivered".equals(d.get("state"))),
                count + " deliveries delivered");
        return deliveries(subscriptionId);
    }

    /** What arrived with {@code webhook-id}, in order. */
    List<WebhookReceiver.Delivery> received(Object webhookId) {
        return receiver.received().stream().filter(delivery -> webhookId.equals(delivery.header("webhook-id"))).toList();
    }

    /** Checks the signature with the Standard Webhooks library's own verifier; fails the test when it does not hold. */
    static void verifySignature(String secret, WebhookReceiver.Delivery delivery) {
        try {
            new Webhook(secret).verify(delivery.body(), delivery.headers());
        } catch (Exception e) {
            throw new AssertionError("the signature of " + delivery + " does not verify", e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> attempts(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attempts");
    }

    /** The status codes of a delivery's attempts, null for one without an answer. */
    static List<Object> statusCodes(Map<String, Object> delivery) {
        return attempts(delivery).stream().map(attempt -> attempt.get("status_code") == null ? null
                : (Object) ((Number) attempt.get("status_code")).intValue()).toList();
    }
}
