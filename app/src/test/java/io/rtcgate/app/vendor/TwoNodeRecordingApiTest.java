package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.agora.CloudRecordingTask;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one database, calling the same Agora: a start retried on the other node with its
 * Idempotency-Key answers the first node's recording, and either node stops it.
 */
@MicronautTest(transactional = false)
class TwoNodeRecordingApiTest extends VendorApiTestBase {

    @Inject
    DatasourceConfiguration database;

    private EmbeddedServer nodeB;
    private WireClient wireB;

    /** Node B: no emulators of its own; this node's database and this node's Agora emulator, as configured vendors. */
    @BeforeEach
    void startNodeB() {
        nodeB = AgoraNode.start(database, emulators);
        wireB = new WireClient(nodeB, json);
    }

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.getApplicationContext().close();
        }
    }

    @Test
    void aStartRetriedOnTheOtherNodeAnswersTheFirstAndEitherNodeStopsIt() {
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "agora").get("id");
        aui.roomActionOk("start", anchor, roomId);
        Map<String, Object> host = joinOk(anchor, roomId, "host");
        assertTrue(agora().joinChannel(roomId + "-1", number(host.get("uid")), true, (String) host.get("token")).joined());
        String key = UUID.randomUUID().toString();
        String path = ROOMS + "/" + roomId + "/recordings";

        Reply onA = wire.post(path, anchor.token(), "{}", Map.of("Idempotency-Key", key));
        assertEquals(201, onA.status(), onA.body());
        Reply onB = wireB.post(path, anchor.token(), "{}", Map.of("Idempotency-Key", key));
        assertEquals(201, onB.status(), onB.body());
        assertEquals(onA.json(), onB.json(), "node B answers node A's first response");
        List<CloudRecordingTask> tasks = agora().recordingTasks().stream()
                .filter(task -> task.channel().equals(roomId + "-1")).toList();
        assertEquals(1, tasks.size(), "one vendor task");

        Reply stopped = wireB.post("/v1/recordings/" + onA.text("id") + "/stop", anchor.token(), "");
        assertEquals(200, stopped.status(), stopped.body());
        assertEquals("completed", stopped.text("state"), stopped.body());
        assertEquals("completed", wire.get("/v1/recordings/" + onA.text("id"), anchor.token()).text("state"),
                "node A reads what node B wrote");
        assertTrue(agora().recordingTasks().stream().filter(task -> task.channel().equals(roomId + "-1"))
                .allMatch(task -> task.state() == CloudRecordingTask.State.STOPPED));
    }
}
