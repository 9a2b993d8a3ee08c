package io.rtcgate.emulator.agora;

import static io.rtcgate.emulator.agora.RestCalls.integer;
import static io.rtcgate.emulator.agora.RestCalls.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.WebhookSender;
import io.rtcgate.emulator.agora.CloudRecordingCalls.Started;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator's cloud recording notifications (NCS, vendors.md §1.5): what a task's life sends, signed, and how it is resent. */
class CloudRecordingNotificationsTest {

    private static final String CHANNEL = "room-1";
    private static final long RECORDER = 3_000_000_001L;
    private static final long HOST = 1001;
    private static final String SECRET = "ncs-secret-of-the-project";
    private static final Duration QUICK_RETRY = Duration.ofMillis(10);
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final AgoraEmulator emulator = AgoraEmulator.withRandomCredentials(clock).start();
    private final CloudRecordingCalls calls = new CloudRecordingCalls(emulator, clock, CHANNEL, RECORDER);
    /** Agora looks only at the status it is answered with, so any JSON body does. */
    private final WebhookReceiver receiver = new WebhookReceiver("{}");
    private final URI notificationUrl = receiver.url("/callbacks/agora");

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    /** vendors.md §1.5: the published body and secret give the published signatures. */
    @Test
    void theSignaturesAreThePublishedOnes() {
        String body = "{\"eventType\":10,\"noticeId\":\"4eb720f0-8da7-11e9-a43e-53f411c2761f\",\"notifyMs\":1560408533119,"
                + "\"payload\":{\"a\":\"1\",\"b\":2},\"productId\":1}";

        var headers = AgoraNotifications.headers("secret", body);

        assertEquals("de96da5acf03b0021ac3b4fa2225e7ae6f3533a30d50bb02c08ea4fa748bda24", headers.get("Agora-Signature-V2"));
        assertEquals("5a3bb6a6d9fad2ea9ae3fb707a14c9d7f3136df1", headers.get("Agora-Signature"));
        assertEquals("application/json", headers.get("Content-Type"));
    }

    @Test
    void aTasksLifeIsNotifiedInOrderSignedOverTheBytesSent() {
        emulator.deliverNotificationsTo(notificationUrl, SECRET, QUICK_RETRY);
        Started task = calls.start("mix", List.of("hls", "mp4"), 30);
        emulator.joinChannel(CHANNEL, HOST, true);
        clock.advance(Duration.ofSeconds(61));
        RestCalls.Reply stopped = calls.stop(task, "mix");

        List<Delivery> life = receiver.next(5);

        assertEquals(List.of(40, 4, 33, 31, 11), eventTypes(life));
        Instant later = START.plusSeconds(61);
        List<Instant> happened = List.of(START, START, later, later, later);
        List<Integer> serviceTypes = List.of(1, 0, 2, 2, 0);
        List<String> msgNames = List.of("recorder_started", "cloud_recording_file_infos", "uploading_progress", "uploaded",
                "session_exit");
        for (int i = 0; i < life.size(); i++) {
            Delivery delivery = life.get(i);
            assertSignedWithTheSecret(delivery);
            ObjectNode notice = json(delivery);
            assertEquals(List.of("noticeId", "productId", "eventType", "notifyMs", "payload"), fieldNames(notice));
            assertEquals(3, integer(notice, "productId"));
            assertEquals(happened.get(i).toEpochMilli(), integer(notice, "notifyMs"), "sent as it happened, on the emulator's clock");
            JsonNode payload = notice.get("payload");
            assertEquals(List.of("cname", "uid", "sid", "sequence", "sendts", "serviceType", "details"), fieldNames(payload));
            assertEquals(CHANNEL, text(payload, "cname"));
            assertEquals(String.valueOf(RECORDER), text(payload, "uid"), "Agora's payload has the uid as a string");
            assertEquals(task.sid(), text(payload, "sid"));
            assertEquals(i, integer(payload, "sequence"));
            assertEquals(happened.get(i).toEpochMilli(), integer(payload, "sendts"));
            assertEquals((long) serviceTypes.get(i), integer(payload, "serviceType"));
            assertEquals(msgNames.get(i), text(payload.get("details"), "msgName"));
            assertEquals("msgName", payload.get("details").fieldNames().next());
        }
        assertEquals(0, integer(json(life.get(0)).get("payload").get("details"), "status"));
        assertEquals("dir1/" + task.sid() + "_" + CHANNEL + ".m3u8", text(details(life.get(1)), "fileList"),
                "file_infos names the playlist");
        assertEquals(5000, integer(details(life.get(2)), "progress"), "one slice of two uploaded");
        assertEquals(0, integer(details(life.get(3)), "status"));
        assertEquals(stopped.body().get("serverResponse").get("fileList"), details(life.get(3)).get("fileList"),
                "uploaded lists the files of the stop answer");
        assertEquals(0, integer(details(life.get(4)), "exitStatus"));
        assertEquals(5, life.stream().map(delivery -> text(json(delivery), "noticeId")).distinct().count());
    }

    @Test
    void aTaskLeftInAnEmptyChannelExitsAtItsIdleTimeWithNoCallToPromptIt() {
        emulator.deliverNotificationsTo(notificationUrl, SECRET, QUICK_RETRY);
        emulator.joinChannel(CHANNEL, HOST, true);
        Started task = calls.start("mix", List.of("hls"), 30);
        emulator.leaveChannel(CHANNEL, HOST);
        assertEquals(List.of(40, 4), eventTypes(receiver.next(2)));

        clock.advance(Duration.ofSeconds(31));
        List<Delivery> exit = receiver.next(2);

        assertEquals(List.of(31, 11), eventTypes(exit));
        JsonNode uploaded = details(exit.get(0));
        assertEquals(1, uploaded.get("fileList").size());
        assertEquals("dir1/" + task.sid() + "_" + CHANNEL + ".m3u8", text(uploaded.get("fileList").get(0), "fileName"));
        JsonNode sessionExit = json(exit.get(1));
        assertEquals(START.plusSeconds(30).toEpochMilli(), integer(sessionExit.get("payload"), "sendts"),
                "it exited when the channel had been empty for 30 s");
        assertEquals(START.plusSeconds(31).toEpochMilli(), integer(sessionExit, "notifyMs"), "and said so when the clock got there");
        assertEquals(0, integer(details(exit.get(1)), "exitStatus"));
        assertEquals(CloudRecordingTask.State.EXITED, emulator.recordingTasks().get(0).state());
    }

    @Test
    void filesLeftInAgorasBackupAreBackuped() {
        emulator.deliverNotificationsTo(notificationUrl, SECRET, QUICK_RETRY);
        emulator.joinChannel(CHANNEL, HOST, true);
        Started task = calls.start("mix", calls.startBody(List.of("hls"), 30)
                .replace(emulator.recordingStorage().secretKey(), "wrong-secret"));
        calls.stop(task, "mix");

        List<Delivery> life = receiver.next(4);

        assertEquals(List.of(40, 4, 32, 11), eventTypes(life));
        assertEquals("backuped", text(details(life.get(2)), "msgName"));
        assertEquals(1, details(life.get(2)).get("fileList").size());
    }

    @Test
    void aNotificationTheReceiverRefusesIsSentAgainWithTheSameBytes() {
        emulator.deliverNotificationsTo(notificationUrl, SECRET, QUICK_RETRY);
        receiver.answerWith(500, 503);
        calls.start("mix", List.of("hls"), 30);

        List<Delivery> tries = receiver.next(3);
        emulator.joinChannel(CHANNEL, HOST, true);
        Delivery after = receiver.next();

        for (Delivery again : tries.subList(1, 3)) {
            assertArrayEquals(tries.get(0).bytes(), again.bytes());
            assertEquals(tries.get(0).header("Agora-Signature-V2"), again.header("Agora-Signature-V2"));
        }
        assertEquals(40, eventType(tries.get(0)));
        assertEquals(4, eventType(after), "the next notification waits for nothing");
        List<WebhookSender.Attempt> startedTries = attemptsOf(tries.get(0));
        assertEquals(List.of(1, 2, 3), startedTries.stream().map(WebhookSender.Attempt::attempt).toList());
        assertEquals(List.of(500, 503, 200), startedTries.stream().map(WebhookSender.Attempt::status).toList());
    }

    @Test
    void ncsGivesUpAfterThreeResends() {
        emulator.deliverNotificationsTo(notificationUrl, SECRET, Duration.ZERO);
        receiver.answerWith(500, 500, 500, 500);
        calls.start("mix", List.of("hls"), 30);

        List<Delivery> tries = receiver.next(4);
        Delivery started = tries.get(0);
        awaitAttempts(attempts -> attempts.stream().filter(attempt -> attempt.body().equals(started.body())).count() == 4);
        emulator.joinChannel(CHANNEL, HOST, true);
        Delivery after = receiver.next();

        assertTrue(tries.stream().allMatch(delivery -> delivery.body().equals(started.body())));
        assertEquals(4, eventType(after), "no fifth try of recorder_started came first");
        assertEquals(4, attemptsOf(started).size());
    }

    @Test
    void nothingIsSentUntilAReceiverIsSet() {
        emulator.joinChannel(CHANNEL, HOST, true);
        Started unheard = calls.start("mix", List.of("hls"), 30);
        calls.stop(unheard, "mix");
        assertEquals(List.of(), emulator.notificationAttempts());

        emulator.deliverNotificationsTo(notificationUrl, SECRET, QUICK_RETRY);
        Started heard = calls.start("mix", List.of("hls"), 30);
        calls.stop(heard, "mix");
        List<Delivery> life = receiver.next(4);

        assertEquals(List.of(40, 4, 31, 11), eventTypes(life));
        assertTrue(life.stream().allMatch(delivery -> text(json(delivery).get("payload"), "sid").equals(heard.sid())),
                "nothing of the task that ran before the receiver was set");
        assertEquals(0, integer(json(life.get(0)).get("payload"), "sequence"));
    }

    @Test
    void aDroppedNotificationNeverArrives() {
        emulator.deliverNotificationsTo(notificationUrl, SECRET, QUICK_RETRY);
        emulator.dropNotifications(true);
        Started task = calls.start("mix", List.of("hls"), 30);
        // A try is dropped when it is made, in the background: only then may deliveries resume.
        awaitAttempts(attempts -> attempts.size() == 1);
        emulator.dropNotifications(false);
        calls.stop(task, "mix");

        Delivery first = receiver.next();

        assertEquals(11, eventType(first), "recorder_started was lost on the way");
        assertEquals(1, integer(json(first).get("payload"), "sequence"), "the lost one was the task's first; nothing else came between");
        WebhookSender.Attempt lost = emulator.notificationAttempts().get(0);
        assertEquals(-1, lost.status());
        assertEquals(40, EmulatorJson.readObject(lost.body()).get("eventType").intValue());
    }

    @Test
    void aReceiverMustBeAnHttpUrlAndTheSecretNotBlank() {
        assertThrows(IllegalArgumentException.class, () -> emulator.deliverNotificationsTo(URI.create("ftp://127.0.0.1/x"), SECRET));
        assertThrows(IllegalArgumentException.class, () -> emulator.deliverNotificationsTo(URI.create("/callbacks/agora"), SECRET));
        assertThrows(IllegalArgumentException.class, () -> emulator.deliverNotificationsTo(notificationUrl, " "));
    }

    // ---- helpers ----

    /** Checks both signatures with an HMAC of the test's own over the bytes that arrived. */
    private static void assertSignedWithTheSecret(Delivery delivery) {
        assertEquals("application/json", delivery.header("Content-Type"));
        assertEquals(hmacHex("HmacSHA256", delivery.bytes()), delivery.header("Agora-Signature-V2"));
        assertEquals(hmacHex("HmacSHA1", delivery.bytes()), delivery.header("Agora-Signature"));
    }

    private static String hmacHex(String algorithm, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<WebhookSender.Attempt> attemptsOf(Delivery delivery) {
        return emulator.notificationAttempts().stream().filter(attempt -> attempt.body().equals(delivery.body())).toList();
    }

    /** Waits until the emulator's record of tries satisfies {@code condition}; the tries are recorded after the receiver answers. */
    private void awaitAttempts(Predicate<List<WebhookSender.Attempt>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(emulator.notificationAttempts())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the tries never got there: " + emulator.notificationAttempts());
            }
            sleepBriefly();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode json(Delivery delivery) {
        return EmulatorJson.readObject(delivery.body());
    }

    private static int eventType(Delivery delivery) {
        return json(delivery).get("eventType").intValue();
    }

    private static List<Integer> eventTypes(List<Delivery> deliveries) {
        return deliveries.stream().map(CloudRecordingNotificationsTest::eventType).toList();
    }

    private static JsonNode details(Delivery delivery) {
        return json(delivery).get("payload").get("details");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        assertEquals(names.size(), new HashSet<>(names).size());
        return names;
    }
}
