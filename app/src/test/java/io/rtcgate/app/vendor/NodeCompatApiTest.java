package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.api.v1.RoomEventSocket;
import io.rtcgate.app.realtime.RoomFeeds;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.EventSocket;
import io.rtcgate.app.support.StalledSocket;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.domain.interaction.LikeService;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A seed 001 session, played as a client written from the seed alone would play it, against the embedded gateway:
 * HTTP calls at the seed's paths with its fields, Aliyun's callbacks at the seed's notify paths, and the push
 * messages on the WebSocket that stands in for Aliyun MNS.
 */
@MicronautTest(transactional = false)
class NodeCompatApiTest extends RealtimeApiTestBase {

    @Inject
    LikeService likes;
    @Inject
    RoomFeeds feeds;

    private final Map<EventSocket, List<Map<String, Object>>> unread = new IdentityHashMap<>();

    private static final String PUSH_DOMAIN = "push.example.com";
    private static final String CALLBACK_KEY = "test-callback-key";
    /** Aliyun's resends of one callback repeat its second: each callback here signs a second of its own. */
    private static final AtomicLong SIGNED_AT = new AtomicLong(Instant.now().getEpochSecond() - 60);

    @Test
    void anAnchorAndAViewerPlayASeed001SessionEndToEnd() throws Exception {
        String anchorName = WireClient.uniqueUser("anchor");
        String viewerName = WireClient.uniqueUser("viewer");
        String anchor = login(anchorName);
        String viewer = login(viewerName);

        Map<String, Object> live = data(post("/live/create", anchor, fields("uid", anchorName, "desc", "test")));
        String roomId = (String) live.get("roomId");
        assertTrue(Long.parseLong(roomId) < (1L << 53), "a room number JavaScript keeps exact: " + roomId);
        assertEquals(anchorName, live.get("uid"));
        assertEquals(0L, AuiClient.number(live.get("status")), "created, not pushing yet");
        assertEquals(2L, AuiClient.number(live.get("type")));
        assertEquals(false, live.get("isMixReady"));
        assertEquals(false, live.get("isMixed"));
        assertEquals("test", live.get("description"));
        assertTrue(((String) live.get("rtmpUrl")).startsWith("rtmp://"), live.toString());
        Map<?, ?> mns = (Map<?, ?>) live.get("mns");
        assertEquals(roomId, mns.get("topic"));
        assertEquals(roomId, mns.get("roomTag"));
        assertEquals(roomId + "_" + anchorName, mns.get("userRoomTag"));

        Map<String, Object> info = data(post("/mns/topic/websocket/info", anchor, fields("topic", roomId)));
        String socketUrl = (String) info.get("topicWebsocketServerIp");
        assertEquals("ws://localhost:" + server.getPort() + "/compat/node/ws?topic=" + roomId, socketUrl);
        assertEquals(anchorName, info.get("accountId"));
        assertEquals(roomId, info.get("accessId"), "the subscription is named after the topic by default");
        try (EventSocket anchorMessages = subscribe(socketUrl, (String) info.get("authentication"));
             EventSocket viewerMessages = subscribe(socketUrl, viewer)) {
            awaitSubscribers(roomId, anchor, 2);
            String streamName = streamOf(roomId, anchor);
            // the anchor's push reaches Aliyun (in the embedded default, its emulator), which calls back as well
            assertEquals(204, wire.post("/v1/emulators/rooms/" + roomIdOf(roomId, anchor) + "/publish", anchor, "").status());
            assertEquals(200, notify("/ali/stream/notify", streamParams("publish", streamName)).statusCode());
            Map<String, Object> started = message(anchorMessages, 9);
            assertEquals(Map.of("uid", anchorName, "name", anchorName, "roomId", Long.parseLong(roomId)), numbersAsLongs(started));
            assertTrue(AuiClient.number(started.get("time")) > 1_600_000_000_000L, "time is in milliseconds");
            // seed 001's text swaps the two mix paths: each takes both events
            assertEquals(200, notify("/ali/mix/status/notify", mixAvailable(streamName)).statusCode());
            assertEquals(Map.of("roomId", Long.parseLong(roomId), "type", 2L), numbersAsLongs(message(anchorMessages, 17)));
            assertEquals(1L, AuiClient.number(liveOf(roomId, anchor).get("status")), "pushing");
            assertEquals(true, liveOf(roomId, anchor).get("isMixReady"));

            Map<String, Object> play = data(post("/live/play", viewer, fields("roomId", Long.parseLong(roomId), "uid", viewerName)));
            assertEquals(roomId, play.get("roomId"));
            assertEquals(roomId + "_" + viewerName, ((Map<?, ?>) play.get("mns")).get("userRoomTag"));
            assertNotNull(play.get("playUrl"));
            List<Map<String, Object>> audience = list(post("/im/room/users", viewer, fields("roomId", roomId)));
            assertEquals(List.of(Map.of("name", viewerName, "id", viewerName)), audience);

            ok(post("/live/comment", viewer, fields("uid", viewerName, "roomId", roomId, "comment", "hello")));
            assertEquals(Map.of("uid", viewerName, "name", viewerName, "comment", "hello"),
                    message(anchorMessages, 6).get("data"));
            ok(post("/live/like", viewer, fields("uid", viewerName, "roomId", roomId)));
            likes.announcePending(); // the scheduled pass that does this is off in tests
            assertEquals(Map.of("uid", viewerName, "name", viewerName), message(anchorMessages, 7).get("data"));

            // the viewer asks the anchor; the anchor agrees
            ok(post("/videocall/invite", viewer, fields("inviterUid", viewerName, "inviteeUid", anchorName,
                    "liveRoomId", roomId, "type", "side_by_side", "inviterType", 1)));
            Map<String, Object> invite = message(anchorMessages, 1);
            assertEquals(Map.of("inviterUid", viewerName, "inviterName", viewerName, "type", "side_by_side", "inviterType", 1L),
                    numbersAsLongs(invite));
            Map<String, Object> agreed = data(post("/videocall/feedback", anchor, fields("inviterUid", viewerName,
                    "inviteeUid", anchorName, "status", 1, "type", "side_by_side", "inviterType", 1, "inviteeType", 2)));
            String viewerSeat = (String) agreed.get("inviterRoomId");
            assertTrue(Long.parseLong(viewerSeat) != Long.parseLong(roomId), "the viewer's co-host seat has a number of its own");
            assertTrue(((String) agreed.get("rtmpUrl")).startsWith("rtmp://"), "the anchor keeps pushing its live: " + agreed);
            assertNotNull(agreed.get("inviterPlayUrl"));

            Map<String, Object> accepted = message(viewerMessages, 2);
            Map<?, ?> acceptedData = (Map<?, ?>) accepted.get("data");
            assertEquals(anchorName, acceptedData.get("inviteeUid"), accepted.toString());
            assertEquals(roomId, acceptedData.get("inviteeRoomId"));
            assertEquals(viewerSeat, acceptedData.get("inviterRoomId"));
            assertEquals("side_by_side", acceptedData.get("type"));
            assertEquals(1L, AuiClient.number(acceptedData.get("status")));
            assertNotNull(acceptedData.get("rtmpUrl"), "the inviter's own push URL: " + acceptedData);
            assertEquals(anchorName, ((Map<?, ?>) message(anchorMessages, 2).get("data")).get("inviteeUid"));

            // the gateway started the mix at Aliyun: both sides hear the command's status
            for (EventSocket side : List.of(anchorMessages, viewerMessages)) {
                Map<?, ?> command = (Map<?, ?>) message(side, 16).get("data");
                assertEquals("EventMix", command.get("event"));
                assertEquals(200L, AuiClient.number(command.get("code")));
                assertEquals(Long.parseLong(roomId), AuiClient.number(command.get("mainMixRoomId")));
                assertEquals(Long.parseLong(viewerSeat), AuiClient.number(command.get("mixRoomId")));
                assertEquals("channel", command.get("mixType"));
            }
            assertEquals(200, notify("/ali/mix/availability/notify", mixResult(streamName, "Success")).statusCode());
            for (EventSocket side : List.of(anchorMessages, viewerMessages)) {
                Map<?, ?> mixed = (Map<?, ?>) message(side, 5).get("data");
                assertEquals(Long.parseLong(roomId), AuiClient.number(mixed.get("inviterRoomid")));
                assertEquals(Long.parseLong(viewerSeat), AuiClient.number(mixed.get("inviteeRoomid")));
                assertEquals(anchorName, mixed.get("inviterUid"));
                assertEquals(viewerName, mixed.get("inviteeUid"));
                assertTrue(!((List<?>) mixed.get("inviterMixPlayUrls")).isEmpty(), mixed.toString());
                assertEquals(mixed.get("inviterMixPlayUrls"), mixed.get("inviteeMixPlayUrls"));
            }
            assertEquals(true, liveOf(roomId, anchor).get("isMixed"));
            Map<String, Object> seat = liveOf(viewerSeat, viewer);
            assertEquals(10L, AuiClient.number(seat.get("status")), "a seat is a live the system made for a co-host");
            assertEquals(1L, AuiClient.number(seat.get("type")));

            // the anchor closes the viewer's co-hosting
            ok(post("/videocall/close", anchor, fields("closeRooomId", roomId, "notifiedRoomId", viewerSeat)));
            for (EventSocket side : List.of(anchorMessages, viewerMessages)) {
                assertEquals(Map.of("roomId", Long.parseLong(roomId), "uid", anchorName, "name", anchorName,
                        "notifiedRoomId", Long.parseLong(viewerSeat), "notifiedUid", viewerName, "notifiedName", viewerName),
                        numbersAsLongs(message(side, 4)));
                assertEquals(viewerName, ((Map<?, ?>) message(side, 15).get("data")).get("notifiedUid"));
            }

            ok(post("/live/audience/leave", viewer, fields("roomId", roomId, "uid", viewerName)));
            assertEquals(List.of(), list(post("/im/room/users", viewer, fields("roomId", roomId))));
            ok(post("/live/leave", anchor, fields("roomId", roomId)));
            for (EventSocket side : List.of(anchorMessages, viewerMessages)) {
                assertEquals(Map.of("roomId", Long.parseLong(roomId)), numbersAsLongs(message(side, 8)));
            }
            assertEquals(2L, AuiClient.number(liveOf(roomId, anchor).get("status")));
        }
    }

    @Test
    void underBackpressureLikesAndCommentsAreDroppedAndInvitationsNever() {
        String anchorName = WireClient.uniqueUser("anchor");
        String anchor = login(anchorName);
        String roomNumber = (String) data(post("/live/create", anchor, fields("uid", anchorName))).get("roomId");
        String roomId = roomIdOf(roomNumber, anchor);
        try (StalledSocket stalled = StalledSocket.open(server.getPort(), "/compat/node/ws?topic=" + roomNumber, anchor)) {
            await(() -> feeds.openStreams(roomId) == 1, "the stalled client's stream is open");

            // far more comment bytes than a small receive buffer and the server's send buffer hold, so frames queue up
            int rounds = 20;
            String text = "x".repeat(32 * 1024);
            for (int round = 0; round < rounds; round++) {
                List<RoomEvent> events = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    events.add(new RoomEvent(roomId, RoomEventType.COMMENT_POSTED, "viewer", Instant.now(),
                            fields("user_id", "viewer", "text", text)));
                    events.add(new RoomEvent(roomId, RoomEventType.LIKE_ADDED, RoomEvent.systemActor("likes"), Instant.now(),
                            fields("delta", 1, "total", round * 10 + i + 1, "last_user_id", "viewer")));
                }
                events.add(new RoomEvent(roomId, RoomEventType.COHOST_INVITED, "viewer-" + round, Instant.now(),
                        fields("invitation_id", "i-" + round, "inviter", "viewer-" + round, "invitee", anchorName,
                                "inviter_type", 1, "direction", "viewer_asks", "state", "pending", "layout", "side_by_side")));
                transactions.executeWrite(status -> eventLog.append(status.getConnection(), events));
            }

            Map<Long, Long> received = stalled.readTextsUntilQuiet(Duration.ofSeconds(3)).stream()
                    .map(text1 -> AuiClient.number(parse(text1).get("type")))
                    .collect(Collectors.groupingBy(type -> type, Collectors.counting()));
            assertEquals(rounds, received.getOrDefault(1L, 0L), "every invitation arrives: " + received);
            assertTrue(received.getOrDefault(6L, 0L) < rounds * 10, "comments were dropped: " + received);
            assertTrue(received.getOrDefault(7L, 0L) < rounds * 10, "likes were dropped: " + received);
        }
    }

    @Test
    void badInputIsAnsweredInTheSeedsEnvelopeNamingTheField() {
        String anchorName = WireClient.uniqueUser("anchor");
        String anchor = login(anchorName);
        Reply withoutPassword = post("/login", null, fields("name", anchorName));
        assertEquals(200, withoutPassword.status(), "with demo login on the password may be left out: " + withoutPassword.body());
        Reply noName = post("/login", null, fields("password", "x"));
        assertEquals(400, noName.status(), noName.body());
        assertEquals("name", noName.errorField());
        Reply noRoom = post("/live/play", anchor, fields("uid", anchorName));
        assertEquals(400, noRoom.status(), noRoom.body());
        assertEquals(400L, AuiClient.number(noRoom.json().get("code")));
        assertTrue(((String) noRoom.json().get("message")).contains("roomId"), noRoom.body());
        Reply notANumber = post("/live/play", anchor, fields("uid", anchorName, "roomId", "12ab"));
        assertEquals(400, notANumber.status(), notANumber.body());
        Reply unsafe = post("/live/play", anchor, fields("uid", anchorName, "roomId", 1L << 53));
        assertEquals(400, unsafe.status(), unsafe.body());
        Reply unknown = post("/live/play", anchor, fields("uid", anchorName, "roomId", (1L << 53) - 1));
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(404L, AuiClient.number(unknown.json().get("code")));
        Reply someoneElse = post("/live/create", anchor, fields("uid", "not-" + anchorName));
        assertEquals(403, someoneElse.status(), someoneElse.body());
        Reply anonymous = post("/live/create", null, fields("uid", anchorName));
        assertEquals(401, anonymous.status(), anonymous.body());

        String roomId = (String) data(post("/live/create", anchor, fields("uid", anchorName))).get("roomId");
        Reply wrongType = post("/videocall/invite", anchor, fields("inviterUid", anchorName, "inviteeUid", "bob",
                "liveRoomId", roomId, "inviterType", 1));
        assertEquals(400, wrongType.status(), wrongType.body());
        assertTrue(wrongType.body().contains("inviterType"), wrongType.body());
        Reply badStatus = post("/videocall/feedback", anchor, fields("inviterUid", "bob", "inviteeUid", anchorName,
                "status", 3, "inviterType", 1, "inviteeType", 2));
        assertEquals(400, badStatus.status(), badStatus.body());
        assertTrue(badStatus.body().contains("status"), badStatus.body());
    }

    @Test
    void formBodiesStringIdsTheCloseRoomIdSpellingAndARefusal() throws Exception {
        String anchorName = WireClient.uniqueUser("anchor");
        String viewerName = WireClient.uniqueUser("viewer");
        String anchor = login(anchorName);
        String viewer = login(viewerName);
        String roomId = (String) data(form("/live/create", anchor, Map.of("uid", anchorName, "desc", "form"))).get("roomId");
        assertEquals("form", liveOf(roomId, anchor).get("description"));

        try (EventSocket anchorMessages = subscribe("ws://localhost/compat/node/ws?topic=" + roomId, anchor);
             EventSocket viewerMessages = subscribe("ws://localhost/compat/node/ws?topic=" + roomId, viewer)) {
            awaitSubscribers(roomId, anchor, 2);
            // the anchor invites a viewer this time, who refuses
            ok(form("/videocall/invite", anchor, Map.of("inviterUid", anchorName, "inviteeUid", viewerName,
                    "liveRoomId", roomId, "type", "picture_in_picture", "inviterType", "2")));
            assertEquals(Map.of("inviterUid", anchorName, "inviterName", anchorName, "type", "picture_in_picture",
                    "inviterType", 2L), numbersAsLongs(message(viewerMessages, 1)));
            ok(form("/videocall/feedback", viewer, Map.of("inviterUid", anchorName, "inviteeUid", viewerName,
                    "status", "2", "inviterType", "2", "inviteeType", "1")));
            assertEquals(Map.of("inviteeUid", viewerName, "inviteeName", viewerName, "status", 2L),
                    numbersAsLongs(message(anchorMessages, 3)));

            // asked again, the viewer agrees; later they close their own seat with the corrected spelling
            ok(post("/videocall/invite", anchor, fields("inviterUid", anchorName, "inviteeUid", viewerName,
                    "liveRoomId", roomId, "inviterType", 2)));
            Map<String, Object> agreed = data(post("/videocall/feedback", viewer, fields("inviterUid", anchorName,
                    "inviteeUid", viewerName, "status", 1, "inviterType", 2, "inviteeType", 1)));
            assertEquals(roomId, agreed.get("inviterRoomId"));
            assertTrue(((String) agreed.get("rtmpUrl")).startsWith("artc://"), "the co-host's own RTC push URL: " + agreed);
            Map<?, ?> accepted = (Map<?, ?>) message(anchorMessages, 2).get("data");
            String seat = (String) accepted.get("inviteeRoomId");
            ok(post("/videocall/close", viewer, fields("closeRoomId", seat, "notifiedRoomId", Long.parseLong(roomId))));
            assertEquals(Map.of("roomId", Long.parseLong(seat), "uid", viewerName, "name", viewerName,
                    "notifiedRoomId", Long.parseLong(roomId), "notifiedUid", anchorName, "notifiedName", anchorName),
                    numbersAsLongs(message(anchorMessages, 4)));
        }
        assertEquals(401, EventSocket.refusedStatus(server, json, "/compat/node/ws?topic=" + roomId, null));
        assertEquals(RoomEventSocket.ROOM_NOT_FOUND,
                EventSocket.open(server, json, "/compat/node/ws?topic=999999999999", anchor).awaitClosed().code());
        assertEquals(RoomEventSocket.BAD_REQUEST,
                EventSocket.open(server, json, "/compat/node/ws?topic=abc", anchor).awaitClosed().code());
    }

    // ---- the seed's client ----

    private String login(String name) {
        Reply reply = wire.post("/login", null, wire.toJson(fields("name", name, "password", name)));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(200L, AuiClient.number(reply.json().get("code")));
        Map<String, Object> user = reply.object("data");
        assertEquals(name, user.get("id"));
        assertEquals(name, user.get("name"));
        assertEquals("Bearer " + user.get("token"), reply.raw().headers().firstValue("Authorization").orElse(null));
        return (String) user.get("token");
    }

    private Reply form(String path, String token, Map<String, String> body) {
        String encoded = body.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return wire.post(path, token, encoded, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply post(String path, String token, Map<String, ?> body) {
        return wire.post(path, token, wire.toJson(body));
    }

    private static void ok(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals(200L, AuiClient.number(reply.json().get("code")), reply.body());
    }

    private static Map<String, Object> data(Reply reply) {
        ok(reply);
        return reply.object("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Reply reply) {
        ok(reply);
        return (List<Map<String, Object>>) reply.json().get("data");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> liveOf(String roomId, String token) {
        Reply reply = wire.get("/live/list?roomId=" + roomId, token);
        ok(reply);
        return ((List<Map<String, Object>>) reply.json().get("data")).get(0);
    }

    /** The gateway's own id of the room: its stream name, as the live's play URL carries it. */
    private String roomIdOf(String roomNumber, String token) {
        return streamOf(roomNumber, token);
    }

    /** The room's CDN stream name: the last path segment of its play URL, without the extension. */
    private String streamOf(String roomId, String token) {
        String playUrl = (String) liveOf(roomId, token).get("rtmpPlayUrl");
        String path = URI.create(playUrl).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A subscription hears what happens once the server has opened its stream, which follows the handshake. */
    private void awaitSubscribers(String roomNumber, String token, int subscribers) {
        String roomId = roomIdOf(roomNumber, token);
        await(() -> feeds.openStreams(roomId) == subscribers, subscribers + " subscribers' streams are open");
    }

    private EventSocket subscribe(String socketUrl, String token) {
        return EventSocket.open(server, json, URI.create(socketUrl).getRawPath() + "?" + URI.create(socketUrl).getRawQuery(), token);
    }

    /**
     * The first message of {@code type} on the socket not taken yet. Messages of other types read on the way are
     * kept for later: callbacks arrive asynchronously, so the order across types is not fixed.
     */
    private Map<String, Object> message(EventSocket socket, int type) {
        List<Map<String, Object>> kept = unread.computeIfAbsent(socket, ignored -> new ArrayList<>());
        for (Map<String, Object> frame : kept) {
            if (AuiClient.number(frame.get("type")) == type) {
                kept.remove(frame);
                return frame;
            }
        }
        while (true) {
            Map<String, Object> frame = socket.next();
            if (AuiClient.number(frame.get("type")) == type) {
                return frame;
            }
            kept.add(frame);
        }
    }

    /** A message's data with its whole numbers as longs, for comparing with literals. */
    private static Map<String, Object> numbersAsLongs(Map<String, Object> message) {
        Map<String, Object> data = new LinkedHashMap<>();
        ((Map<?, ?>) message.get("data")).forEach((name, value) ->
                data.put((String) name, value instanceof Number number ? (Object) number.longValue() : value));
        return data;
    }

    // ---- Aliyun, calling the seed's notify paths ----

    private static Map<String, String> streamParams(String action, String stream) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("action", action);
        params.put("ip", "192.0.2.10");
        params.put("id", stream);
        params.put("app", PUSH_DOMAIN);
        params.put("appname", "live");
        params.put("time", String.valueOf(Instant.now().getEpochSecond()));
        params.put("node", "cdnvideocenter01");
        return params;
    }

    private static Map<String, String> mixAvailable(String stream) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Domain", PUSH_DOMAIN);
        params.put("App", "live");
        params.put("Stream", stream);
        params.put("Event", "MixAvailable");
        return params;
    }

    private static Map<String, String> mixResult(String mainStream, String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MainMixDomain", PUSH_DOMAIN);
        params.put("MainMixApp", "live");
        params.put("MainMixStream", mainStream);
        params.put("MixDomain", PUSH_DOMAIN);
        params.put("MixApp", "live");
        params.put("MixStream", mainStream + "_guest");
        params.put("MixType", "channel");
        params.put("MixTemplate", "side_by_side");
        params.put("Event", "MixResult");
        params.put("Code", code);
        params.put("Message", "");
        return params;
    }

    /** A GET signed as Aliyun signs its live callbacks: lowerhex(md5(push-domain|timestamp|key)). */
    private HttpResponse<String> notify(String path, Map<String, String> params) throws Exception {
        long timestamp = SIGNED_AT.incrementAndGet();
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((PUSH_DOMAIN + "|" + timestamp + "|" + CALLBACK_KEY).getBytes(StandardCharsets.UTF_8)));
        String query = params.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve(path + "?" + query))
                        .header("ALI-LIVE-TIMESTAMP", Long.toString(timestamp)).header("ALI-LIVE-SIGNATURE", signature)
                        .GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
