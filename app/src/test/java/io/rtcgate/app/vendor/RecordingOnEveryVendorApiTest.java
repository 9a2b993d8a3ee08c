package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.aliyun.ArtcRecordingTask;
import io.rtcgate.emulator.tencent.TrtcRecordingTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recording is started, followed through the vendor's own signed callbacks, and stopped on every vendor
 * of the embedded default, through the one API.
 */
@MicronautTest
class RecordingOnEveryVendorApiTest extends VendorApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"agora", "tencent", "aliyun"})
    void aRecordingRunsOnTheRoomsVendor(String vendor) {
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, vendor).get("id");
        aui.roomActionOk("start", anchor, roomId);
        Map<String, Object> host = joinOk(anchor, roomId, "host");
        String channel = (String) host.get("channel");
        publish(vendor, channel, host);

        Reply started = wire.post(ROOMS + "/" + roomId + "/recordings", anchor.token(),
                wire.toJson(fields("formats", List.of("hls", "mp4"))));
        assertEquals(201, started.status(), started.body());
        assertEquals(vendor, started.text("vendor"));
        assertEquals("recording", started.text("state"), started.body());
        String id = started.text("id");
        assertTrue(running(vendor, channel), "the vendor records");

        Reply stopped = wire.post("/v1/recordings/" + id + "/stop", anchor.token(), "");
        assertEquals(200, stopped.status(), stopped.body());
        assertEquals("completed", stopped.text("state"), stopped.body());
        assertNotNull(stopped.json().get("stopped_at"));
        await(() -> !running(vendor, channel), "the vendor task ends");
        // files as the vendor's callbacks report them, uploads finishing after the stop included (the reconciler,
        // which would query, is off in tests)
        await(() -> !files(anchor, id).isEmpty(), vendor + "'s callbacks report files");
    }

    @Test
    void aliyunRecordsOnlyAChannelSomeonePublishesInAndSaysSo() {
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "aliyun").get("id");
        aui.roomActionOk("start", anchor, roomId);

        Reply refused = wire.post(ROOMS + "/" + roomId + "/recordings", anchor.token(), "{}");

        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.text("message").contains("nobody publishes"), refused.body());
        Reply listed = wire.get(ROOMS + "/" + roomId + "/recordings", anchor.token());
        @SuppressWarnings("unchecked")
        Map<String, Object> failed = ((List<Map<String, Object>>) listed.json().get("items")).get(0);
        assertEquals("failed", failed.get("state"), listed.body());
        assertTrue(String.valueOf(failed.get("failure")).contains("nobody publishes"), listed.body());
        assertTrue(aliyun().recordingTasks().stream().noneMatch(task -> task.channel().equals(roomId + "-1")));
    }

    private void publish(String vendor, String channel, Map<String, Object> host) {
        String token = (String) host.get("token");
        switch (vendor) {
            case "agora" -> assertTrue(agora().joinChannel(channel, number(host.get("uid")), true, token).joined());
            case "tencent" -> tencent().enterRoom(channel, (String) host.get("user_id"), token);
            case "aliyun" -> aliyun().joinChannel(channel, (String) host.get("user_id"), token, true);
            default -> throw new IllegalArgumentException(vendor);
        }
    }

    private boolean running(String vendor, String channel) {
        return switch (vendor) {
            case "agora" -> agora().recordingTasks().stream().anyMatch(task -> task.channel().equals(channel)
                    && task.state() == io.rtcgate.emulator.agora.CloudRecordingTask.State.RUNNING);
            case "tencent" -> tencent().recordingTasks().stream().anyMatch(task -> task.roomId().equals(channel)
                    && (task.state() == TrtcRecordingTask.State.IDLE || task.state() == TrtcRecordingTask.State.IN_PROGRESS));
            case "aliyun" -> aliyun().recordingTasks().stream().anyMatch(task -> task.channel().equals(channel)
                    && task.state() == ArtcRecordingTask.State.RUNNING);
            default -> throw new IllegalArgumentException(vendor);
        };
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> files(User anchor, String id) {
        Reply reply = wire.get("/v1/recordings/" + id, anchor.token());
        assertEquals(200, reply.status(), reply.body());
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) reply.json().get("segments")).get(0).get("files");
    }
}
