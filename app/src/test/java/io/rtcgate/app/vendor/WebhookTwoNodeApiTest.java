package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.domain.webhook.DueDelivery;
import io.rtcgate.domain.webhook.WebhookDeliveryStore;
import io.rtcgate.domain.webhook.WebhookDispatcher;
import io.rtcgate.testkit.Concurrently;
import io.rtcgate.testkit.WebhookReceiver;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one database deliver one webhook queue: a node stopped in the middle of a retry schedule, even
 * while it is sending, loses nothing, and nodes delivering at the same time never send one delivery twice.
 */
@MicronautTest(transactional = false)
class WebhookTwoNodeApiTest extends WebhookApiTestBase {

    @Inject
    DatasourceConfiguration database;

    /** The lease of a pass in the tests' settings: timeout (1 s) times batch-size (2) + 1. */
    private static final Duration LEASE = Duration.ofSeconds(3);

    private EmbeddedServer nodeB;

    @BeforeEach
    void startNodeB() {
        nodeB = AgoraNode.start(database, emulators);
    }

    @AfterEach
    void stopNodeB() {
        if (nodeB.getApplicationContext().isRunning()) {
            nodeB.getApplicationContext().close();
        }
    }

    @Test
    void aNodeStoppedMidScheduleAndMidRequestLosesNothing() throws Exception {
        String id = (String) subscribe(null).get("id");
        receiver.answerWith(500, 500);
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent").get("id");
        startAndStopRoom(anchor, roomId);
        WebhookDispatcher onB = nodeB.getApplicationContext().getBean(WebhookDispatcher.class);
        deliverUntil(onB, id, all -> all.stream().anyMatch(d -> attempts(d).size() == 2), "node B's first retry failed");
        assertEquals(2, receiver.received().size(), "the room's first event failed twice, the others wait behind it");

        // node B stops while its next request is in flight and answered too late; recorded or not, nothing is lost
        receiver.answerLate(Duration.ofMillis(1500), 200);
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> {
            while (receiver.received().size() < 3) {
                onB.runDue();
            }
        });
        await(() -> receiver.received().size() == 3, "node B's next request reaches the receiver");
        nodeB.getApplicationContext().close();
        inFlight.handle((done, error) -> null).get();

        List<Map<String, Object>> deliveries = deliverAll(id, 3);

        for (Map<String, Object> delivery : deliveries) {
            List<WebhookReceiver.Delivery> tries = received("msg_" + delivery.get("id"));
            assertTrue(tries.stream().anyMatch(t -> t.answeredWith() == 200), "delivered: " + tries);
        }
        assertEquals(List.of("room.created", "room.started", "room.stopped"), receiver.received().stream()
                .filter(d -> d.answeredWith() == 200).map(d -> (String) jsonObject(d.body()).get("type")).distinct().toList(),
                "each room event delivered, in seq order");
    }

    /** A kill -9 between claim and send: the claim outlives its node, and only its lease keeps the others off. */
    @Test
    void aClaimLeftByANodeThatDiedIsTakenOverWhenItsLeaseEnds() {
        String id = (String) subscribe(null).get("id");
        createRoomOn(aui.newUser(), "tencent");
        Instant claimedAt = Instant.now();
        List<DueDelivery> claimed = nodeB.getApplicationContext().getBean(WebhookDeliveryStore.class)
                .claimDue(claimedAt, LEASE, 10);
        assertEquals(1, claimed.size(), claimed.toString());
        nodeB.getApplicationContext().close();

        assertEquals(0, dispatcher.runDue(), "node B's claim holds");
        assertEquals(List.of(), receiver.received());
        Map<String, Object> delivered = deliverAll(id, 1).get(0);

        assertTrue(Instant.now().isAfter(claimedAt.plus(LEASE)), "taken over once the lease ended");
        assertEquals(1, received("msg_" + delivered.get("id")).size());
        assertEquals(List.of(200), statusCodes(delivered));
    }

    /** Only the head of a room's queue can be claimed: a later event never overtakes an earlier one that is due. */
    @Test
    void aRoomsLaterEventIsNotClaimedWhileAnEarlierOneIsPending() {
        subscribe(null);
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent").get("id");
        startAndStopRoom(anchor, roomId);
        WebhookDeliveryStore store = nodeB.getApplicationContext().getBean(WebhookDeliveryStore.class);

        List<DueDelivery> claimed = store.claimDue(Instant.now(), LEASE, 10);

        assertEquals(List.of(1L), claimed.stream().filter(d -> d.event().event().roomId().equals(roomId))
                .map(d -> d.event().seq()).toList(), claimed.toString());
    }

    @Test
    void twoNodesDeliveringAtOnceNeverSendOneDeliveryTwice() {
        String id = (String) subscribe(null).get("id");
        User anchor = aui.newUser();
        for (int room = 0; room < 4; room++) {
            startAndStopRoom(anchor, (String) createRoomOn(anchor, "tencent").get("id"));
        }
        WebhookDispatcher onB = nodeB.getApplicationContext().getBean(WebhookDispatcher.class);
        List<WebhookDispatcher> nodes = List.of(dispatcher, onB);

        await(() -> {
            Concurrently.run(2, () -> null, ignored -> {
                int delivered = 0;
                for (WebhookDispatcher node : nodes) {
                    delivered += node.runDue();
                }
                return delivered;
            });
            return deliveries(id).stream().filter(d -> "delivered".equals(d.get("state"))).count() == 12;
        }, "12 deliveries delivered by both nodes");

        Map<String, Long> sendsById = receiver.received().stream()
                .collect(Collectors.groupingBy(d -> d.header("webhook-id"), Collectors.counting()));
        assertEquals(12, sendsById.size(), sendsById.toString());
        assertTrue(sendsById.values().stream().allMatch(count -> count == 1), "each sent once: " + sendsById);
        assertTrue(deliveries(id).stream().allMatch(d -> attempts(d).size() == 1), "one attempt each");
    }
}
