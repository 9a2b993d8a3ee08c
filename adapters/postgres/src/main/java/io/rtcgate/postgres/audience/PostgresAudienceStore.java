package io.rtcgate.postgres.audience;

import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.audience.AudienceConnection;
import io.rtcgate.domain.audience.AudienceCount;
import io.rtcgate.domain.audience.AudienceStore;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.postgres.room.RoomEventLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Presence in {@code audience_connections}, entries in {@code audience_visits}. Every change of a room's presence
 * runs under the room's event lock ({@link RoomEventLog#lockRoom}), so two nodes deciding whether a user joined or
 * left never interleave, and the {@code audience.*} events commit with the rows.
 */
public final class PostgresAudienceStore implements AudienceStore {

    private static final String INSERT_CONNECTION = """
            INSERT INTO audience_connections (connection_id, room_id, user_id, node_id, connected_at, heartbeat_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (connection_id) DO UPDATE SET node_id = EXCLUDED.node_id, heartbeat_at = EXCLUDED.heartbeat_at""";
    private static final String COUNT_VISIT = """
            INSERT INTO audience_visits (room_id, user_id, entries) VALUES (?, ?, 1)
            ON CONFLICT (room_id, user_id) DO UPDATE SET entries = audience_visits.entries + 1""";
    private static final String HAS_CONNECTION = "SELECT 1 FROM audience_connections WHERE room_id = ? AND user_id = ? LIMIT 1";
    private static final String FIND_CONNECTION = "SELECT room_id, user_id, node_id FROM audience_connections WHERE connection_id = ?";
    private static final String DELETE_CONNECTION = "DELETE FROM audience_connections WHERE connection_id = ?";
    private static final String DELETE_STALE_OF_ROOM = """
            DELETE FROM audience_connections WHERE room_id = ? AND heartbeat_at < ?
            RETURNING connection_id, user_id, node_id""";
    private static final String ROOMS_WITH_STALE = "SELECT DISTINCT room_id FROM audience_connections WHERE heartbeat_at < ?";
    private static final String HEARTBEAT = """
            UPDATE audience_connections SET heartbeat_at = ? WHERE node_id = ? AND connection_id = ANY (?)""";
    private static final String PRESENT = """
            SELECT user_id FROM audience_connections WHERE room_id = ? AND heartbeat_at >= ?
            GROUP BY user_id ORDER BY MIN(connected_at), user_id LIMIT ?""";
    private static final String COUNTS = """
            SELECT asked.room_id,
                   (SELECT COUNT(DISTINCT user_id) FROM audience_connections c
                    WHERE c.room_id = asked.room_id AND c.heartbeat_at >= ?) AS online,
                   (SELECT COALESCE(SUM(entries), 0) FROM audience_visits v WHERE v.room_id = asked.room_id) AS pv,
                   (SELECT COUNT(*) FROM audience_visits v WHERE v.room_id = asked.room_id) AS uv
            FROM unnest(?) AS asked(room_id)""";

    private final TransactionOperations<Connection> transactions;
    private final RoomEventLog events;
    private final Duration staleAfter;
    private final Clock clock;

    /** Connections whose node has not beaten for {@code staleAfter} no longer count and are swept. */
    public PostgresAudienceStore(TransactionOperations<Connection> transactions, RoomEventLog events, Duration staleAfter,
                                 Clock clock) {
        this.transactions = transactions;
        this.events = events;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    @Override
    public boolean enter(AudienceConnection connection, Instant at) {
        return write("enter room " + connection.roomId(), db -> {
            events.lockRoom(db, connection.roomId());
            List<RoomEvent> due = sweepRoom(db, connection.roomId(), at);
            boolean joined = !hasConnection(db, connection.roomId(), connection.userId());
            try (PreparedStatement insert = db.prepareStatement(INSERT_CONNECTION);
                 PreparedStatement visit = db.prepareStatement(COUNT_VISIT)) {
                insert.setString(1, connection.connectionId());
                insert.setString(2, connection.roomId());
                insert.setString(3, connection.userId());
                insert.setString(4, connection.nodeId());
                insert.setObject(5, timestamp(at));
                insert.setObject(6, timestamp(at));
                insert.executeUpdate();
                visit.setString(1, connection.roomId());
                visit.setString(2, connection.userId());
                visit.executeUpdate();
            }
            if (joined) {
                due.add(connection.joined(at));
            }
            events.append(db, due);
            return joined;
        });
    }

    @Override
    public boolean leave(String connectionId, Instant at) {
        return write("leave with connection " + connectionId, db -> {
            AudienceConnection connection = find(db, connectionId);
            if (connection == null) {
                return false;
            }
            events.lockRoom(db, connection.roomId());
            List<RoomEvent> due = sweepRoom(db, connection.roomId(), at);
            boolean left = false;
            try (PreparedStatement delete = db.prepareStatement(DELETE_CONNECTION)) {
                delete.setString(1, connectionId);
                // zero when a sweep (this one or another node's) took it as stale and wrote its audience.left
                if (delete.executeUpdate() == 1 && !hasConnection(db, connection.roomId(), connection.userId())) {
                    due.add(connection.left(at));
                    left = true;
                }
            }
            events.append(db, due);
            return left;
        });
    }

    @Override
    public int heartbeat(String nodeId, Set<String> connectionIds, Instant at) {
        if (connectionIds.isEmpty()) {
            return 0;
        }
        return write("beat for node " + nodeId, db -> {
            try (PreparedStatement beat = db.prepareStatement(HEARTBEAT)) {
                beat.setObject(1, timestamp(at));
                beat.setString(2, nodeId);
                beat.setArray(3, db.createArrayOf("varchar", connectionIds.toArray()));
                return beat.executeUpdate();
            }
        });
    }

    @Override
    public int sweep(Instant at) {
        List<String> rooms = write("find stale connections", db -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement(ROOMS_WITH_STALE)) {
                select.setObject(1, timestamp(at.minus(staleAfter)));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
            return found;
        });
        int swept = 0;
        for (String roomId : rooms) {
            // one transaction per room, so one room's lock is never held while another's is awaited
            swept += write("sweep room " + roomId, db -> {
                events.lockRoom(db, roomId);
                List<RoomEvent> due = new ArrayList<>();
                int removed = sweepRoom(db, roomId, at, due);
                events.append(db, due);
                return removed;
            });
        }
        return swept;
    }

    @Override
    public List<String> present(String roomId, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(PRESENT)) {
                select.setString(1, roomId);
                select.setObject(2, timestamp(clock.instant().minus(staleAfter)));
                select.setInt(3, limit);
                List<String> users = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        users.add(rows.getString(1));
                    }
                }
                return users;
            } catch (SQLException e) {
                throw new DataAccessException("could not read who is in room " + roomId, e);
            }
        });
    }

    @Override
    public Map<String, AudienceCount> counts(Collection<String> roomIds) {
        Map<String, AudienceCount> counts = new HashMap<>();
        if (roomIds.isEmpty()) {
            return counts;
        }
        return transactions.executeRead(status -> {
            Connection db = status.getConnection();
            try (PreparedStatement count = db.prepareStatement(COUNTS)) {
                count.setObject(1, timestamp(clock.instant().minus(staleAfter)));
                count.setArray(2, db.createArrayOf("varchar", roomIds.toArray()));
                try (ResultSet rows = count.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString("room_id"),
                                new AudienceCount(rows.getLong("online"), rows.getLong("pv"), rows.getLong("uv")));
                    }
                }
                return counts;
            } catch (SQLException e) {
                throw new DataAccessException("could not count the audience of rooms " + roomIds, e);
            }
        });
    }

    private List<RoomEvent> sweepRoom(Connection db, String roomId, Instant at) throws SQLException {
        List<RoomEvent> due = new ArrayList<>();
        sweepRoom(db, roomId, at, due);
        return due;
    }

    /** Deletes the room's stale connections; adds an {@code audience.left} for each user left with none. */
    private int sweepRoom(Connection db, String roomId, Instant at, List<RoomEvent> due) throws SQLException {
        Map<String, AudienceConnection> lastOfUser = new LinkedHashMap<>();
        int removed = 0;
        try (PreparedStatement delete = db.prepareStatement(DELETE_STALE_OF_ROOM)) {
            delete.setString(1, roomId);
            delete.setObject(2, timestamp(at.minus(staleAfter)));
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    removed++;
                    String userId = rows.getString("user_id");
                    lastOfUser.put(userId, new AudienceConnection(rows.getString("connection_id"), roomId, userId,
                            rows.getString("node_id")));
                }
            }
        }
        for (AudienceConnection gone : lastOfUser.values()) {
            if (!hasConnection(db, roomId, gone.userId())) {
                due.add(gone.left(at));
            }
        }
        return removed;
    }

    private static boolean hasConnection(Connection db, String roomId, String userId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(HAS_CONNECTION)) {
            select.setString(1, roomId);
            select.setString(2, userId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static AudienceConnection find(Connection db, String connectionId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(FIND_CONNECTION)) {
            select.setString(1, connectionId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new AudienceConnection(connectionId, rows.getString("room_id"),
                        rows.getString("user_id"), rows.getString("node_id")) : null;
            }
        }
    }

    private interface SqlWork<T> {
        T run(Connection db) throws SQLException;
    }

    private <T> T write(String what, SqlWork<T> work) {
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new DataAccessException("could not " + what, e);
            }
        });
    }
}
