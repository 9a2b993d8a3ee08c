package io.rtcgate.postgres.room;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.rtcgate.domain.event.EventBus;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code room_events}, the outbox of room events: every writer of a room change (rooms, recordings, ingests,
 * interactions) appends its events here in the transaction of the change. Each room's events are numbered
 * {@code MAX(seq) + 1} under a transaction-scoped advisory lock on the room id, so the numbers have no gaps and
 * follow the commit order whoever writes, even for a room whose row is gone; the primary key refuses a
 * duplicate should that ever be wrong.
 *
 * <p>Each appended event is also queued, in the same transaction, as one webhook delivery for every enabled
 * subscription of its type, so no committed event can miss its webhooks. Once the writer's transaction commits,
 * the {@link EventBus} announces the room's last seq to every node.
 */
@Singleton
public class RoomEventLog {

    private static final String LOCK_ROOM = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";
    private static final String APPEND_EVENT = """
            INSERT INTO room_events (room_id, seq, type, actor, data, occurred_at)
            SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, CAST(? AS jsonb), ? FROM room_events WHERE room_id = ?
            RETURNING seq""";
    private static final String FAN_OUT_TO_WEBHOOKS = """
            INSERT INTO webhook_deliveries (subscription_id, room_id, seq, event_type, next_attempt_at, created_at)
            SELECT id, ?, ?, ?, ?, ? FROM webhook_subscriptions
            WHERE enabled AND (event_types IS NULL OR CAST(? AS varchar) = ANY(event_types))""";
    private static final String READ_EVENTS = """
            SELECT room_id, seq, type, actor, CAST(data AS text) AS data, occurred_at FROM room_events
            WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?""";
    private static final String LAST_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM room_events WHERE room_id = ?";

    private final TransactionOperations<Connection> transactions;
    private final EventDataJson eventData;
    private final EventBus bus;

    public RoomEventLog(TransactionOperations<Connection> transactions, JsonMapper json, EventBus bus) {
        this.transactions = transactions;
        this.eventData = new EventDataJson(json);
        this.bus = bus;
    }

    /**
     * Takes the room's event lock for the rest of the caller's transaction: a writer that decides which events to
     * write from other rows (the audience) takes it before reading them, so no other writer of the room interleaves.
     */
    public void lockRoom(Connection connection, String roomId) {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ROOM)) {
            lock.setString(1, roomId);
            lock.execute();
        } catch (SQLException e) {
            throw new DataAccessException("could not lock the events of room " + roomId, e);
        }
    }

    /**
     * Appends the events, all of one room, in the caller's transaction on {@code connection}.
     *
     * @return the events as numbered
     */
    public List<RecordedRoomEvent> append(Connection connection, List<RoomEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String roomId = events.get(0).roomId();
        List<RecordedRoomEvent> recorded = new ArrayList<>(events.size());
        lockRoom(connection, roomId);
        try (PreparedStatement append = connection.prepareStatement(APPEND_EVENT);
             PreparedStatement fanOut = connection.prepareStatement(FAN_OUT_TO_WEBHOOKS)) {
            for (RoomEvent event : events) {
                if (!event.roomId().equals(roomId)) {
                    throw new IllegalArgumentException("one append holds the events of one room");
                }
                append.setString(1, roomId);
                append.setString(2, event.type().wireName());
                append.setString(3, event.actor());
                append.setString(4, eventData.write(event.data()));
                OffsetDateTime at = OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC);
                append.setObject(5, at);
                append.setString(6, roomId);
                long seq;
                try (ResultSet appended = append.executeQuery()) {
                    appended.next();
                    seq = appended.getLong(1);
                }
                recorded.add(new RecordedRoomEvent(seq, event));
                fanOut.setString(1, roomId);
                fanOut.setLong(2, seq);
                fanOut.setString(3, event.type().wireName());
                fanOut.setObject(4, at);
                fanOut.setObject(5, at);
                fanOut.setString(6, event.type().wireName());
                fanOut.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not write the events of room " + roomId, e);
        }
        announceAfterCommit(roomId, recorded.get(recorded.size() - 1).seq());
        return recorded;
    }

    /** Other nodes read the events only once they are visible, so the announcement waits for the commit. */
    private void announceAfterCommit(String roomId, long seq) {
        var status = transactions.findTransactionStatus();
        if (status.isEmpty()) {
            bus.announce(roomId, seq);
            return;
        }
        status.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                bus.announce(roomId, seq);
            }
        });
    }

    /** The seq of the room's latest committed event; 0 when it has none. */
    public long lastSeq(String roomId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(LAST_SEQ)) {
                statement.setString(1, roomId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not read the events of room " + roomId, e);
            }
        });
    }

    /**
     * Appends the events of a row change in its transaction once the row was saved ({@code saved} rows is 1), so a
     * change that lost its version check writes no event.
     *
     * @return {@code saved}
     */
    public int appendIfSaved(Connection connection, int saved, List<RoomEvent> events) {
        if (saved == 1) {
            append(connection, events);
        }
        return saved;
    }

    /** The event on the row of any query that selects {@code room_events}' columns {@code room_id, seq, type, actor, data, occurred_at}. */
    public RecordedRoomEvent event(ResultSet row) throws SQLException {
        return new RecordedRoomEvent(row.getLong("seq"), new RoomEvent(
                row.getString("room_id"),
                RoomEventType.ofWireName(row.getString("type")),
                row.getString("actor"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                eventData.read(row.getString("data"))));
    }

    /** The room's events after {@code afterSeq}, in order, at most {@code limit}. */
    public List<RecordedRoomEvent> read(String roomId, long afterSeq, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(READ_EVENTS)) {
                statement.setString(1, roomId);
                statement.setLong(2, afterSeq);
                statement.setInt(3, limit);
                List<RecordedRoomEvent> events = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(event(rows));
                    }
                }
                return events;
            } catch (SQLException e) {
                throw new DataAccessException("could not read the events of room " + roomId, e);
            }
        });
    }
}
