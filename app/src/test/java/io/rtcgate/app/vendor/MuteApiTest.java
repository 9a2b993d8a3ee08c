package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mutes over HTTP: only the anchor or an admin mutes, each change writes its event, a timed mute ends by itself. */
@MicronautTest(transactional = false)
class MuteApiTest extends InteractionApiTestBase {

    @Test
    void theAnchorMutesAndUnmutesAUserWithEvents() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        User viewer = aui.newUser();

        Instant before = gatewayNow();
        Reply muted = muteMember(anchor, roomId, viewer.id(), 600L);

        assertEquals(201, muted.status(), muted.body());
        Instant until = Instant.parse(muted.text("until"));
        assertWithin(before.plusSeconds(600), gatewayNow().plusSeconds(600), until, "until");
        assertEquals(anchor.id(), muted.text("muted_by"));
        Reply listed = wire.get(ROOMS + "/" + roomId + "/mutes", anchor.token());
        assertEquals(200, listed.status(), listed.body());
        assertEquals(false, listed.json().get("room_muted"));
        assertEquals(List.of(viewer.id()), mutedUsers(listed));

        assertEquals(204, unmuteMember(anchor, roomId, viewer.id()).status());
        assertEquals(201, comment(viewer, roomId, "free again").status());
        assertEquals(List.of(), mutedUsers(wire.get(ROOMS + "/" + roomId + "/mutes", anchor.token())));
        assertEquals(204, unmuteMember(anchor, roomId, viewer.id()).status(), "lifting no mute changes nothing");

        List<Map<String, Object>> mutedEvents = events(roomId, "member.muted");
        assertEquals(1, mutedEvents.size());
        assertEquals(Map.of("user_id", viewer.id(), "until", muted.text("until")), data(mutedEvents.get(0)));
        assertEquals(anchor.id(), mutedEvents.get(0).get("actor"));
        List<Map<String, Object>> unmuted = events(roomId, "member.unmuted");
        assertEquals(1, unmuted.size(), "one event: the second unmute lifted nothing");
        assertEquals(Map.of("user_id", viewer.id()), data(unmuted.get(0)));
    }

    @Test
    void onlyTheAnchorOrAnAdminMutes() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        User viewer = aui.newUser();
        User other = aui.newUser();

        assertEquals(403, muteMember(viewer, roomId, other.id(), 60L).status());
        assertEquals(403, unmuteMember(viewer, roomId, other.id()).status());
        assertEquals(403, muteRoom(viewer, roomId).status());
        assertEquals(403, unmuteRoom(viewer, roomId).status());
        assertEquals(403, wire.get(ROOMS + "/" + roomId + "/mutes", viewer.token()).status());
        assertEquals(List.of(), events(roomId).stream().filter(e -> ((String) e.get("type")).contains("muted")).toList());

        assertEquals(201, muteMember(admin(), roomId, other.id(), 60L).status());
        assertEquals(200, muteRoom(admin(), roomId).status());
        assertEquals(404, muteRoom(anchor, "no-such-room").status());
    }

    @Test
    void badMutesAreRefusedNamingTheField() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        String viewer = aui.newUser().id();
        Object[][] cases = {{null, 60L, "user_id"}, {"not a user!", 60L, "user_id"}, {anchor.id(), 60L, "user_id"},
                {viewer, 0L, "duration_seconds"}, {viewer, 604801L, "duration_seconds"}};
        for (Object[] bad : cases) {
            Reply refused = muteMember(anchor, roomId, (String) bad[0], (Long) bad[1]);
            assertEquals(400, refused.status(), refused.body());
            assertEquals(bad[2], refused.errorField(), refused.body());
        }
        Reply week = muteMember(anchor, roomId, viewer, 604800L);
        assertEquals(201, week.status(), week.body());
        Reply byDefault = muteMember(anchor, roomId, viewer, null);
        assertEquals(201, byDefault.status(), byDefault.body());
        Duration length = Duration.between(Instant.parse(byDefault.text("muted_at")), Instant.parse(byDefault.text("until")));
        assertEquals(Duration.ofHours(1), length, "the default mute, which replaced the week");
    }

    @Test
    void aTimedMuteEndsByItself() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        User viewer = aui.newUser();
        Reply muted = muteMember(anchor, roomId, viewer.id(), 1L);
        assertEquals(201, muted.status(), muted.body());
        Instant until = Instant.parse(muted.text("until"));

        await(() -> comment(viewer, roomId, "am I free?").status() == 201, "the mute ends");

        assertTrue(!gatewayNow().isBefore(until), "not before " + until);
        assertEquals(List.of(), mutedUsers(wire.get(ROOMS + "/" + roomId + "/mutes", anchor.token())));
    }

    @Test
    void theRoomMuteWritesAnEventPerChange() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);

        assertEquals(Map.of("muted", true), muteRoom(anchor, roomId).json());
        assertEquals(Map.of("muted", true), muteRoom(anchor, roomId).json(), "muting a muted room answers the same");
        assertEquals(true, wire.get(ROOMS + "/" + roomId + "/mutes", anchor.token()).json().get("room_muted"));
        assertEquals(Map.of("muted", false), unmuteRoom(anchor, roomId).json());

        List<Map<String, Object>> changes = events(roomId).stream()
                .filter(e -> List.of("room.muted", "room.unmuted").contains(e.get("type"))).toList();
        assertEquals(List.of("room.muted", "room.unmuted"), changes.stream().map(e -> e.get("type")).toList());
        assertEquals(anchor.id(), changes.get(0).get("actor"));
        assertTrue(number(changes.get(1).get("seq")) > number(changes.get(0).get("seq")));
        startAndStopRoom(anchor, roomId);
        assertEquals(409, muteRoom(anchor, roomId).status(), "an ended room takes no mutes");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mutedUsers(Reply listed) {
        assertEquals(200, listed.status(), listed.body());
        return ((List<Map<String, Object>>) listed.json().get("items")).stream().map(m -> m.get("user_id")).toList();
    }
}
