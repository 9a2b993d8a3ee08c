package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.domain.cohost.CohostService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's MixResult codes as Aliyun sends them to {@code /callbacks/aliyun/mix}, through the emulator: an oddly
 * escaped Message is never lost, MainStreamNotExist waits for the next MixAvailable, InternalError is retried and
 * then given up; and a room's end takes its co-hosting with it.
 */
@MicronautTest(transactional = false)
class CohostMixResultsApiTest extends CohostApiTestBase {

    @Inject
    CohostService cohostService;

    private User anchor;
    private User viewer;
    private String roomId;

    /** An Aliyun co-host room with its anchor and one co-host publishing, mixed. */
    @BeforeEach
    void mixedRoom() {
        anchor = aui.newUser();
        viewer = aui.newUser();
        Map<String, Object> room = createRoomOn(anchor, "aliyun", "cohost");
        roomId = (String) room.get("id");
        aui.roomActionOk("start", anchor, roomId);
        publishes(anchor, roomId);
        await(() -> Boolean.TRUE.equals(mix(anchor, roomId).get("main_available")), "MixAvailable arrived");
        seat(anchor, roomId, viewer);
        publishes(viewer, roomId);
        awaitMix("mixed");
    }

    @Test
    void aMixResultWithAnOddlyEscapedMessageIsDecidedByItsCode() {
        String taskId = taskId();
        // raw | and ", UTF-8 bytes, a lone % and a +: what seed 001 saw Aliyun send (a raw space would end the request line)
        String odd = "mix|\"degraded\"混流100%+a";

        aliyun().sendMixResultUnescaped(taskId, "MixStreamNotExist", odd);

        awaitMix("degraded");
        Map<?, ?> last = (Map<?, ?>) mix(anchor, roomId).get("last_result");
        assertEquals("MixStreamNotExist", last.get("code"));
        assertTrue(((String) last.get("message")).contains("混流"), "the message is kept as sent: " + last);
    }

    @Test
    void mainStreamNotExistStopsTheMixUntilTheNextMixAvailable() {
        String first = taskId();

        assertEquals(204, wire.post("/v1/emulators/rooms/" + roomId + "/unpublish", anchor.token(), "").status());

        awaitMix("waiting_for_main");
        await(() -> aliyun().mixStreamTasks().stream().noneMatch(task -> task.mixStreamId().equals(first)),
                "StopMix for the task the main stream left");
        // a second later, as a real re-push would be: one MixAvailable per stream and second is one delivery to the inbox
        sleep(Duration.ofMillis(1100));
        publishes(anchor, roomId);
        awaitMix("mixed");
        assertNotEquals(first, taskId(), "a new task after the main stream came back");
        assertEquals(List.of("mix.available", "mix.started", "mix.succeeded", "mix.degraded", "mix.available",
                "mix.started", "mix.succeeded"), eventTypes(anchor, roomId, "mix."));
    }

    @Test
    void internalErrorIsRetriedAndTheRetrySucceeds() {
        aliyun().sendMixResult(taskId(), "InternalError", "try again");
        awaitMix("degraded");

        // the reconciler's passes: the retry after its backoff, then (should its Success be merged with the first one,
        // sent in the same second) the retry of a result that did not come
        await(() -> {
            cohostService.reconcile();
            return "mixed".equals(mix(anchor, roomId).get("state"));
        }, "the retried mix is on");
        List<String> events = eventTypes(anchor, roomId, "mix.");
        assertEquals(List.of("mix.available", "mix.started", "mix.succeeded", "mix.degraded", "mix.updated"), events.subList(0, 5));
        assertEquals("mix.succeeded", events.get(events.size() - 1));
    }

    @Test
    void internalErrorsBeyondTheRetriesGiveTheMixUp() {
        String taskId = taskId();
        for (int i = 1; i <= 3; i++) {
            // a second apart: Aliyun's resends of one callback repeat its second, and are one delivery to the inbox
            sleep(Duration.ofMillis(1100));
            aliyun().sendMixResult(taskId, "InternalError", "failure " + i);
            int failures = i;
            await(() -> eventTypes(anchor, roomId, "mix.").stream()
                    .filter(type -> type.equals("mix.degraded") || type.equals("mix.failed")).count() == failures, "result " + i);
        }

        awaitMix("failed");
        await(() -> aliyun().mixStreamTasks().stream().noneMatch(task -> task.mixStreamId().equals(taskId)), "the task is stopped");
        assertEquals("mix.failed", eventTypes(anchor, roomId, "mix.").get(eventTypes(anchor, roomId, "mix.").size() - 1));
        assertEquals(List.of(anchor.id(), viewer.id()), memberIds(anchor, roomId), "the members stay seated");
    }

    @Test
    void theAnchorsStreamGoingDownStopsTheMixUntilItIsMixableAgain() throws Exception {
        String taskId = taskId();
        long now = Instant.now().getEpochSecond();
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(("push.example.com|" + now + "|test-callback-key").getBytes(StandardCharsets.UTF_8)));
        URI publishDone = server.getURI().resolve("/callbacks/aliyun/stream?action=publish_done&ip=192.0.2.10&id=" + roomId
                + "&app=push.example.com&appname=live&time=" + now + "&node=cdn1");

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(publishDone)
                .header("ALI-LIVE-TIMESTAMP", Long.toString(now)).header("ALI-LIVE-SIGNATURE", signature).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        awaitMix("waiting_for_main");
        assertEquals(false, mix(anchor, roomId).get("main_available"));
        await(() -> aliyun().mixStreamTasks().stream().noneMatch(task -> task.mixStreamId().equals(taskId)), "the task is stopped");
        assertTrue(eventTypes(anchor, roomId, "stream.").contains("stream.interrupted"));
    }

    @Test
    void theRoomsEndEndsItsCoHostingAndCancelsItsInvitations() {
        String taskId = taskId();
        String pending = invite(anchor, roomId, aui.newUser().id()).text("id");

        aui.roomActionOk("stop", anchor, roomId);

        assertEquals(List.of(), memberIds(anchor, roomId));
        assertEquals("idle", mix(anchor, roomId).get("state"));
        assertEquals("cancelled", wire.get("/v1/cohost/invitations/" + pending, anchor.token()).text("state"));
        await(() -> aliyun().mixStreamTasks().stream().noneMatch(task -> task.mixStreamId().equals(taskId)), "the task is stopped");
    }

    private String taskId() {
        return (String) mix(anchor, roomId).get("task_id");
    }

    private void awaitMix(String state) {
        await(() -> state.equals(mix(anchor, roomId).get("state")), "the mix is " + state + ": " + mix(anchor, roomId));
    }
}
