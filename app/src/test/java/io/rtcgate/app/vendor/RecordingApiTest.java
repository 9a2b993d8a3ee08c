package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.agora.CloudRecordingTask;
import io.rtcgate.testkit.Concurrently;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recordings API over HTTP, on the Agora emulator: start, follow, stop, pagination, idempotency. */
@MicronautTest
class RecordingApiTest extends VendorApiTestBase {

    /** A live Agora room with its anchor publishing in the channel; its id. */
    String liveAgoraRoom(User anchor) {
        String id = (String) createRoomOn(anchor, "agora").get("id");
        aui.roomActionOk("start", anchor, id);
        Map<String, Object> host = joinOk(anchor, id, "host");
        assertTrue(agora().joinChannel((String) host.get("channel"), number(host.get("uid")), true,
                (String) host.get("token")).joined());
        return id;
    }

    Reply startRecording(User as, String roomId, Map<String, ?> body) {
        return wire.post(ROOMS + "/" + roomId + "/recordings", as.token(), wire.toJson(body));
    }

    Reply startRecording(User as, String roomId, Map<String, ?> body, String idempotencyKey) {
        return wire.post(ROOMS + "/" + roomId + "/recordings", as.token(), wire.toJson(body),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    Reply stopRecording(User as, String recordingId) {
        return wire.post("/v1/recordings/" + recordingId + "/stop", as.token(), "");
    }

    List<CloudRecordingTask> tasksOf(String channel) {
        return agora().recordingTasks().stream().filter(task -> task.channel().equals(channel)).toList();
    }

    @Test
    void aRecordingIsStartedFollowedAndStoppedWithItsFiles() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);

        Reply started = startRecording(anchor, roomId, fields("mode", "mix", "formats", List.of("hls", "mp4"),
                "max_idle_seconds", 60, "layout", "vertical"));
        assertEquals(201, started.status(), started.body());
        Map<String, Object> recording = started.json();
        assertEquals(roomId, recording.get("room_id"));
        assertEquals("agora", recording.get("vendor"));
        assertEquals("mix", recording.get("mode"));
        assertEquals(List.of("hls", "mp4"), recording.get("formats"));
        assertEquals("recording", recording.get("state"));
        assertNull(recording.get("failure"));
        assertNotNull(recording.get("started_at"));
        @SuppressWarnings("unchecked")
        Map<String, Object> segment = ((List<Map<String, Object>>) recording.get("segments")).get(0);
        assertEquals("agora", segment.get("vendor"));
        assertEquals("recording", segment.get("state"));
        String sid = (String) segment.get("task_id");
        assertNotNull(sid, recording.toString());
        assertEquals(List.of(sid), tasksOf(roomId + "-1").stream().map(CloudRecordingTask::sid).toList(),
                "one task runs at the vendor");

        String id = (String) recording.get("id");
        Reply read = wire.get("/v1/recordings/" + id, anchor.token());
        assertEquals(200, read.status(), read.body());
        assertEquals(sid, read.json().get("segments") instanceof List<?> list
                ? ((Map<?, ?>) list.get(0)).get("task_id") : null);

        Reply stopped = stopRecording(anchor, id);
        assertEquals(200, stopped.status(), stopped.body());
        assertEquals("completed", stopped.text("state"), stopped.body());
        assertNotNull(stopped.json().get("stopped_at"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>)
                ((List<Map<String, Object>>) stopped.json().get("segments")).get(0).get("files");
        assertFalse(files.isEmpty(), "a published channel leaves files: " + stopped.body());
        assertTrue(files.stream().allMatch(file -> file.get("name") != null && file.get("track_type") != null
                && file.get("upload_status") != null), files.toString());

        assertEquals(List.of("recording.starting", "recording.started", "recording.stopping", "recording.completed"),
                eventTypes(anchor, roomId, "recording."), "each change is a room event");

        Reply again = stopRecording(anchor, id);
        assertEquals(200, again.status(), again.body());
        // unchanged by the second stop; late upload notices may still add to the files meanwhile
        assertEquals("completed", again.text("state"), again.body());
        assertEquals(stopped.json().get("stopped_at"), again.json().get("stopped_at"), "stopping a stopped recording changes nothing");
    }

    @Test
    void aRoomRecordsOncePerModeAtATime() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        Reply first = startRecording(anchor, roomId, fields("mode", "mix"));
        assertEquals(201, first.status(), first.body());

        Reply second = startRecording(anchor, roomId, fields("mode", "mix"));
        assertEquals(409, second.status(), second.body());
        assertTrue(second.text("message").contains(first.text("id")), "the conflict names the active one: " + second.body());

        Reply individual = startRecording(anchor, roomId, fields("mode", "individual"));
        assertEquals(201, individual.status(), "another mode records alongside: " + individual.body());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "mode|\"loud\"",
        "formats|[\"flv\"]",
        "formats|[\"mp4\",\"hls\",\"mp4\"]",
        "formats|[]",
        "max_idle_seconds|4",
        "max_idle_seconds|259201",
        "layout|\"spiral\""})
    void badInputIsRefusedNamingTheField(String field, String value) {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        int tasksBefore = agora().recordingTasks().size();

        Reply refused = wire.post(ROOMS + "/" + roomId + "/recordings", anchor.token(), "{\"" + field + "\":" + value + "}");

        assertEquals(400, refused.status(), refused.body());
        assertEquals(field, refused.errorField(), refused.body());
        assertEquals(tasksBefore, agora().recordingTasks().size(), "nothing started");
    }

    @Test
    void aLayoutIsForMixedRecordingsOnly() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        Reply refused = startRecording(anchor, roomId, fields("mode", "individual", "layout", "float"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("layout", refused.errorField(), refused.body());
    }

    @Test
    void onlyTheAnchorOrAnAdminRecordsAndOnlyALiveOrPausedRoom() {
        User anchor = aui.newUser();
        String prepared = (String) createRoomOn(anchor, "agora").get("id");
        Reply notLive = startRecording(anchor, prepared, Map.of());
        assertEquals(409, notLive.status(), notLive.body());

        String roomId = liveAgoraRoom(anchor);
        User stranger = aui.newUser();
        assertEquals(403, startRecording(stranger, roomId, Map.of()).status());
        assertEquals(404, startRecording(anchor, UUID.randomUUID().toString(), Map.of()).status());

        Reply byAdmin = startRecording(admin(), roomId, Map.of());
        assertEquals(201, byAdmin.status(), byAdmin.body());
        String id = byAdmin.text("id");
        assertEquals(403, wire.get("/v1/recordings/" + id, stranger.token()).status());
        assertEquals(403, stopRecording(stranger, id).status());
        assertEquals(200, wire.get("/v1/recordings/" + id, anchor.token()).status());
        assertEquals(404, wire.get("/v1/recordings/" + UUID.randomUUID(), admin().token()).status());
    }

    @Test
    void aRoomsRecordingsArePagedNewestFirst() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Reply reply = startRecording(anchor, roomId, Map.of());
            assertEquals(201, reply.status(), reply.body());
            started.add(0, reply.text("id"));
            assertEquals(200, stopRecording(anchor, reply.text("id")).status());
        }

        Reply first = wire.get(ROOMS + "/" + roomId + "/recordings?limit=2", anchor.token());
        assertEquals(200, first.status(), first.body());
        String cursor = first.text("next_cursor");
        assertNotNull(cursor, first.body());
        Reply second = wire.get(ROOMS + "/" + roomId + "/recordings?limit=2&cursor=" + cursor, anchor.token());
        assertEquals(200, second.status(), second.body());
        assertNull(second.json().get("next_cursor"), second.body());

        List<String> paged = new ArrayList<>();
        for (Reply page : List.of(first, second)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.json().get("items");
            items.forEach(item -> paged.add((String) item.get("id")));
        }
        assertEquals(started, paged);

        assertEquals("cursor", wire.get(ROOMS + "/" + roomId + "/recordings?cursor=nonsense", anchor.token()).errorField());
        assertEquals("limit", wire.get(ROOMS + "/" + roomId + "/recordings?limit=0", anchor.token()).errorField());
        assertEquals(403, wire.get(ROOMS + "/" + roomId + "/recordings", aui.newUser().token()).status());
    }

    @Test
    void aRetriedStartWithItsKeyAnswersTheFirstResponseAndStartsNothing() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        String key = UUID.randomUUID().toString();

        Reply first = startRecording(anchor, roomId, fields("formats", List.of("hls")), key);
        assertEquals(201, first.status(), first.body());
        Reply retried = wire.post(ROOMS + "/" + roomId + "/recordings", anchor.token(), "{ \"formats\" : [\"hls\"] }",
                Map.of("Idempotency-Key", key));
        assertEquals(201, retried.status(), retried.body());
        assertEquals(first.json(), retried.json());
        assertEquals(1, tasksOf(roomId + "-1").size(), "one vendor task");

        Reply otherBody = startRecording(anchor, roomId, fields("formats", List.of("mp4")), key);
        assertEquals(422, otherBody.status(), otherBody.body());
        assertEquals("Idempotency-Key", otherBody.errorField(), otherBody.body());

        User otherCaller = aui.newUser();
        Reply sameKeyOtherCaller = startRecording(otherCaller, roomId, fields("formats", List.of("hls")), key);
        assertEquals(403, sameKeyOtherCaller.status(), "keys are per caller: " + sameKeyOtherCaller.body());
    }

    @Test
    void concurrentStartsWithOneKeyStartOneRecording() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        String key = UUID.randomUUID().toString();

        List<Concurrently.Outcome<Reply>> outcomes = Concurrently.run(4, () -> null,
                ignored -> startRecording(anchor, roomId, Map.of(), key));

        Set<String> ids = new HashSet<>();
        for (Concurrently.Outcome<Reply> outcome : outcomes) {
            assertTrue(outcome.succeeded(), String.valueOf(outcome.error()));
            assertEquals(201, outcome.value().status(), outcome.value().body());
            ids.add(outcome.value().text("id"));
        }
        assertEquals(1, ids.size(), "one recording: " + ids);
        assertEquals(1, tasksOf(roomId + "-1").size(), "one vendor task");
        Reply listed = wire.get(ROOMS + "/" + roomId + "/recordings", anchor.token());
        assertEquals(1, ((List<?>) listed.json().get("items")).size(), listed.body());
    }

    @Test
    void stoppingTheRoomStopsItsRecordings() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        Reply started = startRecording(anchor, roomId, Map.of());
        assertEquals(201, started.status(), started.body());

        aui.roomActionOk("stop", anchor, roomId);

        Reply after = wire.get("/v1/recordings/" + started.text("id"), anchor.token());
        assertEquals("completed", after.text("state"), after.body());
        assertTrue(tasksOf(roomId + "-1").stream().noneMatch(task -> task.state() == CloudRecordingTask.State.RUNNING), "the vendor task stopped");
    }

    @Test
    void aRoomThatEndsWhileTheStartIsInFlightEndsTheRecordingToo() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        AtomicBoolean stoppedDuringStart = new AtomicBoolean();
        // the room stops after the resource is acquired and before Agora starts the task
        agora().beforeRecordingCall(action -> {
            if (action.equals("cloud_recording.start") && stoppedDuringStart.compareAndSet(false, true)) {
                aui.roomActionOk("stop", anchor, roomId);
            }
        });
        try {
            Reply started = startRecording(anchor, roomId, Map.of());

            assertTrue(stoppedDuringStart.get(), "the room was stopped during the start");
            assertEquals(201, started.status(), started.body());
            assertEquals("completed", started.text("state"), "the start's answer stops it: " + started.body());
            assertTrue(tasksOf(roomId + "-1").stream().allMatch(task -> task.state() != CloudRecordingTask.State.RUNNING),
                    "nothing records at the vendor");
        } finally {
            agora().beforeRecordingCall(null);
        }
    }
}
