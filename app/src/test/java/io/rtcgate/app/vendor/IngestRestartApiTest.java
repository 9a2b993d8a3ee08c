package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.ingest.IngestService;
import io.rtcgate.emulator.agora.MediaPullPlayer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A file resumes where it stopped after the gateway restarts: the position lives in PostgreSQL, not in the node.
 * Each "gateway" here is a node of its own on this test's database and Agora emulator; the first is shut down
 * before the second starts.
 */
@MicronautTest(transactional = false)
class IngestRestartApiTest extends VendorApiTestBase {

    @Inject
    DatasourceConfiguration database;

    /** Runs {@code work} against a gateway node that is shut down afterwards. */
    void onANewGateway(Consumer<EmbeddedServer> work) {
        EmbeddedServer node = AgoraNode.start(database, emulators);
        try {
            work.accept(node);
        } finally {
            node.getApplicationContext().close();
        }
    }

    String liveAgoraRoom(User anchor) {
        String roomId = (String) createRoomOn(anchor, "agora").get("id");
        aui.roomActionOk("start", anchor, roomId);
        return roomId;
    }

    Reply startIngest(EmbeddedServer node, User anchor, String roomId, Map<String, ?> body) {
        WireClient client = new WireClient(node, json);
        return client.post(ROOMS + "/" + roomId + "/ingests", anchor.token(), client.toJson(body));
    }

    MediaPullPlayer player(String id) {
        return agora().mediaPullPlayers().stream().filter(player -> player.id().equals(id)).findFirst().orElseThrow();
    }

    static double progress(Reply reply) {
        return ((Number) reply.json().get("progress_seconds")).doubleValue();
    }

    @Test
    void aFileResumesWhereItStoppedAfterTheGatewayRestarts() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        String source = "https://media.example.com/" + UUID.randomUUID() + ".mp4?duration=600";
        double[] stoppedAt = new double[1];

        onANewGateway(node -> {
            Reply started = startIngest(node, anchor, roomId, fields("source_url", source));
            assertEquals(201, started.status(), started.body());
            sleep(Duration.ofMillis(2200));
            Reply stopped = new WireClient(node, json).post("/v1/ingests/" + started.text("id") + "/stop", anchor.token(), "");
            assertEquals(200, stopped.status(), stopped.body());
            stoppedAt[0] = progress(stopped);
        });
        assertTrue(stoppedAt[0] >= 2.2, "played 2.2 s: " + stoppedAt[0]);

        onANewGateway(node -> {
            Reply resumed = startIngest(node, anchor, roomId, fields("source_url", source));
            assertEquals(201, resumed.status(), resumed.body());
            // the answer's position is the start position plus the moment it has played since the vendor started it
            double from = progress(resumed);
            assertTrue(from >= stoppedAt[0] && from < stoppedAt[0] + 0.5,
                    "the restarted gateway resumes where the file stopped, " + stoppedAt[0] + ": " + from);
            long seekMillis = player(resumed.text("task_id")).position().toMillis();
            assertTrue(seekMillis >= 2000 && seekMillis < (stoppedAt[0] + 1) * 1000, "Agora seeks to " + seekMillis + " ms");
        });
    }

    @Test
    void aCrashLosesNoMoreThanTheTimeSinceTheLastProgressSave() {
        User anchor = aui.newUser();
        String roomId = liveAgoraRoom(anchor);
        String source = "https://media.example.com/" + UUID.randomUUID() + ".mp4?duration=600";

        onANewGateway(node -> {
            assertEquals(201, startIngest(node, anchor, roomId, fields("source_url", source)).status());
            sleep(Duration.ofMillis(1200));
            assertTrue(node.getApplicationContext().getBean(IngestService.class).saveProgress() >= 1);
            sleep(Duration.ofMillis(1000));
            // the node dies here: no stop, no further save
        });

        onANewGateway(node -> {
            // the first robot's ingest still runs at the vendor, so another robot plays the file on
            Reply resumed = startIngest(node, anchor, roomId, fields("source_url", source, "user_id", "bot-2"));
            assertEquals(201, resumed.status(), resumed.body());
            double from = progress(resumed);
            assertTrue(from >= 1.2 && from < 1.2 + 0.5, "resumes at the last save, losing the second since: " + from);
        });
    }
}
