package io.rtcgate.app.api;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AUI {@code /getMeetingInfo} and {@code /updateMeetingInfo}: the co-host members of a mode-1 room. */
@MicronautTest
class AuiMeetingApiTest extends AuiApiTestBase {

    private static final int COHOST = 1;

    @Test
    void aNewCoHostRoomHasNoMembers() {
        User anchor = aui.newUser();
        String id = coHostRoom(anchor);

        Reply reply = getMeetingInfo(anchor, id);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Map.of("members", List.of()), reply.json());
    }

    @Test
    void theAnchorReplacesTheMembersAndEveryoneReadsThem() {
        User anchor = aui.newUser();
        String id = coHostRoom(anchor);
        List<Map<String, Object>> members = List.of(
                member("bob", "Bob", "https://img.example.com/bob.png", true, false, "artc://play.example.com/live/bob"),
                member("carol", null, null, false, true, null));

        Reply updated = updateMeetingInfo(anchor, id, members);

        assertEquals(200, updated.status(), updated.body());
        assertEquals(Map.of("members", members), updated.json());
        assertEquals(Map.of("members", members), getMeetingInfo(anchor, id).json());
        assertEquals(Map.of("members", members), getMeetingInfo(aui.newUser(), id).json(), "members are public");
    }

    @Test
    void roomInfoCarriesTheMembersAsTheJsonTextOfMeetingInfo() {
        User anchor = aui.newUser();
        String id = coHostRoom(anchor);
        updateMeetingInfo(anchor, id, List.of(member("bob", "Bob", "a.png", true, false, "artc://x/bob")));

        Map<String, Object> room = aui.roomActionOk("get", anchor, id);

        assertEquals("{\"members\":[{\"user_id\":\"bob\",\"user_nick\":\"Bob\",\"user_avatar\":\"a.png\","
                + "\"mic_opened\":true,\"camera_opened\":false,\"rtc_pull_url\":\"artc://x/bob\"}]}", room.get("meeting_info"));
        assertEquals(getMeetingInfo(anchor, id).json(), parse((String) room.get("meeting_info")));
        assertEquals(0L, number(room.get("version")), "the members are the co-host session's: the room did not change");
    }

    @Test
    void anEmptyListClearsTheMembers() {
        User anchor = aui.newUser();
        String id = coHostRoom(anchor);
        updateMeetingInfo(anchor, id, List.of(member("bob", "Bob", null, true, true, null)));

        Reply cleared = updateMeetingInfo(anchor, id, List.of());

        assertEquals(Map.of("members", List.of()), cleared.json());
        assertEquals("{\"members\":[]}", aui.roomActionOk("get", anchor, id).get("meeting_info"));
    }

    @Test
    void someoneWhoIsNeitherAnchorNorMemberCannotUpdate() {
        User anchor = aui.newUser();
        User stranger = aui.newUser();
        String id = coHostRoom(anchor);
        List<Map<String, Object>> members = List.of(member("bob", "Bob", null, true, true, null));
        updateMeetingInfo(anchor, id, members);

        assertError(updateMeetingInfo(stranger, id, List.of(member(stranger.id(), "me", null, true, true, null))), 403, null);
        assertEquals(Map.of("members", members), getMeetingInfo(anchor, id).json());
    }

    @Test
    void aCurrentMemberMayUpdateAndAFormerOneMayNot() {
        User anchor = aui.newUser();
        User bob = aui.newUser();
        User carol = aui.newUser();
        String id = coHostRoom(anchor);
        updateMeetingInfo(anchor, id, List.of(member(bob.id(), "Bob", null, true, true, null)));

        List<Map<String, Object>> bobsList = List.of(
                member(bob.id(), "Bob", null, false, true, null), member(carol.id(), "Carol", null, true, true, null));
        Reply byBob = updateMeetingInfo(bob, id, bobsList);
        assertEquals(200, byBob.status(), byBob.body());
        assertEquals(Map.of("members", bobsList), getMeetingInfo(anchor, id).json());

        assertEquals(200, updateMeetingInfo(carol, id, List.of(member(carol.id(), "Carol", null, true, true, null))).status());
        assertError(updateMeetingInfo(bob, id, List.of()), 403, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void roomsNotInCoHostModeHaveNoMeeting(int mode) {
        User anchor = aui.newUser();
        String id = (String) aui.createRoom(anchor, mode).get("id");

        assertError(getMeetingInfo(anchor, id), 409, null);
        assertError(updateMeetingInfo(anchor, id, List.of()), 409, null);
    }

    @Test
    void anEndedRoomsMembersCannotChange() {
        User anchor = aui.newUser();
        String id = coHostRoom(anchor);
        aui.roomActionOk("start", anchor, id);
        aui.roomActionOk("stop", anchor, id);

        assertError(updateMeetingInfo(anchor, id, List.of(member("bob", null, null, true, true, null))), 409, null);
        assertEquals(Map.of("members", List.of()), getMeetingInfo(anchor, id).json());
    }

    @Test
    void anUpdateWithTheCurrentVersionApplies() {
        User anchor = aui.newUser();
        String id = coHostRoom(anchor);
        updateMeetingInfo(anchor, id, List.of(member("carol", null, null, true, true, null)));
        assertEquals(1L, cohostVersion(anchor, id));
        List<Map<String, Object>> members = List.of(member("bob", null, null, true, true, null));

        Reply reply = aui.call("updateMeetingInfo", anchor, fields("id", id, "members", members, "version", 1));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Map.of("members", members), getMeetingInfo(anchor, id).json());
        assertEquals(2L, cohostVersion(anchor, id));
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflictAndChangesNothing() {
        User anchor = aui.newUser();
        String id = coHostRoom(anchor);
        List<Map<String, Object>> first = List.of(member("bob", null, null, true, true, null));
        assertEquals(200, aui.call("updateMeetingInfo", anchor, fields("id", id, "members", first, "version", 0)).status());

        Reply stale = aui.call("updateMeetingInfo", anchor,
                fields("id", id, "members", List.of(member("carol", null, null, true, true, null)), "version", 0));

        assertError(stale, 409, null);
        assertEquals(Map.of("members", first), getMeetingInfo(anchor, id).json());
        assertEquals(1L, cohostVersion(anchor, id));
    }

    @Test
    void updateNeedsTheRoomIdAndTheMembers() {
        User anchor = aui.newUser();
        String id = coHostRoom(anchor);

        assertError(aui.call("updateMeetingInfo", anchor, fields("members", List.of())), 400, "id");
        assertError(aui.call("updateMeetingInfo", anchor, fields("id", id)), 400, "members");
        assertError(updateMeetingInfo(anchor, id, List.of(member(null, "nameless", null, true, true, null))),
                400, "members.user_id");
    }

    @Test
    void meetingsOfUnknownRoomsAreNotFound() {
        User user = aui.newUser();
        String unknown = UUID.randomUUID().toString();

        assertError(aui.call("getMeetingInfo", user, fields()), 400, "id");
        assertError(getMeetingInfo(user, unknown), 404, null);
        assertError(updateMeetingInfo(user, unknown, List.of()), 404, null);
    }

    private String coHostRoom(User anchor) {
        return (String) aui.createRoom(anchor, COHOST).get("id");
    }

    private Reply getMeetingInfo(User as, String roomId) {
        return aui.call("getMeetingInfo", as, fields("id", roomId));
    }

    private Reply updateMeetingInfo(User as, String roomId, List<Map<String, Object>> members) {
        return aui.call("updateMeetingInfo", as, fields("id", roomId, "members", members));
    }

    /** A {@code models.MeetingMember} as the wire carries it: every field, nulls included. */
    private static Map<String, Object> member(String userId, String nick, String avatar, boolean mic, boolean camera,
                                              String rtcPullUrl) {
        return fields("user_id", userId, "user_nick", nick, "user_avatar", avatar, "mic_opened", mic,
                "camera_opened", camera, "rtc_pull_url", rtcPullUrl);
    }

    private Object parse(String jsonText) {
        try {
            return json.readValue(jsonText, Object.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + jsonText, e);
        }
    }

    /** The version of the room's co-host session, which the AUI version compares with: the native API shows it. */
    private long cohostVersion(User as, String roomId) {
        Reply reply = aui.wire().get("/v1/rooms/" + roomId + "/cohost", as.token());
        assertEquals(200, reply.status(), reply.body());
        return number(reply.json().get("version"));
    }
}
