package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.app.callback.CallbackWorker;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.RoomStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Aliyun's publish / publish_done callbacks through the running gateway, signed as Aliyun signs them with
 * the test configuration's push domain and callback key, into the real inbox on the real database.
 */
@MicronautTest(transactional = false)
class StreamCallbackApiTest extends VendorApiTestBase {

    private static final String AUI_PATH = "/api/v1/live/handlePushStreamEventCallback";
    private static final String GATEWAY_PATH = "/callbacks/aliyun/stream";
    private static final String PUSH_DOMAIN = "push.example.com";
    private static final String CALLBACK_KEY = "test-callback-key";
    /** Every delivery gets its own event time, so no two tests' deliveries are one. */
    private static final AtomicLong EVENT_TIME = new AtomicLong(Instant.now().getEpochSecond());

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    RoomStore rooms;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    CallbackWorker worker;

    @Test
    void aSignedPublishOfTheRoomsStreamTakesThePreparedRoomLive() {
        String room = roomOn("aliyun", "normal");

        HttpResponse<String> reply = send("GET", AUI_PATH, params("publish", room), signedNow(), null);

        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(Map.of("code", 200, "message", "ok", "outcome", "applied"), parse(reply));
        assertEquals("live", status(room));
        List<RecordedRoomEvent> events = events(room);
        assertEquals(List.of("room.created", "stream.published", "room.started"), types(events));
        assertEquals("system:aliyun", events.get(1).event().actor());
        assertEquals("system:aliyun", events.get(2).event().actor());
        assertEquals(Map.of("vendor", "aliyun", "stream", room), events.get(1).event().data());
        assertEquals(List.of("applied"), inboxOutcomes(room));
    }

    @Test
    void publishDoneOfTheAnchorsStreamPausesTheRoomAndTheNextPublishResumesIt() {
        String room = roomOn("agora", "normal");
        send("GET", AUI_PATH, params("publish", room), signedNow(), null);

        HttpResponse<String> done = sendForm(GATEWAY_PATH, params("publish_done", room), signedNow());

        assertEquals(200, done.statusCode(), done.body());
        assertEquals("paused", status(room));

        send("POST", GATEWAY_PATH + "?" + query(params("publish", room)), signedNow(), "");

        assertEquals("live", status(room));
        assertEquals(List.of("room.created", "stream.published", "room.started", "stream.interrupted", "room.paused",
                "stream.published", "room.resumed"), types(events(room)));
    }

    @Test
    void aMissingOrWrongSignatureIs401AndChangesNothing() {
        String room = roomOn("aliyun", "normal");
        long ts = Instant.now().getEpochSecond();
        List<Map<String, String>> unsigned = List.of(
                Map.of(),
                Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(ts)),
                Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(ts), "ALI-LIVE-SIGNATURE", md5("push.example.com|" + ts + "|wrong-key")),
                Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(ts), "ALI-LIVE-SIGNATURE", md5("play.example.com|" + ts + "|" + CALLBACK_KEY)),
                Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(ts + 1), "ALI-LIVE-SIGNATURE", signature(ts)));

        for (Map<String, String> headers : unsigned) {
            HttpResponse<String> reply = send("GET", AUI_PATH, params("publish", room), headers, null);
            assertEquals(401, reply.statusCode(), headers + ": " + reply.body());
            assertEquals(401, parse(reply).get("code"));
        }

        assertEquals("prepared", status(room));
        assertEquals(List.of("room.created"), types(events(room)));
        assertEquals(List.of(), inboxOutcomes(room));
    }

    @Test
    void aTimestampMoreThanFiveMinutesFromTheGatewaysClockIsRefused() {
        String room = roomOn("aliyun", "normal");

        for (long skew : new long[] {-400, 400, -86_400}) {
            long ts = Instant.now().getEpochSecond() + skew;
            HttpResponse<String> reply = send("GET", AUI_PATH, params("publish", room),
                    Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(ts), "ALI-LIVE-SIGNATURE", signature(ts)), null);
            assertEquals(401, reply.statusCode(), skew + ": " + reply.body());
        }

        assertEquals("prepared", status(room));
        assertEquals(List.of(), inboxOutcomes(room));
    }

    @Test
    void theSameDeliveryTwiceHasOneEffectAndOneInboxRow() {
        String room = roomOn("aliyun", "normal");
        Map<String, String> publish = params("publish", room);

        HttpResponse<String> first = send("GET", AUI_PATH, publish, signedNow(), null);
        HttpResponse<String> retry = send("GET", AUI_PATH, publish, signedAt(Instant.now().getEpochSecond() + 1), null);

        assertEquals(Map.of("code", 200, "message", "ok", "outcome", "applied"), parse(first));
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(Map.of("code", 200, "message", "ok", "outcome", "duplicate"), parse(retry));
        assertEquals(List.of("room.created", "stream.published", "room.started"), types(events(room)));
        assertEquals(1, inboxOutcomes(room).size());

        send("GET", AUI_PATH, params("publish_done", room), signedNow(), null);
        HttpResponse<String> late = send("GET", GATEWAY_PATH, publish, signedNow(), null);

        assertEquals("duplicate", parse(late).get("outcome"));
        assertEquals("paused", status(room), "a late copy of the first publish does not resume the room");
        assertEquals(2, inboxOutcomes(room).size());
    }

    @Test
    void aCoHostRelayMovesOnlyTheRoomWhoseChannelItNamesExactly() {
        String mine = roomOn("aliyun", "cohost");
        String other = roomOn("aliyun", "cohost");
        String appId = artcAppId(mine);
        String channel = mine + "-1";
        String neighbourChannel = other + "-1";

        for (String near : List.of(
                appId + "_" + channel + "1_anchor_camera",
                appId + "_" + channel + "x_anchor_camera",
                appId + "_" + mine + "-2_anchor_camera",
                appId + "_" + mine + "_anchor_camera",
                appId + "_" + channel + "_anchor_camerax",
                appId + "x_" + channel + "_anchor_camera",
                mine + "x")) {
            HttpResponse<String> reply = send("GET", AUI_PATH, params("publish", near), signedNow(), null);
            assertEquals(Map.of("code", 200, "message", "ok", "outcome", "ignored"), parse(reply), near);
        }
        assertEquals("prepared", status(mine));
        assertEquals("prepared", status(other));

        send("GET", AUI_PATH, params("publish", appId + "_" + neighbourChannel + "_anchor_camera"), signedNow(), null);

        assertEquals("live", status(other));
        assertEquals("prepared", status(mine), "another room's channel does not hit");

        HttpResponse<String> hit = send("GET", AUI_PATH, params("publish", appId + "_" + channel + "_bob_audio"), signedNow(), null);

        assertEquals("applied", parse(hit).get("outcome"));
        assertEquals("live", status(mine));
        assertEquals(Map.of("vendor", "aliyun", "stream", appId + "_" + channel + "_bob_audio", "user_id", "bob"),
                events(mine).get(1).event().data());
    }

    @Test
    void aCallbackWhoseRequestLineCarriesUnescapedCharactersIsStillReceived() throws IOException {
        String room = roomOn("aliyun", "normal");
        Map<String, String> publish = params("publish", room);
        // as captured callbacks carry usrargs: raw, with characters a URI may not hold
        String rawQuery = query(publish).replace("usrargs=auth_key%3D1-0-0-abc", "usrargs=vhost=a|b\"c中%zz");

        String reply = sendRawRequestLine("GET " + GATEWAY_PATH + "?" + rawQuery, signedNow());

        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        assertTrue(reply.contains("\"outcome\":\"applied\""), reply);
        assertEquals("live", status(room));
    }

    /** Sends a request line byte for byte as given, which the JDK's HTTP client would refuse to, and answers the response. */
    private String sendRawRequestLine(String requestLine, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPublishOfAStreamNoRoomHasIsAcceptedAndRecordedAsIgnored() {
        String stream = "no-such-room-" + EVENT_TIME.incrementAndGet();

        HttpResponse<String> reply = send("GET", AUI_PATH, params("publish", stream), signedNow(), null);

        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals("ignored", parse(reply).get("outcome"));
        assertEquals(List.of("ignored"), inboxOutcomes(stream));
    }

    @Test
    void anEndedRoomNeverChanges() {
        User anchor = aui.newUser();
        String room = (String) createRoomOn(anchor, "aliyun").get("id");
        startAndStopRoom(anchor, room);
        int before = events(room).size();

        assertEquals("ignored", parse(send("GET", AUI_PATH, params("publish", room), signedNow(), null)).get("outcome"));
        assertEquals("ignored", parse(send("GET", AUI_PATH, params("publish_done", room), signedNow(), null)).get("outcome"));

        assertEquals("ended", status(room));
        assertEquals(before, events(room).size());
    }

    @Test
    void aSignedDeliveryWithoutAStreamIdIsA400NamingItAndIsNotRecorded() {
        String room = roomOn("aliyun", "normal");
        Map<String, String> noId = params("publish", room);
        noId.remove("id");

        HttpResponse<String> reply = send("GET", AUI_PATH, noId, signedNow(), null);

        assertEquals(400, reply.statusCode(), reply.body());
        assertEquals("id", details(reply).get("field"));
        Map<String, String> badAction = params("start", room);
        HttpResponse<String> action = send("GET", AUI_PATH, badAction, signedNow(), null);
        assertEquals(400, action.statusCode(), action.body());
        assertEquals("action", details(action).get("field"));
        assertEquals("prepared", status(room));
        assertEquals(List.of(), inboxOutcomes(room));
    }

    /** A crash between recording and processing leaves an unprocessed row; a pass over the inbox finishes it. */
    @Test
    void aDeliveryLeftUnprocessedIsFinishedByAPassOverTheInbox() {
        String room = roomOn("aliyun", "normal");
        long id = insertUnprocessed(room);

        worker.pass("test");

        assertEquals("live", status(room));
        assertEquals(List.of("applied"), inboxOutcomes(room));
        assertEquals(List.of("room.created", "stream.published", "room.started"), types(events(room)));
        assertEquals(0, attempts(id));
    }

    @Test
    void theScheduledWorkerFinishesAnUnprocessedDeliveryOnItsOwn() throws InterruptedException {
        String room = roomOn("aliyun", "normal");
        insertUnprocessed(room);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!"live".equals(status(room)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        assertEquals("live", status(room));
        assertEquals(List.of("applied"), inboxOutcomes(room));
    }

    // ---- helpers ----

    private String roomOn(String vendor, String mode) {
        return (String) createRoomOn(aui.newUser(), vendor, mode).get("id");
    }

    private String artcAppId(String room) {
        User admin = admin();
        return (String) joinOk(admin, room, "audience").get("app_id");
    }

    private String status(String room) {
        return (String) getRoom(admin(), room).json().get("status");
    }

    private List<RecordedRoomEvent> events(String room) {
        return rooms.events(room, 0, 100);
    }

    private static List<String> types(List<RecordedRoomEvent> events) {
        return events.stream().map(recorded -> recorded.event().type().wireName()).toList();
    }

    /** The delivery's parameters as Aliyun sends them, with an event time no other delivery has. */
    private static Map<String, String> params(String action, String stream) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("action", action);
        params.put("ip", "192.0.2.10");
        params.put("id", stream);
        params.put("app", PUSH_DOMAIN);
        params.put("appname", "live");
        params.put("time", String.valueOf(EVENT_TIME.incrementAndGet()));
        params.put("usrargs", "auth_key=1-0-0-abc");
        params.put("node", "cdnvideocenter01");
        return params;
    }

    private static Map<String, String> signedNow() {
        return signedAt(Instant.now().getEpochSecond());
    }

    private static Map<String, String> signedAt(long ts) {
        return Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(ts), "ALI-LIVE-SIGNATURE", signature(ts));
    }

    private static String signature(long ts) {
        return md5(PUSH_DOMAIN + "|" + ts + "|" + CALLBACK_KEY);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> params, Map<String, String> headers,
                                      String body) {
        String target = params == null ? path : path + "?" + query(params);
        return send(method, target, headers, body);
    }

    private HttpResponse<String> sendForm(String path, Map<String, String> params, Map<String, String> headers) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", "application/x-www-form-urlencoded");
        return send("POST", path, withType, query(params));
    }

    private HttpResponse<String> send(String method, String target, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(URI.create(target)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(HttpResponse<String> reply) {
        try {
            return json.readValue(reply.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(reply.body(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(HttpResponse<String> reply) {
        return (Map<String, Object>) parse(reply).get("details");
    }

    /** The outcomes of the inbox rows about {@code stream}, oldest first; null for an unprocessed row. */
    private List<String> inboxOutcomes(String stream) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT outcome FROM vendor_callbacks WHERE vendor = 'aliyun' AND kind = 'stream' AND query LIKE ? ORDER BY id")) {
                select.setString(1, "%id=" + URLEncoder.encode(stream, StandardCharsets.UTF_8) + "&%");
                List<String> outcomes = new java.util.ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        outcomes.add(rows.getString(1));
                    }
                }
                return outcomes;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int attempts(long id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT attempts FROM vendor_callbacks WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * What a node that crashed right after recording a delivery leaves behind: an accepted, signed publish of
     * {@code stream}, received a minute ago (older than the freshness window allows a new one to be), not processed.
     */
    private long insertUnprocessed(String stream) {
        long ts = Instant.now().minusSeconds(60).getEpochSecond();
        Map<String, String> params = params("publish", stream);
        String headers = "{\"ali-live-timestamp\":\"" + ts + "\",\"ali-live-signature\":\"" + signature(ts) + "\"}";
        return transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO vendor_callbacks (vendor, kind, dedupe_key, method, query, headers, body, received_at)
                    VALUES ('aliyun', 'stream', ?, 'GET', ?, CAST(? AS jsonb), '', ?) RETURNING id""")) {
                insert.setString(1, "crashed-" + params.get("time"));
                insert.setString(2, query(params));
                insert.setString(3, headers);
                insert.setObject(4, OffsetDateTime.ofInstant(Instant.ofEpochSecond(ts), ZoneOffset.UTC));
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    return id.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
