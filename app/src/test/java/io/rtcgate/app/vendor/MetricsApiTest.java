package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.testkit.WebhookReceiver;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /prometheus}: scraped without a token, it counts vendor calls by vendor, capability, operation and outcome,
 * shows circuits, operator states, rooms per vendor and status, and the webhook and callback backlogs, as the gateway
 * really has them; and no secret appears in it. The circuit opens after two failures here, for two seconds.
 */
@MicronautTest(transactional = false)
@Property(name = "rtcgate.health.failure-threshold", value = "2")
@Property(name = "rtcgate.health.cool-down", value = "2s")
class MetricsApiTest extends VendorApiTestBase {

    private static final String CALLS = "rtcgate_vendor_calls_seconds_count";

    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    VendorCallbackStore callbacks;

    @AfterEach
    void everyCircuitIsClosedAgain() {
        for (String vendor : VENDORS) {
            assertEquals("closed", circuit(vendor), vendor + " was left with its circuit not closed");
        }
    }

    @Test
    void aScraperNeedsNoTokenAndFindsTheGatewaysMetricsInPrometheusText() {
        Reply scrape = wire.get("/prometheus", null);

        assertEquals(200, scrape.status(), scrape.body());
        assertTrue(scrape.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                scrape.raw().headers().toString());
        for (String name : List.of("rtcgate_vendor_circuit_state", "rtcgate_vendor_operator_state", "rtcgate_rooms",
                "rtcgate_webhook_deliveries_pending", "rtcgate_callbacks_unprocessed", "jvm_memory_used_bytes")) {
            assertTrue(scrape.body().contains("\n" + name + "{") || scrape.body().contains("\n" + name + " "), name);
        }
    }

    @Test
    void aJoinAndARecordingAreCountedByVendorCapabilityOperationAndOutcome() {
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "agora").get("id");
        aui.roomActionOk("start", anchor, roomId);
        Map<String, String> join = series("vendor", "agora", "capability", "rtc", "operation", "issue", "outcome", "success");
        Map<String, String> record = series("vendor", "agora", "capability", "recording", "operation", "start",
                "outcome", "success");
        double joinsBefore = value(scrape(), CALLS, join);
        double recordingsBefore = value(scrape(), CALLS, record);

        Map<String, Object> host = joinOk(anchor, roomId, "host");
        assertTrue(agora().joinChannel((String) host.get("channel"), ((Number) host.get("uid")).longValue(), true,
                (String) host.get("token")).joined());
        Reply started = wire.post(ROOMS + "/" + roomId + "/recordings", anchor.token(), wire.toJson(fields("mode", "mix")));
        assertEquals(201, started.status(), started.body());

        String after = scrape();
        assertEquals(joinsBefore + 1, value(after, CALLS, join), "one more join token issued by Agora");
        assertEquals(recordingsBefore + 1, value(after, CALLS, record), "one more recording started at Agora");
        assertTrue(value(after, "rtcgate_vendor_calls_seconds_sum", record) > 0, "the recording's latency is timed");
        assertTrue(after.contains("rtcgate_vendor_calls_seconds_bucket{"), "latencies in buckets");
        Reply stopped = wire.post("/v1/recordings/" + started.text("id") + "/stop", anchor.token(), "");
        assertEquals(200, stopped.status(), stopped.body());
    }

    @Test
    void failedCallsAreCountedByKindAndTheCircuitGaugeFollowsTheCircuit() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "agora").get("id");
        Map<String, String> agora = series("vendor", "agora");
        Map<String, String> failed = series("vendor", "agora", "capability", "channel-admin", "operation", "kick",
                "outcome", "server_error");
        Map<String, String> refused = series("vendor", "agora", "capability", "channel-admin", "operation", "kick",
                "outcome", "unavailable");
        double failedBefore = value(scrape(), CALLS, failed);
        double refusedBefore = value(scrape(), CALLS, refused);
        assertEquals(0, value(scrape(), "rtcgate_vendor_circuit_state", agora), "closed");

        agora().faults().failFor(FaultKind.SERVER_ERROR, Duration.ofMinutes(5));
        assertEquals(502, kick(anchor, roomId, viewer.id(), 60L).status());
        assertEquals(502, kick(anchor, roomId, viewer.id(), 60L).status());
        assertEquals(502, kick(anchor, roomId, viewer.id(), 60L).status());

        String open = scrape();
        assertEquals(failedBefore + 2, value(open, CALLS, failed));
        assertEquals(refusedBefore + 1, value(open, CALLS, refused), "the open circuit refused the third");
        assertEquals(2, value(open, "rtcgate_vendor_circuit_state", agora), "open");
        await(() -> value(scrape(), "rtcgate_vendor_circuit_state", agora) == 1, "half-open after the cool-down");
        agora().faults().clear();
        assertEquals(204, kick(anchor, roomId, viewer.id(), 60L).status());
        assertEquals(0, value(scrape(), "rtcgate_vendor_circuit_state", agora), "closed again");
    }

    @Test
    void theOperatorStateGaugeFollowsTheStateInTheDatabase() {
        Map<String, String> tencent = series("vendor", "tencent");

        setVendorStateOk("tencent", "draining");
        await(() -> value(scrape(), "rtcgate_vendor_operator_state", tencent) == 1, "draining is 1");
        setVendorStateOk("tencent", "down");
        await(() -> value(scrape(), "rtcgate_vendor_operator_state", tencent) == 2, "down is 2");
        setVendorStateOk("tencent", "up");
        await(() -> value(scrape(), "rtcgate_vendor_operator_state", tencent) == 0, "up is 0");
    }

    @Test
    void roomsAreCountedPerVendorAndStatus() {
        Map<String, String> prepared = series("vendor", "tencent", "status", "prepared");
        Map<String, String> live = series("vendor", "tencent", "status", "live");
        Map<String, String> paused = series("vendor", "tencent", "status", "paused");
        String before = scrape();
        double preparedBefore = value(before, "rtcgate_rooms", prepared);
        double liveBefore = value(before, "rtcgate_rooms", live);
        double pausedBefore = value(before, "rtcgate_rooms", paused);
        User anchor = aui.newUser();

        String first = (String) createRoomOn(anchor, "tencent").get("id");
        String second = (String) createRoomOn(anchor, "tencent").get("id");
        createRoomOn(anchor, "tencent");
        aui.roomActionOk("start", anchor, first);
        aui.roomActionOk("start", anchor, second);
        aui.roomActionOk("pause", anchor, second);

        await(() -> {
            String now = scrape();
            return value(now, "rtcgate_rooms", prepared) == preparedBefore + 1 && value(now, "rtcgate_rooms", live) == liveBefore + 1
                    && value(now, "rtcgate_rooms", paused) == pausedBefore + 1;
        }, "one more room prepared, one live, one paused on Tencent");
        startAndStopRoom(anchor, (String) createRoomOn(anchor, "tencent").get("id"));
        aui.roomActionOk("stop", anchor, first);
        await(() -> value(scrape(), "rtcgate_rooms", live) == liveBefore, "ended rooms are not counted");
    }

    @Test
    void theWebhookBacklogCountsPendingDeliveries() {
        try (WebhookReceiver receiver = new WebhookReceiver("")) {
            Reply created = wire.post("/v1/admin/webhooks", admin().token(), wire.toJson(fields("url",
                    receiver.url("/hooks").toString(), "event_types", List.of("room.created"))));
            assertEquals(201, created.status(), created.body());
            double before = value(scrape(), "rtcgate_webhook_deliveries_pending", Map.of());
            try {
                User anchor = aui.newUser();
                createRoomOn(anchor, "tencent");
                createRoomOn(anchor, "tencent");

                // the delivery worker is off in tests: both deliveries stay pending
                await(() -> value(scrape(), "rtcgate_webhook_deliveries_pending", Map.of()) == before + 2,
                        "two pending deliveries");
            } finally {
                assertEquals(204, wire.delete("/v1/admin/webhooks/" + created.text("id"), admin().token()).status());
            }
            await(() -> value(scrape(), "rtcgate_webhook_deliveries_pending", Map.of()) == before,
                    "a deleted subscription's deliveries are gone");
        }
    }

    @Test
    void theCallbackBacklogCountsStoredCallbacksNotYetProcessed() {
        long id = callbacks.record(Vendor.ALIYUN, CallbackKind.STREAM, "metrics-test-" + UUID.randomUUID(),
                new CallbackRequest("GET", "action=publish", Map.of(), ""), Instant.now()).id();
        // held locked, so the callback worker (whose claims skip locked rows) leaves it unprocessed while we look
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            sql(connection, "SELECT id FROM vendor_callbacks WHERE id = ? FOR UPDATE", id);
            await(() -> {
                long unprocessed = unprocessedCallbacks();
                return unprocessed >= 1 && value(scrape(), "rtcgate_callbacks_unprocessed", Map.of()) == unprocessed;
            }, "the gauge counts the stored callback");
            sql(connection, "DELETE FROM vendor_callbacks WHERE id = ?", id);
            return null;
        });
        await(() -> value(scrape(), "rtcgate_callbacks_unprocessed", Map.of()) == unprocessedCallbacks(),
                "and no longer once it is gone");
    }

    @Test
    void noSecretAppearsInAnyMetric() {
        User anchor = aui.newUser();
        joinOk(anchor, (String) createRoomOn(anchor, "aliyun").get("id"), "host");
        joinOk(anchor, (String) createRoomOn(anchor, "tencent").get("id"), "host");
        String scrape = scrape();

        List<String> secrets = List.of("rtcgate-tests-only-hs256-secret-0123456789abcdef", "admin-password-1",
                "test-push-key", "test-play-key", "test-callback-key", anchor.token(),
                agora().credentials().appCertificate(), agora().credentials().customerSecret(),
                tencent().credentials().userSigKey(), tencent().credentials().secretKey(),
                aliyun().credentials().accessKeySecret(), aliyun().credentials().artcAppKey());
        for (String secret : secrets) {
            assertFalse(scrape.contains(secret), "a secret in the metrics");
        }
    }

    // ---- helpers ----

    private String scrape() {
        Reply reply = wire.get("/prometheus", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.body();
    }

    private static Map<String, String> series(String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return wanted;
    }

    /**
     * The value of the one series of {@code name} whose labels are exactly {@code labels}; 0 when there is none yet
     * (a timer appears with its first call), NaN as Prometheus writes it.
     */
    static double value(String scrape, String name, Map<String, String> labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            Map<String, String> found = new LinkedHashMap<>();
            int open = line.indexOf('{');
            if (open > 0 && open < space) {
                String inside = line.substring(open + 1, line.lastIndexOf('}'));
                for (String pair : inside.split("\",")) {
                    if (pair.isBlank()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    found.put(pair.substring(0, equals), pair.substring(equals + 2).replaceAll("\"$", ""));
                }
            }
            if (found.equals(labels)) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        return 0;
    }

    private long unprocessedCallbacks() {
        return transactions.executeRead(status -> {
            try (PreparedStatement count = status.getConnection().prepareStatement(
                    "SELECT count(*) FROM vendor_callbacks WHERE processed_at IS NULL"); ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void sql(Connection connection, String statement, long id) {
        try (PreparedStatement sql = connection.prepareStatement(statement)) {
            sql.setLong(1, id);
            sql.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
