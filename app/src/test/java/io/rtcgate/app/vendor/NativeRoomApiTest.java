package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/rooms} and {@code GET /v1/rooms/{id}}: rooms bound to a vendor channel. */
@MicronautTest
class NativeRoomApiTest extends VendorApiTestBase {

    @Test
    void createAnswers201WithTheRoomItsVendorAndItsFirstChannel() {
        User anchor = aui.newUser();
        Instant before = gatewayNow();

        Reply reply = createRoom(anchor, fields("title", "Hello", "notice", "Be nice", "cover_url", "https://img.example.com/c.png",
                "extends", "{\"a\":1}", "mode", "cohost"));

        assertEquals(201, reply.status(), reply.body());
        Map<String, Object> room = reply.json();
        String id = (String) room.get("id");
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals("Hello", room.get("title"));
        assertEquals("Be nice", room.get("notice"));
        assertEquals("https://img.example.com/c.png", room.get("cover_url"));
        assertEquals("{\"a\":1}", room.get("extends"));
        assertEquals(anchor.id(), room.get("anchor_id"), "the caller is the anchor");
        assertNull(room.get("anchor_nick"));
        assertEquals("prepared", room.get("status"));
        assertEquals("cohost", room.get("mode"));
        assertEquals(List.of(), room.get("cohost_members"));
        assertEquals(Map.of("likes", 0L, "online", 0L, "pv", 0L, "uv", 0L), longs(room.get("metrics")));
        assertNotNull(room.get("push"), "the anchor gets the push URLs");
        assertNotNull(room.get("pull"));
        assertEquals(0L, number(room.get("version")));
        assertEquals(1L, number(room.get("epoch")));
        for (String auiOnly : List.of("chat_id", "meeting_id", "meeting_info", "push_url_info", "pull_url_info")) {
            assertTrue(!room.containsKey(auiOnly), "the native model is not the AUI one: " + auiOnly);
        }
        Instant createdAt = Instant.parse((String) room.get("created_at"));
        assertWithin(before.minusSeconds(1), Instant.now().plusSeconds(1), createdAt, "created_at");
        assertEquals("agora", room.get("vendor"), "default routing prefers agora");
        assertEquals(id + "-1", room.get("channel"));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        User anchor = aui.newUser();

        Reply reply = createRoom(anchor, fields("title", "Minimal"));

        assertEquals(201, reply.status(), reply.body());
        Map<String, Object> room = reply.json();
        for (String optional : List.of("notice", "cover_url", "extends", "anchor_nick", "started_at", "stopped_at")) {
            assertTrue(room.containsKey(optional), optional);
            assertNull(room.get(optional), optional);
        }
        assertEquals("normal", room.get("mode"), "a normal live by default");
        assertEquals(room.get("id") + "-1", room.get("channel"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"agora", "tencent", "aliyun"})
    void anExplicitVendorPinsTheRoom(String vendor) {
        User anchor = aui.newUser();

        Reply reply = createRoom(anchor, fields("title", "pinned", "vendor", vendor));

        assertEquals(201, reply.status(), reply.body());
        assertEquals(vendor, reply.text("vendor"));
        assertEquals(reply.text("id") + "-1", reply.text("channel"));
        Reply fetched = getRoom(anchor, reply.text("id"));
        assertEquals(200, fetched.status(), fetched.body());
        assertEquals(vendor, fetched.text("vendor"), "the binding is stored with the room");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zoom", "Agora", ""})
    void anUnknownVendorIsAnInputError(String vendor) {
        assertError(createRoom(aui.newUser(), fields("title", "t", "vendor", vendor)), 400, "vendor");
    }

    @Test
    void titleIsRequired() {
        User anchor = aui.newUser();

        assertError(createRoom(anchor, fields("notice", "no title")), 400, "title");
        assertError(createRoom(anchor, fields("title", " ", "vendor", "tencent")), 400, "title");
    }

    @Test
    void anUnknownModeIsAnInputError() {
        assertError(createRoom(aui.newUser(), fields("title", "t", "mode", "party")), 400, "mode");
        assertError(createRoom(aui.newUser(), fields("title", "t", "mode", "COHOST")), 400, "mode");
    }

    @Test
    void createNeedsASignedInCaller() {
        assertError(createRoom(null, fields("title", "t")), 401, null);
    }

    @Test
    void getReturnsWhatCreateReturnedAndHidesThePushUrlsFromOthers() {
        User anchor = aui.newUser();
        Map<String, Object> created = createRoomOn(anchor, "aliyun");
        String id = (String) created.get("id");

        Reply byAnchor = getRoom(anchor, id);
        Reply byViewer = getRoom(aui.newUser(), id);

        assertEquals(200, byAnchor.status(), byAnchor.body());
        assertEquals(withoutSignedUrls(created), withoutSignedUrls(byAnchor.json()));
        assertNotNull(byAnchor.json().get("push"));
        assertEquals(200, byViewer.status(), byViewer.body());
        assertNull(byViewer.json().get("push"), "only the anchor or an admin may publish");
        assertNotNull(byViewer.json().get("pull"));
        assertEquals("aliyun", byViewer.text("vendor"));
        assertEquals(id + "-1", byViewer.text("channel"));
    }

    @Test
    void anUnknownRoomIsNotFound() {
        assertError(getRoom(aui.newUser(), UUID.randomUUID().toString()), 404, null);
    }

    @Test
    void auiCreateAlsoTellsTheVendorAndTheChannel() {
        User anchor = aui.newUser();

        Map<String, Object> room = aui.createRoom(anchor);

        assertEquals("aliyun", room.get("vendor"), "AUI rooms go to rtcgate.routing.aui, by default aliyun");
        assertEquals(room.get("id") + "-1", room.get("channel"));
        Map<String, Object> fetched = aui.roomActionOk("get", anchor, (String) room.get("id"));
        assertEquals("aliyun", fetched.get("vendor"));
        assertEquals(room.get("channel"), fetched.get("channel"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> longs(Object metrics) {
        Map<String, Long> values = new LinkedHashMap<>();
        ((Map<String, Object>) metrics).forEach((name, value) -> values.put(name, number(value)));
        return values;
    }

    /** The signed URLs expire a fixed time after they are signed, so two reads may differ in them. */
    private static Map<String, Object> withoutSignedUrls(Map<String, Object> room) {
        Map<String, Object> copy = new LinkedHashMap<>(room);
        copy.remove("push");
        copy.remove("pull");
        return copy;
    }
}
