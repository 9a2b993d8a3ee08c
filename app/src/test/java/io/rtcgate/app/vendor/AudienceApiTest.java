package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.EventSocket;
import io.rtcgate.domain.audience.AudienceCount;
import io.rtcgate.domain.audience.AudienceCounter;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audience of a room's events: online users now, entries (pv) and distinct users ever (uv), through the
 * counter port and through the {@code audience.*} events; a node that stops vouching for its connections stops
 * counting them once they are stale (3 s in tests), and the sweeper writes the {@code audience.left} that is due.
 */
@MicronautTest(transactional = false)
class AudienceApiTest extends RealtimeApiTestBase {

    @Inject
    AudienceCounter counter;
    @Inject
    DatasourceConfiguration database;

    @Test
    void connectionsAndDisconnectsCountAndEmitJoinedAndLeftOncePerUser() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        User first = aui.newUser();
        User second = aui.newUser();
        EventSocket watcher = socket(roomId, "after=0", anchor);
        awaitAudience(watcher, "audience.joined", anchor);

        EventSocket firstTab = socket(roomId, null, first);
        awaitAudience(watcher, "audience.joined", first);
        EventSocket secondTab = socket(roomId, null, first);
        EventSocket other = socket(roomId, null, second);
        awaitAudience(watcher, "audience.joined", second);
        await(() -> counter.count(roomId).pv() == 4, "four entries");
        assertEquals(new AudienceCount(3, 4, 3), counter.count(roomId));

        firstTab.close();
        other.close();
        awaitAudience(watcher, "audience.left", second);
        assertEquals(new AudienceCount(2, 4, 3), counter.count(roomId), "the first user still has a tab open");
        secondTab.close();
        awaitAudience(watcher, "audience.left", first);
        assertEquals(new AudienceCount(1, 4, 3), counter.count(roomId));

        List<String> audienceEvents = RoomEventApiTest.items(wire.get(ROOMS + "/" + roomId + "/events", anchor.token()))
                .stream().filter(event -> ((String) event.get("type")).startsWith("audience."))
                .map(event -> event.get("type") + " " + ((Map<?, ?>) event.get("data")).get("user_id")).toList();
        assertEquals(List.of("audience.joined " + anchor.id(), "audience.joined " + first.id(),
                "audience.joined " + second.id(), "audience.left " + second.id(), "audience.left " + first.id()),
                audienceEvents);
    }

    @Test
    void theConnectionsOfANodeThatStopsBeatingAreSweptWithTheirLeft() {
        User anchor = aui.newUser();
        String roomId = (String) createRoomOn(anchor, "agora").get("id");
        EventSocket watcher = socket(roomId, null, anchor);
        awaitAudience(watcher, "audience.joined", anchor);
        // node B has no scheduled work: it never vouches for its connections, as if it had died
        EmbeddedServer nodeB = AgoraNode.start(database, emulators, Map.of("rtcgate.events.scheduled", false));
        try {
            User viewer = aui.newUser();
            socket(nodeB, roomId, null, viewer);
            awaitAudience(watcher, "audience.joined", viewer);
            assertEquals(2, counter.count(roomId).online());

            awaitAudience(watcher, "audience.left", viewer);

            assertEquals(new AudienceCount(1, 2, 2), counter.count(roomId));
        } finally {
            nodeB.getApplicationContext().close();
        }
    }

    private static void awaitAudience(EventSocket socket, String type, User user) {
        socket.until(frame -> type.equals(frame.get("type"))
                && user.id().equals(((Map<?, ?>) frame.get("data")).get("user_id")));
    }
}
