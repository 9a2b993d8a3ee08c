package io.rtcgate.app.api;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.ApiAssertions.assertSameMicrosecond;
import static io.rtcgate.app.support.ApiAssertions.instant;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static io.rtcgate.app.support.ExpectedStreamUrls.urlInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.ExpectedStreamUrls;
import io.rtcgate.app.support.WireClient.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AUI {@code /create}, {@code /get}, {@code /update} and {@code /delete}, and the signed stream URLs. */
@MicronautTest
class AuiRoomApiTest extends AuiApiTestBase {

    /** Every property of the swagger's {@code models.RoomInfo}. */
    private static final List<String> ROOM_INFO_FIELDS = List.of(
            "id", "title", "notice", "cover_url", "anchor_id", "anchor_nick", "extends", "status", "mode",
            "chat_id", "meeting_id", "meeting_info", "vod_id", "vod_info", "link_info", "user_status",
            "push_url_info", "pull_url_info", "metrics", "created_at", "updated_at", "started_at", "stopped_at");
    private static final int URL_EXPIRE_SECONDS = 3600;

    // ---- create ----------------------------------------------------------------------------------

    @Test
    void createReturnsARoomInfoWithEverySwaggerFieldAndAFreshRoomsValues() {
        User anchor = aui.newUser();
        Instant before = Instant.now();

        Reply reply = aui.create(anchor, fields("anchor", anchor.id(), "anchor_nick", "Nick", "title", "Hello",
                "notice", "Be nice", "cover_url", "https://img.example.com/c.png", "extends", "{\"a\":1}"));

        assertEquals(200, reply.status(), reply.body());
        Map<String, Object> room = reply.json();
        for (String field : ROOM_INFO_FIELDS) {
            assertTrue(room.containsKey(field), "RoomInfo lacks " + field + ": " + reply.body());
        }
        String id = (String) room.get("id");
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals("Hello", room.get("title"));
        assertEquals("Be nice", room.get("notice"));
        assertEquals("https://img.example.com/c.png", room.get("cover_url"));
        assertEquals(anchor.id(), room.get("anchor_id"));
        assertEquals("Nick", room.get("anchor_nick"));
        assertEquals("{\"a\":1}", room.get("extends"));
        assertEquals(0L, number(room.get("status")));
        assertEquals(0L, number(room.get("mode")));
        assertEquals(id, room.get("chat_id"));
        assertNull(room.get("meeting_id"), "a normal room has no co-host session");
        assertEquals("{\"members\":[]}", room.get("meeting_info"));
        assertNull(room.get("vod_id"));
        assertNull(room.get("vod_info"));
        assertNull(room.get("link_info"));
        assertEquals(Map.of("mute", false, "mute_source", List.of()), room.get("user_status"));
        assertEquals(Map.of("like_count", 0, "online_count", 0, "pv", 0, "uv", 0), room.get("metrics"));
        assertEquals(Set.of("rtmp_url", "rts_url", "srt_url"), keys(room, "push_url_info"));
        assertEquals(Set.of("rtmp_url", "flv_url", "hls_url", "rts_url"), keys(room, "pull_url_info"));
        Instant createdAt = instant(room, "created_at");
        assertFalse(createdAt.isBefore(before.minusSeconds(1)) || createdAt.isAfter(Instant.now().plusSeconds(1)),
                "created_at " + createdAt + " is not now");
        assertEquals(room.get("created_at"), room.get("updated_at"));
        assertNull(room.get("started_at"));
        assertNull(room.get("stopped_at"));
        assertEquals(0L, number(room.get("version")));
    }

    @Test
    void optionalCreateFieldsMayBeLeftOutAndComeBackAsNull() {
        User anchor = aui.newUser();

        Reply reply = aui.create(anchor, fields("anchor", anchor.id(), "title", "Minimal"));

        assertEquals(200, reply.status(), reply.body());
        Map<String, Object> room = reply.json();
        for (String optional : List.of("notice", "cover_url", "anchor_nick", "extends")) {
            assertTrue(room.containsKey(optional), optional);
            assertNull(room.get(optional), optional);
        }
        assertEquals(0L, number(room.get("mode")), "mode defaults to 0, a normal live");
    }

    @Test
    void extendsRoundTripsUnderTheKeyExtends() {
        User anchor = aui.newUser();
        String extendsJson = "{\"theme\":\"dark\",\"tags\":[\"a\",\"b\"],\"nested\":{\"x\":null}}";

        Map<String, Object> created = aui.create(anchor, fields("anchor", anchor.id(), "title", "t", "extends", extendsJson)).json();
        Map<String, Object> fetched = aui.roomActionOk("get", anchor, (String) created.get("id"));

        assertEquals(extendsJson, created.get("extends"));
        assertEquals(extendsJson, fetched.get("extends"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void coHostAndPkRoomsGetTheirOwnMeetingId(int mode) {
        Map<String, Object> room = aui.createRoom(aui.newUser(), mode);

        assertEquals(mode, number(room.get("mode")));
        String meetingId = (String) room.get("meeting_id");
        assertEquals(meetingId, UUID.fromString(meetingId).toString());
        assertNotEquals(room.get("id"), meetingId);
    }

    @Test
    void anchorIsRequired() {
        User anchor = aui.newUser();

        assertError(aui.create(anchor, fields("title", "t")), 400, "anchor");
        assertError(aui.create(anchor, fields("anchor", " ", "title", "t")), 400, "anchor");
    }

    @Test
    void titleIsRequired() {
        User anchor = aui.newUser();

        assertError(aui.create(anchor, fields("anchor", anchor.id())), 400, "title");
        assertError(aui.create(anchor, fields("anchor", anchor.id(), "title", "")), 400, "title");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, -1, 100})
    void unknownModesAreRejected(int mode) {
        User anchor = aui.newUser();

        assertError(aui.create(anchor, fields("anchor", anchor.id(), "title", "t", "mode", mode)), 400, "mode");
    }

    @Test
    void textFieldsAreLimitedToTheirColumnSizes() {
        User anchor = aui.newUser();

        assertEquals(200, aui.create(anchor, fields("anchor", anchor.id(), "title", "t".repeat(256))).status());
        assertError(aui.create(anchor, fields("anchor", anchor.id(), "title", "t".repeat(257))), 400, "title");
        assertError(aui.create(anchor, fields("anchor", anchor.id(), "title", "t", "notice", "n".repeat(257))), 400, "notice");
        assertError(aui.create(anchor, fields("anchor", anchor.id(), "title", "t", "anchor_nick", "n".repeat(257))),
                400, "anchor_nick");
        assertError(aui.create(anchor, fields("anchor", anchor.id(), "title", "t", "cover_url", "u".repeat(2049))),
                400, "cover_url");
    }

    @Test
    void aUserCannotCreateARoomForAnotherAnchor() {
        User caller = aui.newUser();
        User someoneElse = aui.newUser();

        assertError(aui.create(caller, fields("anchor", someoneElse.id(), "title", "t")), 403, null);
    }

    @Test
    void anAdminMayCreateARoomForAnyAnchor() {
        User anchor = aui.newUser();

        Reply reply = aui.create(aui.admin(), fields("anchor", anchor.id(), "title", "made by admin"));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(anchor.id(), reply.json().get("anchor_id"));
        assertEquals(200, aui.roomAction("start", anchor, reply.text("id")).status(), "the anchor owns the room");
    }

    @Test
    void anAdminCannotCreateARoomForAnOverlongAnchorId() {
        Reply reply = aui.create(aui.admin(), fields("anchor", "a".repeat(257), "title", "t"));

        assertError(reply, 400, "anchor");
    }

    // ---- get -------------------------------------------------------------------------------------

    @Test
    void getReturnsTheRoomAsCreateReturnedItExceptForTimestampPrecision() {
        User anchor = aui.newUser();
        Map<String, Object> created = aui.createRoom(anchor);

        Map<String, Object> fetched = aui.roomActionOk("get", anchor, (String) created.get("id"));

        for (String field : ROOM_INFO_FIELDS) {
            if (field.endsWith("_at")) {
                assertSameMicrosecond(created, fetched, field);
            } else if (!field.endsWith("_url_info")) { // URLs are signed at each read and may carry a later expiry
                assertEquals(created.get(field), fetched.get(field), field);
            }
        }
        assertEquals(created.get("version"), fetched.get("version"));
    }

    @Test
    void timestampsInWriteRepliesAreTheOnesLaterReadsReturn() {
        User anchor = aui.newUser();
        Map<String, Object> created = aui.createRoom(anchor);
        String id = (String) created.get("id");
        assertEquals(created.get("created_at"), aui.roomActionOk("get", anchor, id).get("created_at"));

        Map<String, Object> updated = aui.call("update", anchor, fields("id", id, "notice", "n")).json();
        assertEquals(updated.get("updated_at"), aui.roomActionOk("get", anchor, id).get("updated_at"));

        Map<String, Object> started = aui.roomActionOk("start", anchor, id);
        assertEquals(started.get("started_at"), aui.roomActionOk("get", anchor, id).get("started_at"));
    }

    @Test
    void getOfAnUnknownRoomIsNotFound() {
        User user = aui.newUser();

        assertError(aui.roomAction("get", user, UUID.randomUUID().toString()), 404, null);
    }

    @Test
    void getNeedsTheRoomIdAndTheCallersOwnUserId() {
        User user = aui.newUser();
        String roomId = (String) aui.createRoom(user).get("id");

        assertError(aui.call("get", user, fields("user_id", user.id())), 400, "id");
        assertError(aui.call("get", user, fields("id", roomId)), 400, "user_id");
        assertError(aui.call("get", user, fields("id", roomId, "user_id", aui.newUser().id())), 403, null);
    }

    @Test
    void anyUserMayGetARoomButWithoutItsPushUrls() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String roomId = (String) aui.createRoom(anchor).get("id");

        Map<String, Object> seenByViewer = aui.roomActionOk("get", viewer, roomId);
        Map<String, Object> seenByAnchor = aui.roomActionOk("get", anchor, roomId);

        assertTrue(seenByViewer.containsKey("push_url_info"));
        assertNull(seenByViewer.get("push_url_info"), "push URLs let anyone publish as the anchor");
        assertEquals(Set.of("rtmp_url", "rts_url", "srt_url"), keys(seenByAnchor, "push_url_info"));
        ExpectedStreamUrls.TEST_CONFIG.assertPullUrls(seenByViewer);
    }

    @Test
    void anAdminSeesThePushUrlsOfAnyRoom() {
        Map<String, Object> room = aui.createRoom(aui.newUser());

        Map<String, Object> seenByAdmin = aui.roomActionOk("get", aui.admin(), (String) room.get("id"));

        ExpectedStreamUrls.TEST_CONFIG.assertPushUrls(seenByAdmin);
    }

    // ---- signed URLs -----------------------------------------------------------------------------

    @Test
    void pushUrlsAreSignedWithThePushKeyAndPullUrlsWithThePlayKey() {
        Instant before = Instant.now();
        Map<String, Object> room = aui.createRoom(aui.newUser());
        Instant after = Instant.now();

        long ts = ExpectedStreamUrls.TEST_CONFIG.assertPushUrls(room);
        assertEquals(ts, ExpectedStreamUrls.TEST_CONFIG.assertPullUrls(room), "all URLs of one reply share one expiry");
        assertTrue(ts >= before.getEpochSecond() + URL_EXPIRE_SECONDS && ts <= after.getEpochSecond() + URL_EXPIRE_SECONDS,
                "auth_key timestamp " + ts + " is not now + url-expire-seconds");
    }

    @Test
    void signedUrlsNameThePlaybackFormatsAndTheRtsScheme() {
        Map<String, Object> room = aui.createRoom(aui.newUser());
        String id = (String) room.get("id");
        Map<String, Object> pull = urlInfo(room, "pull_url_info");
        Map<String, Object> push = urlInfo(room, "push_url_info");

        assertTrue(((String) push.get("rts_url")).startsWith("artc://push.example.com/live/" + id + "?auth_key="));
        assertTrue(((String) pull.get("flv_url")).startsWith("https://play.example.com/live/" + id + ".flv?auth_key="));
        assertTrue(((String) pull.get("hls_url")).startsWith("https://play.example.com/live/" + id + ".m3u8?auth_key="));
        assertTrue(((String) pull.get("rtmp_url")).startsWith("rtmp://play.example.com/live/" + id + "?auth_key="));
    }

    // ---- update ----------------------------------------------------------------------------------

    @Test
    void updateChangesTitleNoticeAndExtendsAndBumpsUpdatedAtAndVersion() {
        User anchor = aui.newUser();
        Map<String, Object> created = aui.create(anchor, fields("anchor", anchor.id(), "title", "Old",
                "notice", "old notice", "cover_url", "https://img.example.com/old.png", "extends", "{}")).json();
        String id = (String) created.get("id");

        Reply reply = aui.call("update", anchor, fields("id", id, "title", "New", "notice", "new notice",
                "extends", "{\"v\":2}"));

        assertEquals(200, reply.status(), reply.body());
        Map<String, Object> updated = reply.json();
        assertEquals("New", updated.get("title"));
        assertEquals("new notice", updated.get("notice"));
        assertEquals("{\"v\":2}", updated.get("extends"));
        assertEquals("https://img.example.com/old.png", updated.get("cover_url"), "fields not sent are kept");
        assertEquals(1L, number(updated.get("version")));
        assertTrue(instant(updated, "updated_at").isAfter(instant(created, "updated_at")));
        assertSameMicrosecond(created, updated, "created_at");

        Map<String, Object> fetched = aui.roomActionOk("get", anchor, id);
        assertEquals("New", fetched.get("title"));
        assertEquals("new notice", fetched.get("notice"));
        assertEquals("{\"v\":2}", fetched.get("extends"));
        assertEquals(1L, number(fetched.get("version")));
        assertSameMicrosecond(updated, fetched, "updated_at");
    }

    @Test
    void eachUpdateGrowsTheVersion() {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        for (int expected = 1; expected <= 3; expected++) {
            Reply reply = aui.call("update", anchor, fields("id", id, "notice", "notice " + expected));
            assertEquals(expected, number(reply.json().get("version")), reply.body());
        }
        assertEquals("notice 3", aui.roomActionOk("get", anchor, id).get("notice"));
    }

    @Test
    void updateRefusesABlankTitle() {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        assertError(aui.call("update", anchor, fields("id", id, "title", "  ")), 400, "title");
        assertEquals("room of " + anchor.id(), aui.roomActionOk("get", anchor, id).get("title"));
    }

    @Test
    void updateNeedsAnExistingRoomOfTheCaller() {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        assertError(aui.call("update", anchor, fields("title", "x")), 400, "id");
        assertError(aui.call("update", anchor, fields("id", UUID.randomUUID().toString(), "title", "x")), 404, null);
        assertError(aui.call("update", aui.newUser(), fields("id", id, "title", "hijacked")), 403, null);
        assertEquals("room of " + anchor.id(), aui.roomActionOk("get", anchor, id).get("title"));
    }

    // ---- delete ----------------------------------------------------------------------------------

    @Test
    void deleteReturnsTheRoomAsItWasAndRemovesIt() {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");
        aui.call("update", anchor, fields("id", id, "notice", "last words"));
        Map<String, Object> beforeDelete = aui.roomActionOk("get", anchor, id);

        Map<String, Object> deleted = aui.roomActionOk("delete", anchor, id);

        for (String field : ROOM_INFO_FIELDS) {
            if (!field.endsWith("_url_info")) {
                assertEquals(beforeDelete.get(field), deleted.get(field), field);
            }
        }
        assertEquals("last words", deleted.get("notice"));
        assertError(aui.roomAction("get", anchor, id), 404, null);
        assertError(aui.roomAction("delete", anchor, id), 404, null);
    }

    @Test
    void onlyTheAnchorMayDeleteARoom() {
        User anchor = aui.newUser();
        User other = aui.newUser();
        String id = (String) aui.createRoom(anchor).get("id");

        assertError(aui.roomAction("delete", other, id), 403, null);
        assertEquals(200, aui.roomAction("get", anchor, id).status(), "the room is still there");
    }

    @Test
    void deleteOfAnUnknownRoomIsNotFound() {
        User user = aui.newUser();

        assertError(aui.roomAction("delete", user, UUID.randomUUID().toString()), 404, null);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Set<String> keys(Map<String, Object> room, String field) {
        return Set.copyOf(urlInfo(room, field).keySet());
    }
}
