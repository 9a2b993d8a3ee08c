package io.rtcgate.postgres.room;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
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
 */
@Singleton
public class RoomEventLog {

    private static final String LOCK_ROOM = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";
    private static final String APPEND_EVENT = """
            INSERT INTO room_events (room_id, seq, type, actor, data, occurred_at)
            SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, CAST(? AS jsonb), ? FROM room_events WHERE room_id = ?
            RETURNING seq""";
    private static final String READ_EVENTS = """
            SELECT seq, type, actor, CAST(data AS text) AS data, occurred_at FROM room_events
            WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?""";

    private final TransactionOperations<Connection> transactions;
    private final EventDataJson eventData;

    public RoomEventLog(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.eventData = new EventDataJson(json);
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
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ROOM);
             PreparedStatement append = connection.prepareStatement(APPEND_EVENT)) {
            lock.setString(1, roomId);
            lock.execute();
            for (RoomEvent event : events) {
                if (!event.roomId().equals(roomId)) {
                    throw new IllegalArgumentException("one append holds the events of one room");
                }
                append.setString(1, roomId);
                append.setString(2, event.type().wireName());
                append.setString(3, event.actor());
                append.setString(4, eventData.write(event.data()));
                append.setObject(5, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
                append.setString(6, roomId);
                try (ResultSet seq = append.executeQuery()) {
                    seq.next();
                    recorded.add(new RecordedRoomEvent(seq.getLong(1), event));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not write the events of room " + roomId, e);
        }
        return recorded;
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
                        events.add(new RecordedRoomEvent(rows.getLong("seq"), new RoomEvent(
                                roomId,
                                RoomEventType.ofWireName(rows.getString("type")),
                                rows.getString("actor"),
                                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                                eventData.read(rows.getString("data")))));
                    }
                }
                return events;
            } catch (SQLException e) {
                throw new DataAccessException("could not read the events of room " + roomId, e);
            }
        });
    }
}
