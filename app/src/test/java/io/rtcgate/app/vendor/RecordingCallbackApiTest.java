package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.recording.Recording;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.recording.RecordingService;
import io.rtcgate.domain.recording.RecordingSpec;
import io.rtcgate.domain.recording.RecordingState;
import io.rtcgate.domain.recording.RecordingStore;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.VendorTaskId;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.emulator.agora.CloudRecordingTask;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Vendor callbacks reaching recordings over HTTP: Agora's signed notifications from the emulator move a
 * recording on; bad signatures, stale and repeated deliveries have no effect; the reconciler finishes a
 * recording whose callbacks were lost; and a crash between the vendor's answer and the write of the task
 * id leaves no vendor task running unseen.
 */
@MicronautTest(transactional = false)
class RecordingCallbackApiTest extends VendorApiTestBase {

    private static final String AGORA = "/callbacks/agora";

    @Inject
    RecordingService recordings;
    @Inject
    RecordingStore recordingStore;
    @Inject
    RoomStore rooms;
    @Inject
    VendorPorts ports;
    @Inject
    Clock clock;
    @Inject
    VendorCleanups cleanups;

    @AfterEach
    void deliverAgain() {
        agora().dropNotifications(false);
        agora().holdNotifications(false);
    }

    /** A live Agora room with its anchor publishing; the anchor's uid in the channel is {@code uid[0]}. */
    private String liveAgoraRoom(User anchor, long[] uid) {
        String id = (String) createRoomOn(anchor, "agora").get("id");
        aui.roomActionOk("start", anchor, id);
        Map<String, Object> host = joinOk(anchor, id, "host");
        uid[0] = number(host.get("uid"));
        assertTrue(agora().joinChannel(id + "-1", uid[0], true, (String) host.get("token")).joined());
        return id;
    }

    private Reply start(User anchor, String roomId, Map<String, ?> body) {
        Reply reply = wire.post(ROOMS + "/" + roomId + "/recordings", anchor.token(), wire.toJson(body));
        assertEquals(201, reply.status(), reply.body());
        return reply;
    }

    private Reply read(User as, String recordingId) {
        return wire.get("/v1/recordings/" + recordingId, as.token());
    }

    private String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(emulators.callbackSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String notice(String noticeId, long notifyMs) {
        return "{\"noticeId\":\"" + noticeId + "\",\"productId\":3,\"eventType\":33,\"notifyMs\":" + notifyMs
                + ",\"payload\":{\"cname\":\"nobody\",\"uid\":\"3000000000\",\"sid\":\"sid-" + noticeId
                + "\",\"sequence\":0,\"sendts\":" + notifyMs + ",\"serviceType\":2,\"details\":{\"msgName\":"
                + "\"uploading_progress\",\"progress\":5000}}}";
    }

    @Test
    void theEmulatorsNotificationsEndARecordingWhoseChannelEmptied() {
        User anchor = aui.newUser();
        long[] uid = new long[1];
        String roomId = liveAgoraRoom(anchor, uid);
        String id = start(anchor, roomId, fields("max_idle_seconds", 5)).text("id");

        agora().leaveChannel(roomId + "-1", uid[0]);

        await(() -> "completed".equals(read(anchor, id).text("state")), "the recording completes from session_exit");
        Reply done = read(anchor, id);
        assertTrue(done.body().contains("\"upload_status\":\"uploaded\""), "the uploaded files are known: " + done.body());
        assertTrue(agora().notificationAttempts().stream().anyMatch(attempt -> attempt.status() == 200));
    }

    @Test
    void aSignedNotificationIsTakenOnceAndAnythingElseIsRefused() throws Exception {
        String body = notice(UUID.randomUUID().toString(), System.currentTimeMillis());

        Reply unsigned = wire.post(AGORA, null, body);
        assertEquals(401, unsigned.status(), unsigned.body());
        Reply wrong = wire.post(AGORA, null, body, Map.of("Agora-Signature-V2", sign(body + " ")));
        assertEquals(401, wrong.status(), wrong.body());

        Reply taken = wire.post(AGORA, null, body, Map.of("Agora-Signature-V2", sign(body)));
        assertEquals(200, taken.status(), taken.body());
        assertEquals("ignored", taken.text("outcome"), "no recording has that task: " + taken.body());
        Reply again = wire.post(AGORA, null, body, Map.of("Agora-Signature-V2", sign(body)));
        assertEquals(200, again.status(), again.body());
        assertEquals("duplicate", again.text("outcome"));

        String stale = notice(UUID.randomUUID().toString(), System.currentTimeMillis() - Duration.ofMinutes(11).toMillis());
        Reply tooOld = wire.post(AGORA, null, stale, Map.of("Agora-Signature-V2", sign(stale)));
        assertEquals(401, tooOld.status(), tooOld.body());
    }

    @Test
    void theReconcilerFollowsAndFinishesARecordingWhoseCallbacksWereLost() {
        User anchor = aui.newUser();
        long[] uid = new long[1];
        String roomId = liveAgoraRoom(anchor, uid);
        agora().dropNotifications(true);
        String id = start(anchor, roomId, fields("max_idle_seconds", 5)).text("id");

        await(() -> {
            recordings.reconcile();
            return read(anchor, id).body().contains(".m3u8");
        }, "a quiet recording's files come from the reconciler's query");
        agora().leaveChannel(roomId + "-1", uid[0]);
        await(() -> agora().recordingTasks().stream().anyMatch(task -> task.channel().equals(roomId + "-1")
                && task.state() == CloudRecordingTask.State.EXITED), "the vendor ends the idle task");
        assertEquals("recording", read(anchor, id).text("state"), "no callback told the gateway");

        await(() -> {
            recordings.reconcile();
            return "completed".equals(read(anchor, id).text("state"));
        }, "the reconciler finds the task ended");
        assertTrue(read(anchor, id).body().contains(".m3u8"), "with its files: " + read(anchor, id).body());
    }

    /** A store that dies, as the gateway would, when it is about to write the task id the vendor answered. */
    private RecordingService crashingBeforeTheTaskIdIsWritten() {
        RecordingStore dying = new RecordingStore() {
            @Override
            public Recording insert(Recording recording) {
                return recordingStore.insert(recording);
            }

            @Override
            public Recording update(Recording recording) {
                if (recording.current().task().flatMap(VendorTaskId::taskId).isPresent()) {
                    throw new IllegalStateException("the gateway died before writing the task id");
                }
                return recordingStore.update(recording);
            }

            @Override
            public Optional<Recording> find(String id) {
                return recordingStore.find(id);
            }

            @Override
            public Page<Recording> listForRoom(String roomId, int limit, Optional<String> cursor) {
                return recordingStore.listForRoom(roomId, limit, cursor);
            }

            @Override
            public List<Recording> activeInRoom(String roomId) {
                return recordingStore.activeInRoom(roomId);
            }

            @Override
            public Optional<Recording> findByTask(Vendor vendor, String taskId) {
                return recordingStore.findByTask(vendor, taskId);
            }

            @Override
            public Optional<Recording> findByRecorder(Vendor vendor, RecorderIdentity recorder) {
                return recordingStore.findByRecorder(vendor, recorder);
            }

            @Override
            public List<String> quietActive(Instant heardBefore, int limit) {
                return recordingStore.quietActive(heardBefore, limit);
            }

            @Override
            public Optional<Recording> reconcile(String id, Instant heardBefore, UnaryOperator<Recording> work) {
                return recordingStore.reconcile(id, heardBefore, work);
            }
        };
        return new RecordingService(dying, rooms, ports, cleanups, () -> UUID.randomUUID().toString(), new SecureRandom(), clock,
                Duration.ofSeconds(2));
    }

    private static final RecordingSpec SPEC = new RecordingSpec(RecordingMode.MIX, Set.of(RecordingFormat.HLS),
            Duration.ofSeconds(30), Optional.empty());

    /** The recording the crashed start left: starting, its resource written down, its task id not. */
    private Recording crashedStart(User anchor, String roomId) {
        agora().holdNotifications(true);
        RecordingService crashing = crashingBeforeTheTaskIdIsWritten();
        assertThrows(IllegalStateException.class, () -> crashing.start(Caller.user(anchor.id()), roomId, SPEC));
        Recording left = recordingStore.activeInRoom(roomId).get(0);
        assertEquals(RecordingState.STARTING, left.state());
        assertTrue(left.current().task().flatMap(VendorTaskId::resourceId).isPresent(), "the resource was written first");
        assertTrue(left.current().task().flatMap(VendorTaskId::taskId).isEmpty(), "the task id was lost");
        assertEquals(1, runningTasks(roomId).size(), "the vendor records");
        return left;
    }

    private List<CloudRecordingTask> runningTasks(String roomId) {
        return agora().recordingTasks().stream()
                .filter(task -> task.channel().equals(roomId + "-1") && task.state() == CloudRecordingTask.State.RUNNING)
                .toList();
    }

    @Test
    void aTaskWhoseIdTheCrashLostIsAdoptedFromItsFirstCallback() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor, new long[1]);
        Recording left = crashedStart(anchor, roomId);
        String sid = runningTasks(roomId).get(0).sid();

        agora().holdNotifications(false);

        await(() -> "recording".equals(read(anchor, left.id()).text("state")), "adopted from recorder_started");
        Reply adopted = read(anchor, left.id());
        assertTrue(adopted.body().contains("\"task_id\":\"" + sid + "\""), adopted.body());

        Reply stopped = wire.post("/v1/recordings/" + left.id() + "/stop", anchor.token(), "");
        assertEquals("completed", stopped.text("state"), stopped.body());
        assertTrue(runningTasks(roomId).isEmpty(), "the adopted task was stopped at the vendor");
    }

    @Test
    void aTaskWhoseIdTheCrashLostIsStoppedWhenItsRecordingWasMeantToEnd() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor, new long[1]);
        Recording left = crashedStart(anchor, roomId);

        aui.roomActionOk("stop", anchor, roomId);
        assertEquals("stopping", read(anchor, left.id()).text("state"), "the start's answer is not known yet");
        assertEquals(1, runningTasks(roomId).size());

        agora().holdNotifications(false);

        await(() -> runningTasks(roomId).isEmpty(), "the first callback naming the recorder stops the task");
        await(() -> "completed".equals(read(anchor, left.id()).text("state")), "and the recording completes");
        assertFalse(read(anchor, left.id()).body().contains("\"task_id\":null"));
    }
}
