package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Comments over HTTP: the text rules, ended rooms, mutes, the per-user rate limit and the comment.posted event. */
@MicronautTest(transactional = false)
class CommentApiTest extends InteractionApiTestBase {

    @Test
    void aCommentIsSavedWithItsEventInTheRoomsHistory() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        User viewer = aui.newUser();

        Reply posted = comment(viewer, roomId, "hello 👋");

        assertEquals(201, posted.status(), posted.body());
        Map<String, Object> comment = posted.json();
        assertEquals(roomId, comment.get("room_id"));
        assertEquals(viewer.id(), comment.get("user_id"));
        assertEquals("hello 👋", comment.get("text"));
        Instant.parse((String) comment.get("created_at"));
        List<Map<String, Object>> events = events(roomId, "comment.posted");
        assertEquals(1, events.size(), events.toString());
        Map<String, Object> event = events.get(0);
        assertEquals(number(comment.get("seq")), number(event.get("seq")));
        assertEquals(viewer.id(), event.get("actor"));
        assertEquals(8L, number(event.get("priority")));
        assertEquals(Map.of("comment_id", comment.get("id"), "user_id", viewer.id(), "text", "hello 👋"), data(event));
    }

    @Test
    void theTextMustBeOneToFiveHundredCharacters() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        for (String bad : new String[] {null, "", "  ", "x".repeat(501)}) {
            Reply refused = comment(anchor, roomId, bad);
            assertEquals(400, refused.status(), refused.body());
            assertEquals("text", refused.errorField(), refused.body());
        }
        assertEquals(201, comment(anchor, roomId, "x".repeat(500)).status(), "500 characters are fine");
        assertEquals(201, comment(anchor, roomId, "😀".repeat(500)).status(), "characters, not UTF-16 units");
        assertEquals(404, comment(anchor, "no-such-room", "hi").status());
        assertEquals(401, wire.post(ROOMS + "/" + roomId + "/comments", null, "{\"text\":\"hi\"}").status());
    }

    @Test
    void anEndedRoomTakesNoComments() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        startAndStopRoom(anchor, roomId);

        Reply refused = comment(aui.newUser(), roomId, "too late");

        assertEquals(409, refused.status(), refused.body());
        assertEquals(List.of(), events(roomId, "comment.posted"));
    }

    @Test
    void aMutedUserIsRefusedSayingSo() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        User muted = aui.newUser();
        assertEquals(201, muteMember(anchor, roomId, muted.id(), 600L).status());

        Reply refused = comment(muted, roomId, "hi");

        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.text("message").contains("muted"), refused.body());
        assertEquals(201, comment(aui.newUser(), roomId, "others still may").status());
        assertEquals(201, comment(muted, newRoom(anchor), "a mute holds in its room only").status());
    }

    @Test
    void aMutedRoomRefusesViewersButNotItsAnchorOrAdmins() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        assertEquals(200, muteRoom(anchor, roomId).status());

        Reply refused = comment(aui.newUser(), roomId, "hi");

        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.text("message").contains("muted"), refused.body());
        assertEquals(201, comment(anchor, roomId, "the anchor speaks").status());
        assertEquals(201, comment(admin(), roomId, "an admin speaks").status());
        assertEquals(200, unmuteRoom(anchor, roomId).status());
        assertEquals(201, comment(aui.newUser(), roomId, "open again").status());
    }

    @Test
    void aUserPostsAtMostFiveCommentsPerSecondInARoom() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        User chatty = aui.newUser();
        List<Instant> accepted = new ArrayList<>();
        Reply throttled = null;
        for (int i = 0; i < 30 && throttled == null; i++) {
            Reply reply = comment(chatty, roomId, "comment " + i);
            if (reply.status() == 429) {
                throttled = reply;
            } else {
                assertEquals(201, reply.status(), reply.body());
                accepted.add(Instant.parse(reply.text("created_at")));
            }
        }

        assertTrue(throttled != null, "no 429 after " + accepted.size() + " comments");
        assertTrue(accepted.size() >= 5, "the first five pass: " + accepted);
        assertEquals(5, mostWithinAnyWindow(accepted, Duration.ofSeconds(1)), "accepted at " + accepted);
        assertEquals("1", throttled.raw().headers().firstValue("Retry-After").orElse(null), throttled.body());
        assertEquals(201, comment(anchor, roomId, "another user is not throttled").status());
        assertEquals(201, comment(chatty, newRoom(anchor), "nor is the user in another room").status());
        await(() -> comment(chatty, roomId, "later").status() == 201, "the user comments again once the second passed");
        assertEquals(accepted.size() + 2, events(roomId, "comment.posted").size(), "every accepted comment has its event");
    }
}
