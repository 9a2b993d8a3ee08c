package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.api.v1.RoomEventSocket;
import io.rtcgate.app.realtime.EventStream;
import io.rtcgate.app.realtime.RoomFeeds;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.EventSocket;
import io.rtcgate.app.support.StalledSocket;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.room.RoomEventHistory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/rooms/{id}/events/ws} through the running server: who may open it, replay then live with no gap
 * and no duplicate, and a client that stops reading cut off while the others keep up.
 */
@MicronautTest(transactional = false)
class RoomEventSocketApiTest extends RealtimeApiTestBase {

    @Inject
    RoomFeeds feeds;

    @Test
    void aHandshakeWithoutAValidTokenNeverUpgrades() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        String path = EventSocket.path(roomId, null);

        assertEquals(401, EventSocket.refusedStatus(server, json, path, null));
        assertEquals(401, EventSocket.refusedStatus(server, json, path, "not-a-token"));
        assertEquals(401, EventSocket.refusedStatus(server, json, path + "?access_token=not-a-token", null));
        String forged = anchor.token().substring(0, anchor.token().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertEquals(401, EventSocket.refusedStatus(server, json, path, forged));
    }

    @Test
    void aSessionOrDeviceTokenOpensItInTheHeaderOrTheQuery() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        Reply pair = aui.call("token", anchor, Map.of("user_id", anchor.id(), "device_id", "phone-1", "device_type", "ios"));
        assertEquals(200, pair.status(), pair.body());
        String access = pair.text("access_token");

        for (EventSocket opened : List.of(
                remember(EventSocket.open(server, json, EventSocket.path(roomId, "after=0"), anchor.token())),
                remember(EventSocket.open(server, json, EventSocket.path(roomId, "after=0"), access)),
                remember(EventSocket.open(server, json, EventSocket.path(roomId, "after=0&access_token=" + anchor.token()), null)),
                remember(EventSocket.open(server, json, EventSocket.path(roomId, "after=0&access_token=" + access), null)))) {
            assertEquals("room.created", opened.next().get("type"));
        }
        // the device token opens the socket only: the HTTP APIs still refuse it
        assertEquals(401, wire.get(ROOMS + "/" + roomId + "/events", access).status());
    }

    @Test
    void framesAreTheHistoryViewAndAStreamWithoutAfterStartsWithWhatComesNext() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        EventSocket live = socket(roomId, null, anchor);
        List<Map<String, Object>> frames = new ArrayList<>(live.untilType("audience.joined"));

        aui.roomActionOk("start", anchor, roomId);

        frames.addAll(live.untilType("room.started"));
        Map<String, Object> started = frames.get(frames.size() - 1);
        List<Map<String, Object>> history = RoomEventApiTest.items(wire.get(ROOMS + "/" + roomId + "/events", anchor.token()));
        assertEquals(history.get(history.size() - 1), started, "a frame is the history's view of the event");
        assertTrue(frames.stream().noneMatch(frame -> "room.created".equals(frame.get("type"))),
                "no replay without after: " + frames);
    }

    @Test
    void afterReplaysWhatWasMissedThenGoesLiveWithNoGapAndNoDuplicate() {
        User viewer = aui.newUser();
        String roomId = newRoom(aui.newUser());
        long before = writeEvents(roomId, RoomEventHistory.MAX_PAGE + 500, 10);

        // writers keep committing while the client replays more than one page
        CompletableFuture<Long> during = CompletableFuture.supplyAsync(() -> {
            long last = 0;
            for (int i = 0; i < 50; i++) {
                last = writeEvents(roomId, 3, 10);
            }
            return last;
        });
        EventSocket socket = socket(roomId, "after=100", viewer);
        long lastDuring = during.join();
        long afterConnect = writeEvents(roomId, 5, 10);
        assertTrue(afterConnect > lastDuring && lastDuring > before);

        List<Map<String, Object>> frames = socket.untilSeq(afterConnect);

        assertEquals(range(101, afterConnect), seqs(frames));
        assertEquals(List.of(), socket.drained(), "nothing after the last event");
    }

    @Test
    void anUnknownRoomOrABadAfterClosesTheSocketWithACode() {
        User viewer = aui.newUser();
        assertEquals(RoomEventSocket.ROOM_NOT_FOUND, socket("no-such-room", null, viewer).awaitClosed().code());
        String roomId = newRoom(viewer);
        assertEquals(RoomEventSocket.BAD_REQUEST, socket(roomId, "after=-1", viewer).awaitClosed().code());
        assertEquals(RoomEventSocket.BAD_REQUEST, socket(roomId, "after=x", viewer).awaitClosed().code());
    }

    @Test
    void aClientThatStopsReadingIsCutOffWhileAnotherKeepsUp() {
        String roomId = newRoom(aui.newUser());
        // after=0: whenever its stream opens, the stalled client is owed every event
        try (StalledSocket stalled = StalledSocket.open(server.getPort(), EventSocket.path(roomId, "after=0"),
                aui.newUser().token())) {
            User readerUser = aui.newUser();
            EventSocket reader = socket(roomId, null, readerUser);
            reader.until(frame -> "audience.joined".equals(frame.get("type"))
                    && readerUser.id().equals(((Map<?, ?>) frame.get("data")).get("user_id")));
            long first = lastSeq(roomId) + 1;

            // far more than a small receive buffer and the server's send buffer hold, so the stalled queue fills
            int written = 400;
            long last = 0;
            for (int i = 0; i < written / 20; i++) {
                last = writeEvents(roomId, 20, 32 * 1024);
            }

            assertEquals(range(first, last), seqs(reader.untilSeq(last)));
            await(() -> feeds.openStreams(roomId) == 1, "the server stops sending to the stalled client");
            StalledSocket.Outcome outcome = stalled.readUntilClose();
            assertEquals(EventStream.SLOW_CONSUMER, outcome.closeCode());
            assertTrue(outcome.closeReason().contains("after"), outcome.closeReason());
            assertTrue(outcome.textFrames() < written, "the stalled client got " + outcome.textFrames() + " frames");
            assertTrue(!reader.isClosed(), "the reader stays connected");
        }
    }
}
