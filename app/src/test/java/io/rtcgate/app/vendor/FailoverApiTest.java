package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.failover.FailoverService;
import io.rtcgate.domain.recording.RecordingService;
import io.rtcgate.domain.cleanup.VendorCleanupStore;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.agora.CloudRecordingTask;
import io.rtcgate.emulator.agora.MediaPullPlayer;
import io.rtcgate.emulator.agora.MediaPushConverter;
import io.rtcgate.emulator.tencent.TrtcMixTask;
import io.rtcgate.emulator.tencent.TrtcRecordingTask;
import io.rtcgate.emulator.tencent.TrtcStreamIngest;
import io.rtcgate.testkit.Concurrently;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failover of live rooms over HTTP, on the emulators: a room with a recording, an ingest and a co-host mix moves
 * with all of them when its vendor is marked down, and the old vendor's tasks are stopped (later, when it did not
 * answer at first); racing moves move a room once; an admin moves a room; rooms that cannot move say why.
 */
@MicronautTest(transactional = false)
class FailoverApiTest extends CohostApiTestBase {

    static final String ADMIN_ROOMS = "/v1/admin/rooms/";

    @Inject
    FailoverService failover;
    @Inject
    VendorCleanups cleanups;
    @Inject
    RoomStore rooms;
    @Inject
    VendorCleanupStore cleanupStore;

    /** A live Agora co-host room with its anchor in the channel; its id. */
    String liveAgoraRoom(User anchor, Map<String, ?> extra) {
        Map<String, Object> body = fields("title", "room of " + anchor.id(), "vendor", "agora", "mode", "cohost");
        body.putAll(extra);
        Reply created = createRoom(anchor, body);
        assertEquals(201, created.status(), created.body());
        String id = created.text("id");
        aui.roomActionOk("start", anchor, id);
        Map<String, Object> host = joinOk(anchor, id, "host");
        assertTrue(agora().joinChannel((String) host.get("channel"), number(host.get("uid")), true,
                (String) host.get("token")).joined());
        return id;
    }

    Map<String, Object> startRecordingOk(User anchor, String roomId) {
        Reply started = wire.post(ROOMS + "/" + roomId + "/recordings", anchor.token(), wire.toJson(fields("mode", "mix")));
        assertEquals(201, started.status(), started.body());
        assertEquals("recording", started.text("state"), started.body());
        return started.json();
    }

    Map<String, Object> startIngestOk(User anchor, String roomId) {
        String source = "https://media.example.com/" + UUID.randomUUID() + ".mp4?duration=600";
        Reply started = wire.post(ROOMS + "/" + roomId + "/ingests", anchor.token(), wire.toJson(fields("source_url", source)));
        assertEquals(201, started.status(), started.body());
        assertEquals("running", started.text("state"), started.body());
        return started.json();
    }

    Map<String, Object> read(User as, String path) {
        Reply reply = wire.get(path, as.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(User as, String roomId, String type) {
        Reply reply = wire.get(ROOMS + "/" + roomId + "/events?limit=1000", as.token());
        assertEquals(200, reply.status(), reply.body());
        return ((List<Map<String, Object>>) reply.json().get("items")).stream().filter(event -> type.equals(event.get("type")))
                .map(event -> plain((Map<String, Object>) event.get("data"))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> segments(Map<String, Object> recording) {
        return (List<Map<String, Object>>) recording.get("segments");
    }

    /**
     * What a failover pass does for this room: the suite's database holds the live rooms of every other test, which a
     * whole pass would move too.
     */
    FailoverService.Outcome passFor(String roomId) {
        return failover.failOver(roomId, failover.failedVendors());
    }

    /** An event's data with every number as a long, whatever width the parser chose. */
    static Map<String, Object> plain(Map<String, Object> data) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        data.forEach((key, value) -> copy.put(key, value instanceof Number n ? (Object) n.longValue() : value));
        return copy;
    }

    Reply move(User as, String roomId, Object vendor) {
        return wire.post(ADMIN_ROOMS + roomId + "/move", as.token(), wire.toJson(fields("vendor", vendor)));
    }

    CloudRecordingTask agoraRecording(String sid) {
        return agora().recordingTasks().stream().filter(task -> task.sid().equals(sid)).findFirst().orElseThrow();
    }

    @Test
    void aLiveRoomWithARecordingAnIngestAndAMixFailsOverWithAllOfThemWhenItsVendorIsMarkedDown() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String roomId = liveAgoraRoom(anchor, Map.of());
        publishes(anchor, roomId);
        await(() -> Boolean.TRUE.equals(mix(anchor, roomId).get("main_available")), "the main stream is mixable");
        seat(anchor, roomId, viewer);
        publishes(viewer, roomId);
        await(() -> "mixed".equals(mix(anchor, roomId).get("state")), "the mix is on");
        String oldMix = (String) mix(anchor, roomId).get("task_id");
        Map<String, Object> recording = startRecordingOk(anchor, roomId);
        String recordingId = (String) recording.get("id");
        String oldSid = (String) segments(recording).get(0).get("task_id");
        Map<String, Object> ingest = startIngestOk(anchor, roomId);
        String ingestId = (String) ingest.get("id");
        String oldPlayer = (String) ingest.get("task_id");
        sleep(Duration.ofMillis(1500));

        setVendorStateOk("agora", "down");
        assertEquals(Map.of(Vendor.AGORA, "agora is marked down by an operator"), failover.failedVendors());
        assertTrue(rooms.liveOn(Set.of(Vendor.AGORA), 100_000).contains(roomId), "a pass finds it");
        Instant movedAround = gatewayNow();
        assertEquals(FailoverService.Outcome.MOVED, passFor(roomId));

        Map<String, Object> room = read(anchor, ROOMS + "/" + roomId);
        assertEquals("tencent", room.get("vendor"), "the next vendor of rtcgate.routing.rtc");
        assertEquals(roomId + "-2", room.get("channel"));
        assertEquals(2L, number(room.get("epoch")));
        assertEquals(List.of(Map.of("from", "agora", "to", "tencent", "epoch", 2L, "channel", roomId + "-2",
                "reason", "agora is marked down by an operator")), events(anchor, roomId, "vendor.switched"));
        Map<String, Object> credential = joinOk(anchor, roomId, "host");
        assertEquals("tencent", credential.get("vendor"), "a client that asks /join again gets the new vendor's credential");
        assertEquals(roomId + "-2", credential.get("channel"));

        Map<String, Object> moved = read(anchor, "/v1/recordings/" + recordingId);
        assertEquals("recording", moved.get("state"), moved.toString());
        assertEquals("tencent", moved.get("vendor"));
        List<Map<String, Object>> parts = segments(moved);
        assertEquals(2, parts.size(), "one recording, two segments: " + moved);
        assertEquals(List.of("agora", "ended"), List.of(parts.get(0).get("vendor"), parts.get(0).get("state")));
        assertEquals(List.of("tencent", "recording"), List.of(parts.get(1).get("vendor"), parts.get(1).get("state")));
        Instant oldEnded = Instant.parse((String) parts.get(0).get("ended_at"));
        Instant newStarted = Instant.parse((String) parts.get(1).get("started_at"));
        assertTrue(!newStarted.isBefore(oldEnded) && !oldEnded.isBefore(movedAround.minusSeconds(1)),
                "the gap is recorded: " + oldEnded + " .. " + newStarted);
        assertEquals(CloudRecordingTask.State.STOPPED, agoraRecording(oldSid).state(), "the old vendor's task is stopped");
        String newTask = (String) parts.get(1).get("task_id");
        assertEquals(TrtcRecordingTask.State.IN_PROGRESS, tencent().recordingTasks().stream()
                .filter(task -> task.taskId().equals(newTask)).findFirst().orElseThrow().state());

        Map<String, Object> restarted = read(anchor, "/v1/ingests/" + ingestId);
        assertEquals("tencent", restarted.get("vendor"), restarted.toString());
        assertEquals("running", restarted.get("state"));
        String newIngest = (String) restarted.get("task_id");
        TrtcStreamIngest pulled = tencent().streamIngests().stream().filter(task -> task.taskId().equals(newIngest))
                .findFirst().orElseThrow();
        assertEquals(TrtcStreamIngest.State.RUNNING, pulled.state());
        assertEquals(roomId + "-2", pulled.roomId());
        assertTrue(pulled.position().toMillis() >= 1000, "it goes on from its saved position: " + pulled.position());
        assertTrue(agora().mediaPullPlayers().stream().filter(player -> player.id().equals(oldPlayer))
                .allMatch(player -> player.state() != MediaPullPlayer.State.RUNNING), "the old vendor's player is stopped");
        assertEquals(List.of("ingest.started", "ingest.moved", "ingest.started"), eventTypes(anchor, roomId, "ingest."));

        await(() -> "tencent".equals(mix(anchor, roomId).get("vendor")) && "mixed".equals(mix(anchor, roomId).get("state")),
                "the mix runs on the new vendor");
        String newMix = (String) mix(anchor, roomId).get("task_id");
        assertEquals(TrtcMixTask.State.RUNNING, tencent().mixTasks().stream().filter(task -> task.taskId().equals(newMix))
                .findFirst().orElseThrow().state());
        assertTrue(agora().mediaPushConverters().stream().filter(converter -> converter.id().equals(oldMix))
                .allMatch(converter -> converter.state() == MediaPushConverter.State.ENDED), "the old mix is stopped");

        assertEquals(FailoverService.Outcome.UNCHANGED, passFor(roomId), "nothing is left to move");
        setVendorStateOk("agora", "up");
        assertEquals(FailoverService.Outcome.UNCHANGED, passFor(roomId));
        assertEquals("tencent", read(anchor, ROOMS + "/" + roomId).get("vendor"), "recovery does not move rooms back");
        assertEquals("agora", read(anchor, ROOMS + "/" + createRoom(anchor, fields("title", "new")).text("id")).get("vendor"),
                "new rooms prefer the first vendor again");
    }

    @Test
    void aVendorThatDoesNotAnswerTheStopOfItsOldTaskGetsItWhenItIsBack() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor, Map.of());
        Map<String, Object> recording = startRecordingOk(anchor, roomId);
        String oldSid = (String) segments(recording).get(0).get("task_id");

        setVendorStateOk("agora", "down");
        agora().faults().failFor(FaultKind.CONNECTION_REFUSED, Duration.ofMinutes(5));
        try {
            assertEquals(FailoverService.Outcome.MOVED, passFor(roomId));
            Map<String, Object> moved = read(anchor, "/v1/recordings/" + recording.get("id"));
            assertEquals("tencent", moved.get("vendor"), moved.toString());
            assertEquals("recording", moved.get("state"), "the recording goes on on the new vendor: " + moved);
            assertTrue(cleanups.pending().stream().anyMatch(cleanup -> cleanup.kind().equals(RecordingService.STOP_SEGMENT)
                    && cleanup.target().startsWith(recording.get("id") + "\n") && cleanup.vendor() == Vendor.AGORA),
                    "the old task's stop is queued: " + cleanups.pending());
            assertEquals(CloudRecordingTask.State.RUNNING, agoraRecording(oldSid).state(), "the old vendor did not hear it yet");
        } finally {
            agora().faults().clear();
            awaitListening(agora());
        }
        await(() -> agoraRecording(oldSid).state() == CloudRecordingTask.State.STOPPED, "the stop is retried until Agora answers");
        await(() -> cleanups.pending().stream().noneMatch(cleanup -> cleanup.target().startsWith(recording.get("id") + "\n")),
                "the clean-up is done");
    }

    @Test
    void theJobsOfARoomWhoseNodeDiedRightAfterTheMoveFollowItAllTheSame() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor, Map.of());
        Map<String, Object> recording = startRecordingOk(anchor, roomId);
        String oldSid = (String) segments(recording).get(0).get("task_id");

        // what a node writes in the move's transaction, before it died: the room moved, its follow-up queued
        Room room = rooms.require(roomId);
        VendorBinding from = room.binding().orElseThrow();
        cleanupStore.add(Vendor.TENCENT, FailoverService.FOLLOW_ROOM, roomId + "\nagora\n" + from.channel() + "\n1",
                Instant.now(), Duration.ZERO, () -> rooms.update(room.rebind(Vendor.TENCENT, "a drill says so",
                        FailoverService.ACTOR, Instant.now())));
        assertEquals("tencent", read(anchor, ROOMS + "/" + roomId).get("vendor"));

        await(() -> "tencent".equals(read(anchor, "/v1/recordings/" + recording.get("id")).get("vendor")),
                "the retriers make the recording follow");
        assertEquals(2, segments(read(anchor, "/v1/recordings/" + recording.get("id"))).size());
        await(() -> agoraRecording(oldSid).state() == CloudRecordingTask.State.STOPPED, "and stop the old task");
    }

    @Test
    void nodesRacingToMoveOneRoomMoveItOnce() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor, Map.of());
        var outcomes = Concurrently.run(4, () -> Map.of(Vendor.AGORA, "a drill says so"),
                failed -> failover.failOver(roomId, failed));
        assertTrue(outcomes.stream().allMatch(Concurrently.Outcome::succeeded), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(outcome -> outcome.value() == FailoverService.Outcome.MOVED).count(),
                "one of them moved it: " + outcomes);
        Map<String, Object> room = read(anchor, ROOMS + "/" + roomId);
        assertEquals(2L, number(room.get("epoch")), "it moved once: " + room);
        assertEquals(1, events(anchor, roomId, "vendor.switched").size());
        assertEquals(FailoverService.Outcome.UNCHANGED, failover.failOver(roomId, Map.of(Vendor.AGORA, "a drill says so")),
                "a late node finds it moved");
    }

    @Test
    void anAdminMovesALiveRoomAndOnlyALiveRoomThatFailsOverToAVendorOfItsRoute() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor, Map.of());

        assertEquals(403, move(anchor, roomId, "tencent").status(), "admins only");
        assertEquals(404, move(admin(), "no-such-room", "tencent").status());
        Reply unknown = move(admin(), roomId, "nope");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("vendor"), unknown.body());
        Reply missing = move(admin(), roomId, null);
        assertEquals(400, missing.status(), missing.body());
        assertTrue(missing.body().contains("vendor"), missing.body());

        Reply moved = move(admin(), roomId, "aliyun");
        assertEquals(200, moved.status(), moved.body());
        assertEquals("aliyun", moved.text("vendor"));
        assertEquals(roomId + "-2", moved.text("channel"));
        assertEquals(2L, number(moved.json().get("epoch")));
        assertEquals("rtc", moved.text("route"));
        assertEquals(List.of(Map.of("from", "agora", "to", "aliyun", "epoch", 2L, "channel", roomId + "-2",
                "reason", "moved by admin admin")), events(anchor, roomId, "vendor.switched"));
        assertEquals("aliyun", joinOk(anchor, roomId, "host").get("vendor"));

        String prepared = createRoom(anchor, fields("title", "not live")).text("id");
        assertEquals(409, move(admin(), prepared, "tencent").status(), "only a live or paused room moves");
        String pinned = liveAgoraRoom(anchor, Map.of("failover", "off"));
        Reply refused = move(admin(), pinned, "tencent");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("failover off"), refused.body());

        String auiRoom = (String) aui.createRoom(anchor).get("id");
        aui.roomActionOk("start", anchor, auiRoom);
        Reply offRoute = move(admin(), auiRoom, "agora");
        assertEquals(400, offRoute.status(), offRoute.body());
        assertTrue(offRoute.body().contains("vendor") && offRoute.body().contains("rtcgate.routing.aui"), offRoute.body());
        Reply badFailover = createRoom(anchor, fields("title", "t", "failover", "sometimes"));
        assertEquals(400, badFailover.status(), badFailover.body());
        assertTrue(badFailover.body().contains("failover"), badFailover.body());
    }

    @Test
    void anAuiClientGetsTheNewChannelsLinkInfoAfterAMove() {
        User anchor = aui.newUser();
        String roomId = (String) aui.createRoom(anchor, 1).get("id");
        aui.roomActionOk("start", anchor, roomId);
        Map<?, ?> before = (Map<?, ?>) aui.roomActionOk("get", anchor, roomId).get("link_info");
        assertNotNull(before, "a co-host room has link_info");
        assertTrue(((String) before.get("rtc_push_url")).contains(roomId + "-1"), before.toString());

        Reply moved = move(admin(), roomId, "aliyun");
        assertEquals(200, moved.status(), moved.body());
        assertEquals("aui", moved.text("route"));

        Map<?, ?> after = (Map<?, ?>) aui.roomActionOk("get", anchor, roomId).get("link_info");
        assertTrue(((String) after.get("rtc_push_url")).contains(roomId + "-2"), after.toString());
        assertTrue(((String) after.get("rtc_pull_url")).contains(roomId + "-2"), after.toString());
    }

    @Test
    void aRoomWithFailoverOffStaysAndSaysWhyOnce() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor, Map.of("failover", "off"));
        assertEquals("off", read(anchor, ROOMS + "/" + roomId).get("failover"));

        setVendorStateOk("agora", "down");
        assertEquals(FailoverService.Outcome.HELD, passFor(roomId));
        assertEquals(FailoverService.Outcome.UNCHANGED, passFor(roomId));
        Map<String, Object> room = read(anchor, ROOMS + "/" + roomId);
        assertEquals("agora", room.get("vendor"), "it never moves");
        assertEquals(1L, number(room.get("epoch")));
        assertEquals(List.of(Map.of("vendor", "agora", "epoch", 1L, "reason", "failover is off for this room")),
                events(anchor, roomId, "vendor.switch_blocked"), "told once");
        Map<String, Object> admin = read(admin(), ADMIN_ROOMS + roomId);
        assertEquals("off", admin.get("failover"));
        assertEquals("failover is off for this room", ((Map<?, ?>) admin.get("failover_blocked")).get("reason"));
    }

    @Test
    void aRoomWithNoEligibleHealthyVendorStaysAndSaysWhyOnce() {
        User anchor = aui.newUser();
        String roomId = (String) aui.createRoom(anchor).get("id");
        aui.roomActionOk("start", anchor, roomId);
        Map<String, Object> before = read(admin(), ADMIN_ROOMS + roomId);
        assertEquals("aliyun", before.get("vendor"));
        assertEquals("aui", before.get("route"));
        assertNull(before.get("failover_blocked"));

        setVendorStateOk("aliyun", "down");
        assertEquals(FailoverService.Outcome.HELD, passFor(roomId));
        assertEquals(FailoverService.Outcome.UNCHANGED, passFor(roomId));
        String reason = "no eligible healthy vendor to move to: rtcgate.routing.aui has [aliyun]";
        assertEquals(List.of(Map.of("vendor", "aliyun", "epoch", 1L, "reason", reason)),
                events(anchor, roomId, "vendor.switch_blocked"), "told once, not on every pass");
        Map<String, Object> held = read(admin(), ADMIN_ROOMS + roomId);
        assertEquals("aliyun", held.get("vendor"));
        assertEquals(reason, ((Map<?, ?>) held.get("failover_blocked")).get("reason"));
        assertNotEquals(null, ((Map<?, ?>) held.get("failover_blocked")).get("since"));
    }
}
