package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A delivery that keeps failing gives up once it is older than the maximum age (2 s here, 24 h by default): it is
 * failed, its subscription is flagged with the last error, and nothing sends it again until an admin does.
 */
@MicronautTest(transactional = false)
@Property(name = "rtcgate.webhooks.max-age", value = "2s")
class WebhookGiveUpApiTest extends WebhookApiTestBase {

    @Test
    void aDeliveryFailingForTheMaxAgeFailsAndFlagsItsSubscription() {
        String id = (String) subscribe(null).get("id");
        receiver.answerWith(IntStream.generate(() -> 500).limit(200).toArray());
        User anchor = aui.newUser();
        createRoomOn(anchor, "tencent");

        deliverUntil(dispatcher, id, all -> all.size() == 1 && "failed".equals(all.get(0).get("state")), "the delivery gives up");

        Map<String, Object> failed = deliveries(id).get(0);
        int attempts = attempts(failed).size();
        assertTrue(attempts >= 3, "retried over the max age first: " + failed);
        assertNull(failed.get("next_attempt_at"), "no retry is planned");
        Reply subscription = wire.get(WEBHOOKS + "/" + id, admin().token());
        assertEquals(true, subscription.json().get("failing"), subscription.body());
        assertEquals("answered HTTP 500", subscription.json().get("last_error"), subscription.body());

        int arrived = receiver.received().size();
        for (int pass = 0; pass < 5; pass++) {
            dispatcher.runDue();
            sleep(Duration.ofMillis(100));
        }
        assertEquals(arrived, receiver.received().size(), "a failed delivery is not sent again");

        Reply resent = wire.post(WEBHOOKS + "/" + id + "/deliveries/" + failed.get("id") + "/retry", admin().token(), "");
        assertEquals(200, resent.status(), resent.body());
        assertEquals("failed", resent.text("state"), "a failed resend leaves it failed");
        assertEquals(attempts + 1, attempts(resent.json()).size());
    }
}
