package io.rtcgate.emulator.agora;

import static io.rtcgate.emulator.agora.RestCalls.integer;
import static io.rtcgate.emulator.agora.RestCalls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.agora.CloudRecordingCalls.Started;
import io.rtcgate.emulator.agora.RestCalls.Reply;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulated Cloud Recording REST API (vendors.md §1.3): the checks, the error table and the files over time. */
class CloudRecordingApiTest {

    private static final String CHANNEL = "room-1";
    private static final long RECORDER = 3_000_000_001L;
    private static final long HOST = 1001;

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final AgoraEmulator emulator = AgoraEmulator.withRandomCredentials(clock).start();
    private final RestCalls rest = new RestCalls(emulator);
    private final CloudRecordingCalls calls = new CloudRecordingCalls(emulator, clock, CHANNEL, RECORDER);
    private final String prefix = calls.prefix();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aMixedRecordingListsItsFilesOnceSomeonePublishesAndANewMp4EveryTwoHours() {
        Started task = calls.start("mix", List.of("hls", "mp4"), 30);
        Reply before = calls.query(task, "mix");
        assertEquals(200, before.status());
        assertEquals(4, integer(before.body().get("serverResponse"), "status"), "ready, nothing published yet");
        assertEquals(0, before.body().get("serverResponse").get("fileList").size());

        emulator.joinChannel(CHANNEL, HOST, true);
        clock.advance(Duration.ofMinutes(121));
        JsonNode response = calls.query(task, "mix").body().get("serverResponse");

        assertEquals(5, integer(response, "status"));
        assertEquals("json", text(response, "fileListMode"));
        List<String> names = names(response.get("fileList"));
        assertEquals(3, names.size(), names.toString());
        assertEquals("dir1/" + task.sid() + "_" + CHANNEL + ".m3u8", names.get(0));
        assertTrue(names.get(1).endsWith(".mp4") && names.get(2).endsWith(".mp4"), names.toString());
        JsonNode first = response.get("fileList").get(0);
        assertEquals("audio_and_video", text(first, "trackType"));
        assertEquals("0", text(first, "uid"));
        assertEquals(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli(), integer(first, "sliceStartTime"));

        Reply stopped = calls.stop(task, "mix");
        assertEquals(200, stopped.status());
        assertEquals("uploaded", text(stopped.body().get("serverResponse"), "uploadingStatus"));
        assertEquals(names, names(stopped.body().get("serverResponse").get("fileList")));
        assertEquals(task.sid(), text(stopped.body(), "sid"));
        assertEquals(404, calls.query(task, "mix").status(), "a stopped task is gone for query");
        Reply again = calls.stop(task, "mix");
        assertEquals(400, again.status());
        assertEquals(49, integer(again.body(), "code"));
    }

    @Test
    void aMixedHlsRecordingNamesItsPlaylistAsAString() {
        emulator.joinChannel(CHANNEL, HOST, true);
        Started task = calls.start("mix", List.of("hls"), 30);

        JsonNode response = calls.query(task, "mix").body().get("serverResponse");

        assertEquals("string", text(response, "fileListMode"));
        assertEquals("dir1/" + task.sid() + "_" + CHANNEL + ".m3u8", text(response, "fileList"));
        assertEquals(clock.instant().toEpochMilli(), integer(response, "sliceStartTime"));
    }

    @Test
    void anIndividualRecordingHasAudioAndVideoFilesPerPublisher() {
        Started task = calls.start("individual", List.of("hls"), 30);
        emulator.joinChannel(CHANNEL, HOST, true);
        emulator.joinChannel(CHANNEL, 1002, false);
        clock.advance(Duration.ofSeconds(10));
        emulator.joinChannel(CHANNEL, 1003, true);

        JsonNode files = calls.query(task, "individual").body().get("serverResponse").get("fileList");

        assertEquals(4, files.size(), files.toString());
        assertEquals(List.of("1001", "1001", "1003", "1003"), strings(files, "uid"));
        assertEquals(List.of("audio", "video", "audio", "video"), strings(files, "trackType"));
        assertFalse(files.get(0).get("mixedAllUser").booleanValue());
    }

    @Test
    void aResourceIdExpiresFiveMinutesAfterTheAcquire() {
        String resourceId = calls.acquire();
        clock.advance(Duration.ofMinutes(5));

        Reply late = rest.call("POST", calls.startPath(resourceId, "mix"), calls.startBody(List.of("hls"), 30));

        assertEquals(400, late.status());
        assertEquals(433, integer(late.body(), "code"));
        String fresh = calls.acquire();
        clock.advance(Duration.ofSeconds(299));
        assertEquals(200, rest.call("POST", calls.startPath(fresh, "mix"), calls.startBody(List.of("hls"), 30))
                .status());
    }

    @Test
    void aSecondStartWithTheSameResourceIdIsAlreadyStartedAndRecordsNothingMore() {
        String resourceId = calls.acquire();
        String body = calls.startBody(List.of("hls"), 30);
        Reply first = rest.call("POST", calls.startPath(resourceId, "mix"), body);

        Reply second = rest.call("POST", calls.startPath(resourceId, "mix"), body);

        assertEquals(201, second.status());
        assertEquals(7, integer(second.body(), "code"));
        assertEquals(text(first.body(), "sid"), text(second.body(), "sid"));
        assertEquals(1, emulator.recordingTasks().size());
        emulator.answerAlreadyStartedWithIds(false);
        Reply bare = rest.call("POST", calls.startPath(resourceId, "mix"), body);
        assertEquals(201, bare.status());
        assertEquals(List.of("code", "reason"), fieldNames(bare.body()));
    }

    @Test
    void aSecondTaskForTheSameChannelAndRecorderIsATaskConflict() {
        calls.start("mix", List.of("hls"), 30);

        Reply conflict = rest.call("POST", calls.startPath(calls.acquire(), "mix"), calls.startBody(List.of("hls"), 30));

        assertEquals(400, conflict.status());
        assertEquals(53, integer(conflict.body(), "code"));
    }

    @Test
    void stoppingATaskNobodyPublishedToIsNoRecordedData() {
        Started task = calls.start("mix", List.of("hls"), 30);
        emulator.joinChannel(CHANNEL, 1002, false);

        Reply stopped = calls.stop(task, "mix");

        assertEquals(206, stopped.status());
        assertEquals(435, integer(stopped.body(), "code"));
        assertEquals(CloudRecordingTask.State.STOPPED, emulator.recordingTasks().get(0).state());
    }

    @Test
    void unknownTasksAreFailedToFindWorker() {
        Started task = calls.start("mix", List.of("hls"), 30);
        Reply unknown = rest.call("GET", prefix + "/resourceid/" + task.resourceId() + "/sid/nosuchsid/mode/mix/query", null);

        assertEquals(404, unknown.status());
        assertEquals(404, integer(unknown.body(), "code"));
        assertEquals("failed to find worker", text(unknown.body(), "reason"));
        Reply wrongMode = calls.query(task, "individual");
        assertEquals(400, wrongMode.status());
        assertEquals(432, integer(wrongMode.body(), "code"));
    }

    @Test
    void aTaskExitsByItselfWhenItsChannelStaysEmptyForTheIdleTime() {
        Started task = calls.start("mix", List.of("hls"), 30);
        emulator.joinChannel(CHANNEL, HOST, true);
        clock.advance(Duration.ofMinutes(10));
        emulator.leaveChannel(CHANNEL, HOST);

        clock.advance(Duration.ofSeconds(29));
        assertEquals(200, calls.query(task, "mix").status());
        clock.advance(Duration.ofSeconds(1));

        assertEquals(404, calls.query(task, "mix").status());
        assertEquals(CloudRecordingTask.State.EXITED, emulator.recordingTasks().get(0).state());
        Reply stopped = calls.stop(task, "mix");
        assertEquals(400, stopped.status());
        assertEquals(49, integer(stopped.body(), "code"));
    }

    @Test
    void someoneComingBackBeforeTheIdleTimeKeepsTheTask() {
        Started task = calls.start("mix", List.of("hls"), 30);
        clock.advance(Duration.ofSeconds(20));
        emulator.joinChannel(CHANNEL, 1002, false);
        clock.advance(Duration.ofSeconds(20));
        emulator.leaveChannel(CHANNEL, 1002);
        clock.advance(Duration.ofSeconds(20));

        assertEquals(200, calls.query(task, "mix").status());
    }

    @Test
    void theRecordersTokenMustAdmitItsUidToTheChannel() {
        Map<String, Integer> codes = new java.util.LinkedHashMap<>();
        codes.put(calls.token(RECORDER + 1), 110);
        codes.put(calls.tokenFor("other-room", RECORDER, 3600), 110);
        codes.put(calls.tokenFor(CHANNEL, RECORDER, 1), 109);
        for (Map.Entry<String, Integer> wrong : codes.entrySet()) {
            String resourceId = calls.acquire();
            clock.advance(Duration.ofSeconds(2));
            Reply refused = rest.call("POST", calls.startPath(resourceId, "mix"),
                    calls.startBody(RECORDER, wrong.getKey(), List.of("hls"), 30));
            assertEquals(400, refused.status(), refused.body().toString());
            assertEquals((long) wrong.getValue(), integer(refused.body(), "code"), refused.body().toString());
        }
        ObjectNode noToken = EmulatorJson.readObject(calls.startBody(RECORDER, "x", List.of("hls"), 30));
        ((ObjectNode) noToken.get("clientRequest")).remove("token");
        assertEquals(110, integer(rest.call("POST", calls.startPath(calls.acquire(), "mix"), noToken.toString()).body(), "code"));
        assertEquals(List.of(), emulator.recordingTasks());
    }

    @Test
    void bodiesAreCheckedFieldByField() {
        String resourceId = calls.acquire();
        String good = calls.startBody(List.of("hls"), 30);
        List<String> wrong = new ArrayList<>();
        wrong.add(good.replace("\"uid\":\"" + RECORDER + "\"", "\"uid\":" + RECORDER));
        wrong.add(good.replace("\"avFileType\":[\"hls\"]", "\"avFileType\":[\"mp4\"]"));
        wrong.add(good.replace("\"maxIdleTime\":30", "\"maxIdleTime\":4"));
        wrong.add(good.replace("\"bucket\":\"" + emulator.recordingStorage().bucket() + "\",", ""));
        wrong.add(good.replace("\"fileNamePrefix\":[\"dir1\"]", "\"fileNamePrefix\":[\"dir_1\"]"));
        for (String body : wrong) {
            Reply refused = rest.call("POST", calls.startPath(resourceId, "mix"), body);
            assertEquals(400, refused.status(), body);
            assertEquals(2, integer(refused.body(), "code"), body);
        }
        Reply mismatch = rest.call("POST", calls.startPath(resourceId, "mix"), good.replace("\"cname\":\"" + CHANNEL + "\"",
                "\"cname\":\"room-2\""));
        assertEquals(432, integer(mismatch.body(), "code"));
        assertEquals(1001, integer(rest.call("POST", calls.startPath("nosuchresource", "mix"), good).body(), "code"));
        Reply acquireWithNumberUid = rest.call("POST", prefix + "/acquire", "{\"cname\":\"room-1\",\"uid\":5,\"clientRequest\":{}}");
        assertEquals(2, integer(acquireWithNumberUid.body(), "code"));
        assertEquals(200, rest.call("POST", calls.startPath(resourceId, "mix"), good).status(), "the refusals left the resource unused");
    }

    @Test
    void theGatewayChecksCredentialsAppIdAndContentType() {
        String body = "{\"cname\":\"room-1\",\"uid\":\"" + RECORDER + "\",\"clientRequest\":{}}";
        Reply anonymous = rest.call("POST", prefix + "/acquire", body, Map.of("Content-Type", "application/json"));
        assertEquals(401, anonymous.status());
        assertEquals("Unauthorized", text(anonymous.body(), "message"));

        Reply otherApp = rest.call("POST", "/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/acquire", body);
        assertEquals(400, otherApp.status());
        assertEquals("appid is invalid", text(otherApp.body(), "message"));

        AgoraCredentials credentials = emulator.credentials();
        Reply textPlain = rest.call("POST", prefix + "/acquire", body, Map.of(
                "Authorization", RestCalls.basicAuth(credentials.customerKey(), credentials.customerSecret()),
                "Content-Type", "text/plain"));
        assertEquals(400, textPlain.status());
        assertEquals(8, integer(textPlain.body(), "code"));
        Reply utf8 = rest.call("POST", prefix + "/acquire", body, Map.of(
                "Authorization", RestCalls.basicAuth(credentials.customerKey(), credentials.customerSecret()),
                "Content-Type", "application/json;charset=utf-8"));
        assertEquals(200, utf8.status());
        assertEquals(404, rest.call("GET", prefix + "/acquire", null).status());
    }

    @Test
    void aNotCompletedAnswerMayOrMayNotHaveStartedTheTask() {
        String body = calls.startBody(List.of("hls"), 30);
        String resourceId = calls.acquire();
        emulator.answerNotCompleted(1, false);

        Reply lost = rest.call("POST", calls.startPath(resourceId, "mix"), body);
        assertEquals(206, lost.status());
        assertEquals(65, integer(lost.body(), "code"));
        assertEquals(List.of(), emulator.recordingTasks(), "not done");
        assertEquals(200, rest.call("POST", calls.startPath(resourceId, "mix"), body).status());

        Started task = new Started(resourceId, emulator.recordingTasks().get(0).sid());
        calls.stop(task, "mix");
        String second = calls.acquire();
        emulator.answerNotCompleted(1, true);
        assertEquals(206, rest.call("POST", calls.startPath(second, "mix"), body).status());
        assertEquals(2, emulator.recordingTasks().size(), "done, though the answer was lost");
        assertEquals(201, rest.call("POST", calls.startPath(second, "mix"), body).status());
    }

    @Test
    void otherStorageRecordsButKeepsTheFilesInBackup() {
        emulator.joinChannel(CHANNEL, HOST, true);
        String body = calls.startBody(List.of("hls"), 30)
                .replace(emulator.recordingStorage().secretKey(), "wrong-secret");
        String resourceId = calls.acquire();
        Reply started = rest.call("POST", calls.startPath(resourceId, "mix"), body);

        Reply stopped = calls.stop(new Started(resourceId, text(started.body(), "sid")), "mix");

        assertEquals("backuped", text(stopped.body().get("serverResponse"), "uploadingStatus"));
    }

    @Test
    void theFaultSwitchesApplyToCloudRecording() {
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        Reply broken = rest.call("POST", prefix + "/acquire", "{\"cname\":\"room-1\",\"uid\":\"" + RECORDER + "\",\"clientRequest\":{}}");
        assertEquals(500, broken.status());
        assertEquals(500, integer(broken.body(), "code"));

        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        Reply throttled = rest.call("POST", prefix + "/acquire", "{\"cname\":\"room-1\",\"uid\":\"" + RECORDER + "\",\"clientRequest\":{}}");
        assertEquals(429, throttled.status());
        assertEquals("API rate limit exceeded", text(throttled.body(), "message"));
    }

    @Test
    void aListenerSeesEveryRecordingCallBeforeItIsServed() {
        List<String> actions = new ArrayList<>();
        AtomicBoolean late = new AtomicBoolean();
        emulator.beforeRecordingCall(action -> {
            actions.add(action);
            if (action.equals("cloud_recording.start") && !late.getAndSet(true)) {
                clock.advance(Duration.ofMinutes(6));
            }
        });
        String resourceId = calls.acquire();

        Reply expired = rest.call("POST", calls.startPath(resourceId, "mix"), calls.startBody(List.of("hls"), 30));

        assertEquals(433, integer(expired.body(), "code"));
        assertEquals(List.of("cloud_recording.acquire", "cloud_recording.start"), actions);
    }

    // ---- helpers ----

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(JsonNode fileList) {
        return strings(fileList, "fileName");
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : (ArrayNode) array) {
            values.add(text(element, field));
        }
        return values;
    }
}
