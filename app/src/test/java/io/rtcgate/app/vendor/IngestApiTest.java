package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.ingest.IngestPositions;
import io.rtcgate.domain.ingest.IngestService;
import io.rtcgate.emulator.FaultKind;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ingests API over HTTP on the Tencent and Agora emulators: a file pushed into a room, paused, stopped and
 * resumed where it stopped; one ingest per robot; idempotent starts; bad input; the end of a file; the end of a
 * room; Aliyun's rooms, which cannot ingest.
 */
@MicronautTest(transactional = false)
class IngestApiTest extends VendorApiTestBase {

    static final String INGESTS = "/v1/ingests/";

    @Inject
    IngestService ingests;
    @Inject
    IngestPositions positions;

    /** What a test reads of an ingest task at the vendor, whichever vendor runs it. */
    record VendorTask(String state, Duration position, int volume, String user) {
    }

    /** A live room on {@code vendor}, anchored by {@code anchor}; its id. */
    String liveRoom(User anchor, String vendor) {
        String id = (String) createRoomOn(anchor, vendor).get("id");
        aui.roomActionOk("start", anchor, id);
        return id;
    }

    /** A file of {@code seconds} at the emulators' media clock, unique to the test. */
    static String file(int seconds) {
        return "https://media.example.com/" + UUID.randomUUID() + ".mp4?duration=" + seconds;
    }

    Reply startIngest(User as, String roomId, Map<String, ?> body) {
        return wire.post(ROOMS + "/" + roomId + "/ingests", as.token(), wire.toJson(body));
    }

    Map<String, Object> startIngestOk(User as, String roomId, Map<String, ?> body) {
        Reply started = startIngest(as, roomId, body);
        assertEquals(201, started.status(), started.body());
        return started.json();
    }

    Reply change(User as, String ingestId, Map<String, ?> body) {
        return wire.patch(INGESTS + ingestId, as.token(), wire.toJson(body));
    }

    Reply stopIngest(User as, String ingestId) {
        return wire.post(INGESTS + ingestId + "/stop", as.token(), "");
    }

    Reply read(User as, String ingestId) {
        return wire.get(INGESTS + ingestId, as.token());
    }

    /** Runs {@code work} while the vendor's callbacks to the gateway are lost on the way. */
    void withCallbacksLost(String vendor, Runnable work) {
        Consumer<Boolean> drop = vendor.equals("tencent") ? tencent().callbackSender()::dropDeliveries
                : agora()::dropNotifications;
        drop.accept(true);
        try {
            work.run();
        } finally {
            drop.accept(false);
        }
    }

    static double progress(Map<String, Object> ingest) {
        return ((Number) ingest.get("progress_seconds")).doubleValue();
    }

    /** The vendor's task of an ingest, as its emulator runs it. */
    VendorTask vendorTask(String vendor, String taskId) {
        return switch (vendor) {
            case "tencent" -> tencent().streamIngests().stream().filter(task -> task.taskId().equals(taskId)).findFirst()
                    .map(task -> new VendorTask(task.state().name(), task.position(), task.volume(), task.userId()))
                    .orElseThrow(() -> new AssertionError("tencent has no ingest task " + taskId));
            case "agora" -> agora().mediaPullPlayers().stream().filter(player -> player.id().equals(taskId)).findFirst()
                    .map(player -> new VendorTask(player.state().name(), player.position(), player.volume(),
                            Long.toString(player.uid())))
                    .orElseThrow(() -> new AssertionError("agora has no player " + taskId));
            default -> throw new IllegalArgumentException(vendor);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tencent", "agora"})
    void aFileIsPushedPausedStoppedAndResumedWhereItStopped(String vendor) {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, vendor);
        String source = file(600);

        Map<String, Object> started = startIngestOk(anchor, roomId, fields("source_url", source, "volume", 80));
        assertEquals(roomId, started.get("room_id"));
        assertEquals(vendor, started.get("vendor"));
        assertEquals(source, started.get("source_url"));
        assertEquals("vod", started.get("mode"));
        assertEquals("running", started.get("state"));
        assertEquals("rtcgate-ingest", started.get("user_id"));
        assertNotNull(started.get("started_at"));
        assertNull(started.get("stopped_at"));
        assertNull(started.get("failure"));
        assertTrue(progress(started) < 1.0, "a first start plays from the beginning: " + started);
        String id = (String) started.get("id");
        String taskId = (String) started.get("task_id");
        assertNotNull(taskId, started.toString());
        VendorTask task = vendorTask(vendor, taskId);
        assertEquals("RUNNING", task.state());
        assertEquals(80, task.volume());

        sleep(Duration.ofMillis(1200));
        Reply paused = change(anchor, id, fields("paused", true));
        assertEquals(200, paused.status(), paused.body());
        assertEquals("paused", paused.text("state"));
        assertEquals("PAUSED", vendorTask(vendor, taskId).state());
        double pausedAt = progress(paused.json());
        assertTrue(pausedAt >= 1.2, "played 1.2 s before the pause: " + pausedAt);
        sleep(Duration.ofMillis(500));
        assertEquals(pausedAt, progress(read(anchor, id).json()), "a paused file does not move");

        Reply resumed = change(anchor, id, fields("paused", false, "volume", 30));
        assertEquals(200, resumed.status(), resumed.body());
        assertEquals("running", resumed.text("state"));
        assertEquals(30, ((Number) resumed.json().get("volume")).intValue());
        assertEquals("RUNNING", vendorTask(vendor, taskId).state());
        assertEquals(30, vendorTask(vendor, taskId).volume());
        sleep(Duration.ofMillis(1200));

        Reply stopped = stopIngest(anchor, id);
        assertEquals(200, stopped.status(), stopped.body());
        assertEquals("stopped", stopped.text("state"));
        assertNotNull(stopped.json().get("stopped_at"));
        double stoppedAt = progress(stopped.json());
        assertTrue(stoppedAt >= pausedAt + 1.2 && stoppedAt < pausedAt + 1.2 + 1.5,
                "the pause does not count: paused at " + pausedAt + ", stopped at " + stoppedAt);
        assertEquals("ENDED", vendorTask(vendor, taskId).state());
        Reply again = stopIngest(anchor, id);
        assertEquals(200, again.status(), again.body());
        assertEquals(stopped.json(), again.json(), "stopping a stopped ingest changes nothing");

        Map<String, Object> resumedFile = startIngestOk(anchor, roomId, fields("source_url", source));
        // the answer's position is the start position plus the moment it has played since the vendor started it
        assertTrue(progress(resumedFile) >= stoppedAt && progress(resumedFile) < stoppedAt + 0.5,
                "the next start resumes where the last one stopped, " + stoppedAt + ": " + progress(resumedFile));
        Duration seek = vendorTask(vendor, (String) resumedFile.get("task_id")).position();
        assertTrue(seek.toMillis() >= (long) stoppedAt * 1000 && seek.toMillis() < (stoppedAt + 1) * 1000,
                "the vendor seeks to the whole seconds of " + stoppedAt + ": " + seek);
        assertEquals(200, stopIngest(anchor, (String) resumedFile.get("id")).status());

        assertEquals(List.of("ingest.started", "ingest.paused", "ingest.resumed", "ingest.stopped", "ingest.started",
                "ingest.stopped"), eventTypes(anchor, roomId, "ingest."), "each change is a room event");

        Map<String, Object> fromStart = startIngestOk(anchor, roomId, fields("source_url", source, "resume", false));
        assertTrue(progress(fromStart) < 1.0, "resume: false starts at 0: " + fromStart);
        assertTrue(vendorTask(vendor, (String) fromStart.get("task_id")).position().toMillis() < 1000);
    }

    @Test
    void aRoomRunsOneIngestPerRobotAtATime() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        Map<String, Object> first = startIngestOk(anchor, roomId, fields("source_url", file(600)));

        Reply second = startIngest(anchor, roomId, fields("source_url", file(600)));
        assertEquals(409, second.status(), second.body());
        assertTrue(second.text("message").contains((String) first.get("id")), "names the active ingest: " + second.body());

        Map<String, Object> other = startIngestOk(anchor, roomId, fields("source_url", "rtmp://live.example.com/app/stream",
                "user_id", "bot-2"));
        assertEquals("live", other.get("mode"), "rtmp is a live stream by default");
        assertNull(other.get("progress_seconds"), "a live stream has no position");
        assertEquals("bot-2", vendorTask("tencent", (String) other.get("task_id")).user());
    }

    @Test
    void aRetriedStartWithItsIdempotencyKeyStartsOneIngest() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        String path = ROOMS + "/" + roomId + "/ingests";
        String key = UUID.randomUUID().toString();
        String source = file(600);
        String body = wire.toJson(fields("source_url", source, "repeat", 2));

        Reply first = wire.post(path, anchor.token(), body, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.body());
        Reply retried = wire.post(path, anchor.token(), body, Map.of("Idempotency-Key", key));
        assertEquals(201, retried.status(), retried.body());
        assertEquals(first.body(), retried.body(), "the retry answers the first response");
        assertEquals(1, tencent().streamIngests().stream().filter(task -> task.streamUrl().equals(source)).count(),
                "one task at the vendor");

        Reply otherBody = wire.post(path, anchor.token(), wire.toJson(fields("source_url", file(600))),
                Map.of("Idempotency-Key", key));
        assertEquals(422, otherBody.status(), otherBody.body());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "source_url|\"ftp://media.example.com/a.mp4\"",
        "source_url|\"media.example.com/a.mp4\"",
        "source_url|\"\"",
        "source_url|\"https://\"",
        "source_url|\"https://media.example.com/a b.mp4\"",
        "mode|\"tape\"",
        "repeat|0",
        "repeat|1001",
        "repeat|-2",
        "volume|101",
        "volume|-1",
        "user_id|\"has space\"",
        "user_id|\"a-name-far-longer-than-thirty-two-chars\""})
    void badInputIsRefusedNamingTheField(String field, String value) {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        int tasksBefore = tencent().streamIngests().size();
        String body = field.equals("source_url") ? "{\"source_url\":" + value + "}"
                : "{\"source_url\":\"https://media.example.com/a.mp4\",\"" + field + "\":" + value + "}";

        Reply refused = wire.post(ROOMS + "/" + roomId + "/ingests", anchor.token(), body);

        assertEquals(400, refused.status(), refused.body());
        assertEquals(field, refused.errorField(), refused.body());
        assertEquals(tasksBefore, tencent().streamIngests().size(), "nothing started");
    }

    @Test
    void aLiveStreamTakesNeitherRepeatNorResumeAndAChangeNeedsAField() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        Reply repeat = startIngest(anchor, roomId, fields("source_url", "rtmp://live.example.com/a/b", "repeat", 2));
        assertEquals(400, repeat.status(), repeat.body());
        assertEquals("repeat", repeat.errorField());
        Reply resume = startIngest(anchor, roomId, fields("source_url", "https://live.example.com/a.flv", "mode", "live",
                "resume", true));
        assertEquals(400, resume.status(), resume.body());
        assertEquals("resume", resume.errorField());
        Reply noBody = wire.post(ROOMS + "/" + roomId + "/ingests", anchor.token(), "");
        assertEquals(400, noBody.status(), noBody.body());
        assertEquals("body", noBody.errorField());

        String id = (String) startIngestOk(anchor, roomId, fields("source_url", file(600))).get("id");
        Reply empty = change(anchor, id, Map.of());
        assertEquals(400, empty.status(), empty.body());
        assertEquals("body", empty.errorField());
        Reply loud = change(anchor, id, fields("volume", 101));
        assertEquals(400, loud.status(), loud.body());
        assertEquals("volume", loud.errorField());
    }

    @Test
    void onlyTheAnchorOrAnAdminIngestsAndOnlyIntoALiveRoom() {
        User anchor = aui.newUser();
        String idle = (String) createRoomOn(anchor, "tencent").get("id");
        Reply notLive = startIngest(anchor, idle, fields("source_url", file(60)));
        assertEquals(409, notLive.status(), notLive.body());

        String roomId = liveRoom(anchor, "tencent");
        User stranger = aui.newUser();
        assertEquals(403, startIngest(stranger, roomId, fields("source_url", file(60))).status());
        String id = (String) startIngestOk(admin(), roomId, fields("source_url", file(60))).get("id");
        assertEquals(403, read(stranger, id).status());
        assertEquals(403, stopIngest(stranger, id).status());
        assertEquals(200, read(anchor, id).status());
        assertEquals(404, read(anchor, "no-such-ingest").status());
    }

    @Test
    void aliyunRoomsCannotIngestAndSaySoNamingTheVendorsThatCan() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "aliyun");

        Reply refused = startIngest(anchor, roomId, fields("source_url", file(60)));

        assertEquals(501, refused.status(), refused.body());
        assertTrue(refused.text("message").contains("agora and tencent"), refused.body());
    }

    @Test
    void aFileThatPlayedToItsEndStopsAndForgetsItsPosition() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        String source = file(1);
        // the end-of-task callback is lost: the reconciler finds out
        withCallbacksLost("tencent", () -> {
            String id = (String) startIngestOk(anchor, roomId, fields("source_url", source)).get("id");
            await(() -> {
                ingests.reconcile();
                return "stopped".equals(read(anchor, id).text("state"));
            }, "the reconciler finds the task gone once the file played to its end");
            assertNull(read(anchor, id).json().get("progress_seconds"), "a file that played to its end has no position");
        });

        Map<String, Object> again = startIngestOk(anchor, roomId, fields("source_url", source));
        assertTrue(progress(again) < 1.0, "it plays from the beginning again: " + again);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tencent", "agora"})
    void aChangeToAnIngestTheVendorEndedEndsItAndSaysSo(String vendor) {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, vendor);
        // the vendor's end-of-task callback is lost, so only the change finds out
        withCallbacksLost(vendor, () -> {
            String id = (String) startIngestOk(anchor, roomId, fields("source_url", file(1))).get("id");
            await(() -> "ENDED".equals(vendorTask(vendor, read(anchor, id).text("task_id")).state()),
                    "the one-second file plays to its end at the vendor");

            Reply paused = change(anchor, id, fields("paused", true));

            assertEquals(409, paused.status(), paused.body());
            assertTrue(paused.text("message").contains("ended at the vendor"), paused.body());
            assertEquals("stopped", read(anchor, id).text("state"));
            assertNull(read(anchor, id).json().get("progress_seconds"), "it played to its end");
        });
    }

    @Test
    void aStopTheVendorFailsIsRetriedUntilTheTaskEnds() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        Map<String, Object> ingest = startIngestOk(anchor, roomId, fields("source_url", file(600)));
        tencent().faults().failNext(FaultKind.SERVER_ERROR, 1);

        Reply stopped = stopIngest(anchor, (String) ingest.get("id"));

        assertEquals(200, stopped.status(), stopped.body());
        assertEquals("stopped", stopped.text("state"), "the stop is the gateway's at once");
        await(() -> "ENDED".equals(vendorTask("tencent", (String) ingest.get("task_id")).state()),
                "the queued stop reaches the vendor once it answers again");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tencent", "agora"})
    void stoppingTheRoomStopsItsIngests(String vendor) {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, vendor);
        Map<String, Object> ingest = startIngestOk(anchor, roomId, fields("source_url", file(600)));

        aui.roomActionOk("stop", anchor, roomId);

        assertEquals("stopped", read(anchor, (String) ingest.get("id")).text("state"));
        assertEquals("ENDED", vendorTask(vendor, (String) ingest.get("task_id")).state());
    }

    @Test
    void aRoomsIngestsArePagedNewestFirst() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        Set<String> started = new HashSet<>();
        for (String robot : List.of("bot-a", "bot-b", "bot-c")) {
            started.add((String) startIngestOk(anchor, roomId, fields("source_url", file(600), "user_id", robot)).get("id"));
        }

        Reply first = wire.get(ROOMS + "/" + roomId + "/ingests?limit=2", anchor.token());
        assertEquals(200, first.status(), first.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) first.json().get("items");
        assertEquals(2, items.size());
        String cursor = first.text("next_cursor");
        assertNotNull(cursor, first.body());
        Reply second = wire.get(ROOMS + "/" + roomId + "/ingests?limit=2&cursor=" + cursor, anchor.token());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rest = (List<Map<String, Object>>) second.json().get("items");
        assertEquals(1, rest.size(), second.body());
        assertNull(second.json().get("next_cursor"));
        Set<String> listed = new HashSet<>();
        items.forEach(item -> listed.add((String) item.get("id")));
        rest.forEach(item -> listed.add((String) item.get("id")));
        assertEquals(started, listed);
        assertNotEquals(items.get(0).get("id"), rest.get(0).get("id"));

        Reply badCursor = wire.get(ROOMS + "/" + roomId + "/ingests?cursor=nonsense", anchor.token());
        assertEquals(400, badCursor.status(), badCursor.body());
        assertEquals("cursor", badCursor.errorField());
    }

    @Test
    void playingFilesHaveTheirPositionsSavedByTheProgressPass() {
        User anchor = aui.newUser();
        String roomId = liveRoom(anchor, "tencent");
        String source = file(600);
        String id = (String) startIngestOk(anchor, roomId, fields("source_url", source)).get("id");
        sleep(Duration.ofMillis(1100));

        assertTrue(positions.find(roomId, source).isEmpty(), "nothing is saved before the pass");

        assertTrue(ingests.saveProgress() >= 1, "the pass saves the playing file");

        Duration saved = positions.find(roomId, source).orElseThrow();
        double now = progress(read(anchor, id).json());
        assertTrue(saved.toMillis() >= 1100 && saved.toMillis() <= now * 1000, "saved " + saved + ", now at " + now);
    }
}
