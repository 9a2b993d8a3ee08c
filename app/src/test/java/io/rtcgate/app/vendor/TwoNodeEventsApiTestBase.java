package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.EventSocket;
import io.rtcgate.app.support.WireClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one database, woken by the bus under test: what one node commits reaches the WebSocket clients
 * of the other. The test node's periodic re-read is off ({@code catch-up-interval: 1h}), so only the bus can deliver.
 */
abstract class TwoNodeEventsApiTestBase extends RealtimeApiTestBase {

    @Inject
    DatasourceConfiguration database;

    EmbeddedServer nodeB;
    AuiClient auiB;

    /** The bus settings of node B, the same as this node's. */
    abstract Map<String, Object> busProperties();

    @BeforeEach
    void startNodeB() {
        nodeB = AgoraNode.start(database, emulators, busProperties());
        auiB = new AuiClient(new WireClient(nodeB, json));
    }

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.getApplicationContext().close();
        }
    }

    /** Waits for the user's own audience.joined: from then on the socket is live. */
    static void awaitLive(EventSocket socket, User user) {
        socket.until(frame -> "audience.joined".equals(frame.get("type"))
                && user.id().equals(((Map<?, ?>) frame.get("data")).get("user_id")));
    }

    @Test
    void anEventCommittedOnOneNodeReachesClientsOnTheOther() {
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "agora").get("id");
        User onA = aui.newUser();
        User onB = aui.newUser();
        EventSocket clientA = socket(server, roomId, null, onA);
        awaitLive(clientA, onA);
        EventSocket clientB = socket(nodeB, roomId, null, onB);
        awaitLive(clientB, onB);

        aui.roomActionOk("start", anchor, roomId);
        auiB.roomActionOk("pause", anchor, roomId);

        List<Map<String, Object>> onNodeB = clientB.untilType("room.paused");
        List<Map<String, Object>> onNodeA = clientA.untilType("room.paused");
        assertEquals(List.of("room.started", "room.paused"), types(onNodeB), "node B's client");
        assertEquals(List.of("audience.joined", "room.started", "room.paused"), types(onNodeA),
                "node A's client: B's viewer, then the room");
        assertEquals(seqs(onNodeA.subList(1, 3)), seqs(onNodeB));
    }

    static List<Object> types(List<Map<String, Object>> frames) {
        return frames.stream().map(frame -> frame.get("type")).toList();
    }
}
