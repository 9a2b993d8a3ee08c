package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.domain.interaction.LikeService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one database liking one room, each running its own flusher: the total stays exact and the
 * room still gets at most five like.added events per second between them.
 */
@MicronautTest(transactional = false)
class TwoNodeLikeApiTest extends InteractionApiTestBase {

    @Inject
    DatasourceConfiguration database;

    private EmbeddedServer nodeB;
    private WireClient wireB;
    private LikeService likesB;

    @BeforeEach
    void startNodeB() {
        nodeB = AgoraNode.start(database, emulators);
        wireB = new WireClient(nodeB, json);
        likesB = nodeB.getApplicationContext().getBean(LikeService.class);
    }

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.getApplicationContext().close();
        }
    }

    @Test
    void bothNodesKeepTheExactTotalAndTheBroadcastLimit() throws Exception {
        String roomId = newRoom(aui.newUser());
        List<User> viewers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            viewers.add(aui.newUser());
        }

        List<Long> answered = likeConcurrently(List.of(wire, wireB), viewers, roomId, 40, 2,
                List.of(likes::announcePending, likesB::announcePending));

        assertEquals(8 * 40, answered.stream().distinct().count(), "every request answered a total of its own");
        assertEquals(8 * 40 * 2L, likes.total(roomId));
        assertEquals(8 * 40 * 2L, likesB.total(roomId));
        assertCoalescedAnnouncements(roomId, 8 * 40 * 2L, 8 * 40);
    }
}
