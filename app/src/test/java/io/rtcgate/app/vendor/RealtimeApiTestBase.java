package io.rtcgate.app.vendor;

import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.EventSocket;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** Room event WebSockets on the running gateway; every socket a test opens is closed after it. */
abstract class RealtimeApiTestBase extends VendorApiTestBase {

    @Inject
    RoomEventLog eventLog;
    @Inject
    TransactionOperations<Connection> transactions;

    private final List<EventSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(EventSocket::close);
        sockets.clear();
    }

    /** A new room, pinned to Tencent; its id. */
    String newRoom(User anchor) {
        return (String) createRoomOn(anchor, "tencent").get("id");
    }

    EventSocket socket(io.micronaut.runtime.server.EmbeddedServer on, String roomId, String query, User as) {
        return remember(EventSocket.open(on, json, EventSocket.path(roomId, query), as.token()));
    }

    EventSocket socket(String roomId, String query, User as) {
        return socket(server, roomId, query, as);
    }

    EventSocket remember(EventSocket socket) {
        sockets.add(socket);
        return socket;
    }

    /**
     * Commits {@code count} comment events of {@code textSize} characters in one transaction, as any writer does
     * (through the event log, announced after commit); their last seq.
     */
    long writeEvents(String roomId, int count, int textSize) {
        String text = "x".repeat(textSize);
        List<RoomEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new RoomEvent(roomId, RoomEventType.COMMENT_POSTED, "tester", Instant.now(), Map.of("text", text)));
        }
        return transactions.executeWrite(status -> {
            var recorded = eventLog.append(status.getConnection(), events);
            return recorded.get(recorded.size() - 1).seq();
        });
    }

    long lastSeq(String roomId) {
        return eventLog.lastSeq(roomId);
    }

    static List<Long> seqs(List<Map<String, Object>> frames) {
        return frames.stream().map(EventSocket::seq).toList();
    }

    static List<Long> range(long fromInclusive, long toInclusive) {
        List<Long> range = new ArrayList<>();
        for (long seq = fromInclusive; seq <= toInclusive; seq++) {
            range.add(seq);
        }
        return range;
    }
}
