package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.webhook.WebhookDispatcher;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway in a process of its own is killed with SIGKILL while it works through a webhook retry schedule, with a
 * request in flight: no shutdown, nothing written on the way out. Another node on the same database takes over once
 * the dead node's lease has run out, and every room event written before the kill reaches the receiver, signed, each
 * under the one webhook-id it always had.
 */
@MicronautTest(transactional = false)
class WebhookKillApiTest extends VendorApiTestBase {

    private static final String WEBHOOKS = WebhookApiTestBase.WEBHOOKS;
    private static final int ROOM_COUNT = 3;
    /** The killed node's settings: a request may take 2 s, one delivery per claim, so a claim's lease is 2 s x (1 + 1). */
    private static final Duration KILLED_NODES_LEASE = Duration.ofSeconds(4);
    private static final Map<String, Object> KILLED_NODES_WEBHOOKS = Map.of(
            "rtcgate.webhooks.worker.enabled", true,
            "rtcgate.webhooks.poll-interval", "100ms",
            "rtcgate.webhooks.timeout", "2s",
            "rtcgate.webhooks.batch-size", 1,
            "rtcgate.webhooks.first-backoff", "100ms",
            "rtcgate.webhooks.max-backoff", "200ms");

    @Inject
    DatasourceConfiguration database;
    /** This node's queue: the worker is off in tests, so this test runs the passes that take over. */
    @Inject
    WebhookDispatcher dispatcher;

    private final SwitchableReceiver receiver = new SwitchableReceiver();
    private GatewayProcess gateway;
    private String subscriptionId;

    @AfterEach
    void stopEverything() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            try {
                if (subscriptionId != null) {
                    Reply deleted = wire.delete(WEBHOOKS + "/" + subscriptionId, admin().token());
                    assertTrue(deleted.status() == 204 || deleted.status() == 404, "could not delete " + subscriptionId + ": " + deleted.body());
                }
            } finally {
                receiver.close();
            }
        }
    }

    @Test
    void aGatewayKilledWithSigkillWhileSendingLosesNoWebhook() {
        Map<String, Object> properties = AgoraNode.properties(database, emulators);
        properties.putAll(KILLED_NODES_WEBHOOKS);
        gateway = GatewayProcess.start(properties, Path.of("target", "WebhookKillApiTest-gateway.log"));
        WireClient onGateway = new WireClient(gateway.uri(), json);
        AuiClient auiOnGateway = new AuiClient(onGateway);

        // all of it through the process's own API
        Reply created = onGateway.post(WEBHOOKS, auiOnGateway.admin().token(),
                onGateway.toJson(fields("url", receiver.url("/hooks").toString())));
        assertEquals(201, created.status(), created.body());
        subscriptionId = created.text("id");
        String secret = created.text("secret");
        User anchor = auiOnGateway.newUser();
        List<String> roomIds = new ArrayList<>();
        for (int room = 0; room < ROOM_COUNT; room++) {
            Reply made = onGateway.post(ROOMS, anchor.token(),
                    onGateway.toJson(fields("title", "kill -9 room " + room, "vendor", "agora", "mode", "normal")));
            assertEquals(201, made.status(), made.body());
            roomIds.add(made.text("id"));
            auiOnGateway.roomActionOk("start", anchor, made.text("id"));
            auiOnGateway.roomActionOk("stop", anchor, made.text("id"));
        }

        // mid-schedule (attempts failed, retries planned) and mid-request: killed while it waits for an answer
        await(() -> receiver.arrivals().size() >= 3, "the gateway process's first 3 attempts failed");
        receiver.holdTheNext();
        await(() -> receiver.held().isPresent(), "the gateway process sends again and waits for the answer");
        int exitStatus = gateway.kill();
        assertFalse(gateway.isAlive());
        assertEquals(128 + 9, exitStatus, "the process died of SIGKILL");
        Arrival held = receiver.held().orElseThrow();
        List<Arrival> beforeTheKill = receiver.arrivals();
        Arrival answeredBeforeHeld = beforeTheKill.get(beforeTheKill.indexOf(held) - 1);

        Map<String, Map<String, Object>> writtenBeforeTheKill = new HashMap<>();
        for (String roomId : roomIds) {
            for (Map<String, Object> event : RoomEventApiTest.items(wire.get(ROOMS + "/" + roomId + "/events?limit=1000", anchor.token()))) {
                writtenBeforeTheKill.put(eventKey(event), event);
            }
        }
        assertTrue(writtenBeforeTheKill.size() >= 3 * ROOM_COUNT, "created, started, stopped in each room: " + writtenBeforeTheKill.keySet());
        Map<String, Object> inFlight = deliveries().stream().filter(d -> held.webhookId().equals(messageId(d))).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery " + held.webhookId()));
        assertEquals("pending", inFlight.get("state"), inFlight.toString());
        long answered = beforeTheKill.stream().filter(a -> a != held && a.webhookId().equals(held.webhookId())).count();
        assertEquals(answered, WebhookApiTestBase.attempts(inFlight).size(),
                "the attempts answered before the kill are kept, the one in flight died with the process: " + inFlight);

        receiver.acceptAll();
        await(() -> {
            dispatcher.runDue();
            List<Map<String, Object>> all = deliveries();
            return all.size() == writtenBeforeTheKill.size() && all.stream().allMatch(d -> "delivered".equals(d.get("state")));
        }, "this node delivers all " + writtenBeforeTheKill.size() + " deliveries");

        List<Arrival> arrivals = receiver.arrivals();
        Map<String, List<Arrival>> byWebhookId = arrivals.stream()
                .collect(Collectors.groupingBy(Arrival::webhookId, TreeMap::new, Collectors.toList()));
        for (Arrival arrival : arrivals) {
            WebhookApiTestBase.verifySignature(secret, arrival.delivery());
        }
        Map<String, String> webhookIdByEvent = new HashMap<>();
        for (Map.Entry<String, List<Arrival>> tries : byWebhookId.entrySet()) {
            assertEquals(1, tries.getValue().stream().map(a -> a.delivery().body()).distinct().count(),
                    "every try of " + tries.getKey() + " carries the same event: " + tries.getValue());
            String event = eventKey(jsonObject(tries.getValue().get(0).delivery().body()));
            String earlier = webhookIdByEvent.put(event, tries.getKey());
            assertTrue(earlier == null, "event " + event + " went out as " + earlier + " and as " + tries.getKey());
        }
        for (Map.Entry<String, Map<String, Object>> event : writtenBeforeTheKill.entrySet()) {
            String webhookId = webhookIdByEvent.get(event.getKey());
            assertTrue(webhookId != null, "event " + event.getKey() + " never reached the receiver: " + byWebhookId.keySet());
            List<Arrival> accepted = byWebhookId.get(webhookId).stream().filter(a -> a.delivery().answeredWith() == 200).toList();
            assertFalse(accepted.isEmpty(), "event " + event.getKey() + " was never answered 200: " + byWebhookId.get(webhookId));
            assertEquals(event.getValue(), jsonObject(accepted.get(0).delivery().body()), "the body is the event as the events API shows it");
        }
        assertEquals(writtenBeforeTheKill.keySet(), webhookIdByEvent.keySet(), "nothing but the rooms' events went out");
        List<Map<String, Object>> deliveries = deliveries();
        assertEquals(Set.copyOf(webhookIdByEvent.values()), deliveries.stream().map(WebhookKillApiTest::messageId).collect(Collectors.toSet()),
                "one delivery per event, each sent under its own webhook-id");
        for (Map<String, Object> delivery : deliveries) {
            assertEquals(webhookIdByEvent.get(delivery.get("room_id") + "#" + ((Number) delivery.get("seq")).longValue()), messageId(delivery));
            assertEquals(200, WebhookApiTestBase.statusCodes(delivery).get(WebhookApiTestBase.attempts(delivery).size() - 1), delivery.toString());
        }

        Instant takenOver = byWebhookId.get(held.webhookId()).stream().filter(a -> a.delivery().answeredWith() == 200)
                .map(Arrival::at).min(Instant::compareTo).orElseThrow();
        assertFalse(takenOver.isBefore(answeredBeforeHeld.at().plus(KILLED_NODES_LEASE)),
                "the delivery in flight was sent again only once the dead node's lease was over: claimed after "
                        + answeredBeforeHeld.at() + ", sent again at " + takenOver);
    }

    private List<Map<String, Object>> deliveries() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) wire.get(WEBHOOKS + "/" + subscriptionId + "/deliveries?limit=100",
                admin().token()).json().get("items");
        return items;
    }

    private static String messageId(Map<String, Object> delivery) {
        return "msg_" + delivery.get("id");
    }

    /** {@code <room id>#<seq>}: what names an event, in the events API as in a webhook body. */
    private static String eventKey(Map<String, Object> event) {
        return event.get("room_id") + "#" + ((Number) event.get("seq")).longValue();
    }

    /** A request as it arrived, when, and whether it was held open (answered, if ever, only after the sender was gone). */
    record Arrival(Delivery delivery, boolean held, Instant at) {

        String webhookId() {
            return delivery.header("webhook-id");
        }
    }

    /**
     * A webhook receiver on a loopback port that answers 503 until told otherwise, can hold the next request open
     * (so its sender is killed while it waits), and then answers 200. Each request has a thread of its own, so a held
     * one keeps no other waiting.
     */
    private static final class SwitchableReceiver implements AutoCloseable {

        private enum Mode { FAIL, HOLD_NEXT, ACCEPT }

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile Mode mode = Mode.FAIL;

        SwitchableReceiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::receive);
            server.setExecutor(threads);
            server.start();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        List<Arrival> arrivals() {
            return List.copyOf(arrivals);
        }

        Optional<Arrival> held() {
            return arrivals.stream().filter(Arrival::held).findFirst();
        }

        void holdTheNext() {
            mode = Mode.HOLD_NEXT;
        }

        /** 200 from now on; a held request is let go. */
        void acceptAll() {
            mode = Mode.ACCEPT;
            released.countDown();
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
            threads.shutdownNow();
        }

        private void receive(HttpExchange exchange) throws IOException {
            try (exchange) {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
                byte[] body = exchange.getRequestBody().readAllBytes();
                boolean hold;
                int status;
                synchronized (this) {
                    hold = mode == Mode.HOLD_NEXT;
                    status = mode == Mode.ACCEPT ? 200 : 503;
                    if (hold) {
                        mode = Mode.FAIL;
                    }
                    URI uri = exchange.getRequestURI();
                    arrivals.add(new Arrival(new Delivery(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                            Collections.unmodifiableMap(headers), body, status), hold, Instant.now()));
                }
                if (hold) {
                    released.await(60, TimeUnit.SECONDS);
                }
                exchange.sendResponseHeaders(status, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
