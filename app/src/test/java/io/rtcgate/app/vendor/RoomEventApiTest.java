package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.room.RoomEventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

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

    @Test
    @SuppressWarnings("unchecked")
    void theServedOpenApiDocumentCataloguesEveryEventTypeWithThePayloadItCarries() {
        Reply document = wire.get("/swagger/rtcgate-0.1.yml", null);
        assertEquals(200, document.status());
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) new Yaml().<Map<String, Object>>load(
                document.body()).get("components")).get("schemas");
        Map<String, Object> catalogue = (Map<String, Object>) schemas.get("RoomEvent");
        Map<String, Object> mapping = (Map<String, Object>) ((Map<String, Object>) catalogue.get("discriminator")).get("mapping");
        for (RoomEventType type : RoomEventType.values()) {
            assertEquals("#/components/schemas/RoomEvent." + type.wireName(), mapping.get(type.wireName()), type.wireName());
            assertNotNull(schemas.get("RoomEventData." + type.wireName()), type.wireName());
        }
        assertEquals(RoomEventType.values().length, mapping.size(), "no entry for a type that does not exist");

        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "tencent").get("id");
        aui.roomActionOk("start", anchor, roomId);
        for (Map<String, Object> event : items(wire.get(ROOMS + "/" + roomId + "/events", anchor.token()))) {
            Map<String, Object> payload = (Map<String, Object>) schemas.get("RoomEventData." + event.get("type"));
            Map<String, Object> data = (Map<String, Object>) event.get("data");
            Map<String, Object> documented = (Map<String, Object>) payload.getOrDefault("properties", Map.of());
            assertTrue(documented.keySet().containsAll(data.keySet()), event + " has fields the catalogue lacks");
            assertTrue(data.keySet().containsAll((List<String>) payload.getOrDefault("required", List.of())),
                    event + " lacks a field the catalogue requires");
        }
    }
}
