package io.rtcgate.app.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.realtime.RoomFeeds;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.EventSocket;
import io.rtcgate.postgres.event.PostgresEventBus;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL LISTEN/NOTIFY bus (the default) between two nodes, and what covers a lost wake-up: the periodic
 * re-read, and the re-read after the listener's connection comes back.
 */
@MicronautTest(transactional = false)
class TwoNodePostgresEventsApiTest extends TwoNodeEventsApiTestBase {

    private static final String UNANNOUNCED_EVENT = """
            INSERT INTO room_events (room_id, seq, type, actor, data, occurred_at)
            SELECT ?, COALESCE(MAX(seq), 0) + 1, 'comment.posted', 'tester', '{}', now() FROM room_events WHERE room_id = ?
            RETURNING seq""";

    @Inject
    RoomFeeds feeds;

    @Override
    Map<String, Object> busProperties() {
        return Map.of("rtcgate.events.bus", "postgres");
    }

    @Test
    void anEventNobodyAnnouncedArrivesWithThePeriodicReRead() {
        User viewer = aui.newUser();
        String roomId = newRoom(aui.newUser());
        EventSocket socket = socket(roomId, null, viewer);
        awaitLive(socket, viewer);
        long seq = writeUnannounced(roomId);

        feeds.catchUp();

        assertEquals(seq, EventSocket.seq(socket.next()));
    }

    @Test
    void afterTheListenerLosesItsConnectionTheNodeReReadsItsRooms() {
        User viewer = aui.newUser();
        String roomId = newRoom(aui.newUser());
        EventSocket socket = socket(roomId, null, viewer);
        awaitLive(socket, viewer);
        long missed = writeUnannounced(roomId);

        terminateListeners();

        assertEquals(missed, EventSocket.seq(socket.next()), "re-read once the listener is back");
        long announced = writeEvents(roomId, 1, 10);
        assertEquals(announced, EventSocket.seq(socket.next()), "and wake-ups reach it again");
    }

    /** An event written behind the event log's back, as if its announcement was lost. */
    private long writeUnannounced(String roomId) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(UNANNOUNCED_EVENT)) {
                insert.setString(1, roomId);
                insert.setString(2, roomId);
                try (ResultSet seq = insert.executeQuery()) {
                    seq.next();
                    return seq.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Drops the LISTEN connections of both nodes, as a database restart or a network cut would. */
    private void terminateListeners() {
        transactions.executeWrite(status -> {
            try (PreparedStatement terminate = status.getConnection().prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
                terminate.setString(1, PostgresEventBus.LISTENER_NAME);
                terminate.execute();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
