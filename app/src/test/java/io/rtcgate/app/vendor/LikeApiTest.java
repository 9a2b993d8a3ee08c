package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Likes over HTTP: an exact total under concurrency, and like.added events coalesced to at most
 * rtcgate.events.like-broadcasts-per-second (5) per room, whose deltas add up to the total. The test runs the
 * flusher's pass itself, as often as the scheduled flusher would.
 */
@MicronautTest(transactional = false)
class LikeApiTest extends InteractionApiTestBase {

    @Test
    void theCountMustBeOneToAHundred() {
        User viewer = aui.newUser();
        String roomId = newRoom(aui.newUser());
        for (Object bad : new Object[] {null, 0, -1, 101}) {
            Reply refused = like(viewer, roomId, bad);
            assertEquals(400, refused.status(), refused.body());
            assertEquals("count", refused.errorField(), refused.body());
        }
        assertEquals(404, like(viewer, "no-such-room", 1).status());
        Reply liked = like(viewer, roomId, 100);
        assertEquals(200, liked.status(), liked.body());
        assertEquals(100L, number(liked.json().get("total")));
        assertEquals(107L, number(like(viewer, roomId, 7).json().get("total")));
    }

    @Test
    void anEndedRoomTakesNoLikes() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        startAndStopRoom(anchor, roomId);
        assertEquals(409, like(anchor, roomId, 1).status());
    }

    @Test
    void theTotalIsExactUnderConcurrencyAndTheEventsAreCoalesced() throws Exception {
        String roomId = newRoom(aui.newUser());
        List<User> viewers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            viewers.add(aui.newUser());
        }

        List<Long> answered = likeConcurrently(List.of(wire), viewers, roomId, 50, 3, List.of(likes::announcePending));

        assertEquals(8 * 50 * 3L, answered.stream().mapToLong(Long::longValue).max().orElseThrow(), "the highest total answered");
        assertEquals(8 * 50, answered.stream().distinct().count(), "every request answered a total of its own");
        assertEquals(8 * 50 * 3L, likes.total(roomId));
        assertCoalescedAnnouncements(roomId, 8 * 50 * 3L, 8 * 50);
    }

    @Test
    void theLastLikesOfABurstAreAnnouncedOnceTheIntervalPassed() {
        User viewer = aui.newUser();
        String roomId = newRoom(aui.newUser());
        like(viewer, roomId, 10);
        assertEquals(1, likes.announcePending());
        User lastLiker = aui.newUser();
        like(viewer, roomId, 3);
        like(lastLiker, roomId, 4);

        await(() -> {
            likes.announcePending();
            return events(roomId, "like.added").size() == 2;
        }, "the tail is announced");

        List<Map<String, Object>> added = events(roomId, "like.added");
        assertEquals(Map.of("delta", 10, "total", 10, "last_user_id", viewer.id()), data(added.get(0)));
        assertEquals(Map.of("delta", 7, "total", 17, "last_user_id", lastLiker.id()), data(added.get(1)),
                "an announcement names whose like came last (seed 001's like push names a user)");
        assertTrue(!time(added.get(1)).isBefore(time(added.get(0)).plus(Duration.ofMillis(1000 / BROADCASTS_PER_SECOND))),
                "the tail waited for the interval: " + added);
        assertEquals("system:likes", added.get(1).get("actor"));
        assertEquals(9L, number(added.get(1).get("priority")));
        sleep(Duration.ofMillis(300));
        assertEquals(0, likes.announcePending(), "nothing new, nothing announced");
        assertEquals(2, events(roomId, "like.added").size());
    }
}
