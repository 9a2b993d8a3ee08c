package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A room's event history over HTTP: every change in order, numbered without gaps, from any seq on. */
@MicronautTest
class RoomEventApiTest extends VendorApiTestBase {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return (List<Map<String, Object>>) reply.json().get("items");
    }

    @Test
    void aRoomsChangesAreReadInOrderFromAnySeq() {
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent").get("id");
        aui.roomActionOk("start", anchor, roomId);
        aui.roomActionOk("stop", anchor, roomId);
        User viewer = aui.newUser();

        List<Map<String, Object>> all = items(wire.get(ROOMS + "/" + roomId + "/events", viewer.token()));

        assertEquals(List.of("room.created", "room.started", "room.stopped"), all.stream().map(e -> e.get("type")).toList());
        assertEquals(List.of(1L, 2L, 3L), all.stream().map(e -> ((Number) e.get("seq")).longValue()).toList());
        Map<String, Object> created = all.get(0);
        assertEquals(roomId, created.get("room_id"));
        assertEquals(anchor.id(), created.get("actor"));
        assertEquals(5, ((Number) created.get("priority")).intValue());

        Reply after = wire.get(ROOMS + "/" + roomId + "/events?after=1&limit=1", viewer.token());
        assertEquals(List.of("room.started"), items(after).stream().map(e -> e.get("type")).toList());
        assertEquals(2L, ((Number) after.json().get("next_after")).longValue());
        assertEquals(List.of(), items(wire.get(ROOMS + "/" + roomId + "/events?after=3", viewer.token())));
    }

    @Test
    void badReadsAreRefusedNamingTheParameter() {
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent").get("id");
        for (String[] query : new String[][] {{"after=-1", "after"}, {"after=x", "after"}, {"limit=0", "limit"},
                {"limit=1001", "limit"}}) {
            Reply refused = wire.get(ROOMS + "/" + roomId + "/events?" + query[0], anchor.token());
            assertEquals(400, refused.status(), refused.body());
            assertEquals(query[1], refused.errorField(), refused.body());
        }
        assertEquals(404, wire.get(ROOMS + "/no-such-room/events", anchor.token()).status());
        assertEquals(401, wire.get(ROOMS + "/" + roomId + "/events", null).status());
    }
}
