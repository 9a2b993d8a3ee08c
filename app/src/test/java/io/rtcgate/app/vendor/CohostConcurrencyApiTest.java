package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.tencent.TrtcMixTask;
import io.rtcgate.testkit.Concurrently;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Concurrent seat changes never corrupt the members: of many accepts racing for the last seats exactly as many win
 * as there are seats, the mix gets one vendor task, and of AUI updates racing on one version exactly one applies.
 */
@MicronautTest(transactional = false)
class CohostConcurrencyApiTest extends CohostApiTestBase {

    private static final int RACERS = 6;
    private static final int SEATS = 3;

    @Test
    void acceptsRacingForTheSeatsSeatExactlyAsManyAsThereAreAndMixOnce() {
        User anchor = aui.newUser();
        Map<String, Object> room = createRoomOn(anchor, "tencent", "cohost");
        String roomId = (String) room.get("id");
        String channel = (String) room.get("channel");
        aui.roomActionOk("start", anchor, roomId);
        publishes(anchor, roomId);
        await(() -> Boolean.TRUE.equals(mix(anchor, roomId).get("main_available")), "the anchor publishes");
        List<User> viewers = new ArrayList<>();
        List<String> invitations = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            User viewer = aui.newUser();
            viewers.add(viewer);
            Reply invited = invite(anchor, roomId, viewer.id());
            assertEquals(201, invited.status(), invited.body());
            invitations.add(invited.text("id"));
        }
        AtomicInteger next = new AtomicInteger();

        List<Concurrently.Outcome<Reply>> outcomes = Concurrently.run(RACERS, next::getAndIncrement,
                i -> decide(invitations.get(i), "accept", viewers.get(i)));

        List<Integer> statuses = outcomes.stream().map(outcome -> outcome.value().status()).sorted().toList();
        assertEquals(List.of(200, 200, 200, 409, 409, 409), statuses, outcomes.toString());
        List<String> members = memberIds(anchor, roomId);
        assertEquals(1 + SEATS, members.size(), members.toString());
        assertEquals(anchor.id(), members.get(0));
        assertEquals(1 + SEATS, new HashSet<>(members).size(), "nobody sits twice");
        List<TrtcMixTask> tasks = tencent().mixTasks().stream().filter(task -> task.roomId().equals(channel)).toList();
        assertEquals(1, tasks.size(), "one vendor task for the room, however many changes raced: " + tasks);
        assertEquals(members, tasks.get(0).paneUserIds(), "the task mixes the members as seated");
        assertEquals("mixed", mix(anchor, roomId).get("state"));
    }

    @Test
    void auiUpdatesRacingOnOneVersionApplyExactlyOnce() {
        User anchor = aui.newUser();
        String roomId = (String) aui.createRoom(anchor, 1).get("id");
        AtomicInteger next = new AtomicInteger();

        List<Concurrently.Outcome<Reply>> outcomes = Concurrently.run(RACERS, next::getAndIncrement,
                i -> aui.call("updateMeetingInfo", anchor, fields("id", roomId, "version", 0, "members",
                        List.of(fields("user_id", "member-" + i, "mic_opened", true, "camera_opened", true)))));

        long applied = outcomes.stream().filter(outcome -> outcome.value().status() == 200).count();
        long refused = outcomes.stream().filter(outcome -> outcome.value().status() == 409).count();
        assertEquals(1, applied, outcomes.toString());
        assertEquals(RACERS - 1, refused, outcomes.toString());
        List<String> members = memberIds(anchor, roomId);
        assertEquals(1, members.size());
        assertEquals(1L, ((Number) cohost(anchor, roomId).get("version")).longValue());
        assertEquals(List.of("meeting.updated"), eventTypes(anchor, roomId, "meeting."), "only the winner wrote an event");
    }
}
