package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A room's metrics are true wherever a client reads them: the native room, the AUI RoomInfo and the AUI
 * getStatistics all show the exact like total and the audience connected to the room's events.
 */
@MicronautTest(transactional = false)
class RoomMetricsApiTest extends RealtimeApiTestBase {

    @Test
    void likesAndTheAudienceShowInEveryViewOfTheRoom() {
        User anchor = aui.newUser();
        Reply created = wire.post("/api/v2/live/create", anchor.token(), wire.toJson(fields("title", "metrics",
                "anchor", anchor.id(), "mode", 0, "im_server", List.of("aliyun_new"))));
        assertEquals(200, created.status(), created.body());
        String roomId = created.text("id");
        String chatId = created.text("chat_id");
        aui.roomActionOk("start", anchor, roomId);
        User viewer = aui.newUser();
        assertEquals(200, wire.post(ROOMS + "/" + roomId + "/likes", viewer.token(), wire.toJson(fields("count", 7))).status());
        socket(roomId, null, viewer);
        socket(roomId, null, viewer);
        socket(roomId, null, anchor);
        await(() -> ((Number) metricsOf(getRoom(anchor, roomId)).get("pv")).longValue() == 3, "three entries");

        assertEquals(Map.of("likes", 7L, "online", 2L, "pv", 3L, "uv", 2L), longs(metricsOf(getRoom(anchor, roomId))),
                "the native room");
        Map<String, Object> expected = Map.of("like_count", 7L, "online_count", 2L, "pv", 3L, "uv", 2L);
        assertEquals(expected, longs(metricsOf(aui.roomAction("get", viewer, roomId))), "the AUI RoomInfo");
        Reply statistics = aui.call("getStatistics", viewer, fields("chatroom_id", chatId));
        assertEquals(200, statistics.status(), statistics.body());
        assertEquals(200L, ((Number) statistics.json().get("code")).longValue());
        Map<String, Object> counted = longs(statistics.json());
        counted.remove("code");
        assertEquals(expected, counted, "getStatistics");
        assertEquals(404, aui.call("getStatistics", viewer, fields("chatroom_id", "no-such-chat")).status());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metricsOf(Reply room) {
        assertEquals(200, room.status(), room.body());
        return (Map<String, Object>) room.json().get("metrics");
    }

    private static Map<String, Object> longs(Map<String, Object> numbers) {
        Map<String, Object> converted = new java.util.HashMap<>();
        numbers.forEach((key, value) -> converted.put(key, ((Number) value).longValue()));
        return converted;
    }
}
