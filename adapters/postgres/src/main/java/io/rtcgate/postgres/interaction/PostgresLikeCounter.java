package io.rtcgate.postgres.interaction;

import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.interaction.LikeCounter;
import io.rtcgate.domain.interaction.LikeDelta;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Like totals in {@code room_likes}, one counter row per room: a like is one atomic upsert of that row and never
 * touches {@code rooms}. {@code announced_total} and {@code announced_at} are what the last {@code like.added}
 * event told and when; an announcement claims the difference with one guarded UPDATE, so of nodes announcing at
 * once exactly one wins, and appends its event in the same transaction.
 */
@Singleton
public class PostgresLikeCounter implements LikeCounter {

    /** Rooms claimed per pass; a pass that finds more leaves the rest to the next. */
    private static final int ROOMS_PER_PASS = 500;
    private static final String ADD = """
            INSERT INTO room_likes (room_id, total, last_user_id) VALUES (?, ?, ?)
            ON CONFLICT (room_id) DO UPDATE SET total = room_likes.total + EXCLUDED.total,
                last_user_id = EXCLUDED.last_user_id RETURNING total""";
    private static final String TOTALS = "SELECT room_id, total FROM room_likes WHERE room_id = ANY (?)";
    private static final String DUE_GUARD = "total > announced_total AND (announced_at IS NULL OR announced_at <= ?)";
    private static final String DUE = "SELECT room_id FROM room_likes WHERE " + DUE_GUARD
            + " ORDER BY announced_at NULLS FIRST LIMIT " + ROOMS_PER_PASS;
    /** The row lock of FOR UPDATE makes a second claimer re-check the guard on the first one's result. */
    private static final String CLAIM = "WITH before AS (SELECT room_id, announced_total FROM room_likes"
            + " WHERE room_id = ? AND " + DUE_GUARD + " FOR UPDATE)"
            + " UPDATE room_likes AS likes SET announced_total = likes.total, announced_at = ?"
            + " FROM before WHERE likes.room_id = before.room_id"
            + " RETURNING likes.total - before.announced_total AS delta, likes.total, likes.last_user_id";

    private final Transactions transactions;
    private final RoomEventLog events;

    public PostgresLikeCounter(TransactionOperations<Connection> transactions, RoomEventLog events) {
        this.transactions = new Transactions(transactions);
        this.events = events;
    }

    @Override
    public long add(String roomId, int count, String userId) {
        return transactions.write("add likes to room " + roomId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ADD)) {
                statement.setString(1, roomId);
                statement.setLong(2, count);
                statement.setString(3, userId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong("total");
                }
            }
        });
    }

    @Override
    public long total(String roomId) {
        return totals(List.of(roomId)).get(roomId);
    }

    @Override
    public Map<String, Long> totals(Collection<String> roomIds) {
        Map<String, Long> totals = new HashMap<>();
        roomIds.forEach(id -> totals.put(id, 0L));
        if (roomIds.isEmpty()) {
            return totals;
        }
        return transactions.read("read like totals", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(TOTALS)) {
                statement.setArray(1, connection.createArrayOf("varchar", roomIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        totals.put(rows.getString("room_id"), rows.getLong("total"));
                    }
                }
            }
            return totals;
        });
    }

    @Override
    public int announce(Instant now, Duration minInterval, Function<LikeDelta, RoomEvent> announcement) {
        Instant announcedBefore = now.minus(minInterval);
        List<String> due = transactions.read("find rooms with likes to announce", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DUE)) {
                statement.setObject(1, timestamp(announcedBefore));
                List<String> rooms = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rooms.add(rows.getString("room_id"));
                    }
                }
                return rooms;
            }
        });
        int announced = 0;
        for (String roomId : due) {
            boolean claimed = transactions.write("announce the likes of room " + roomId, connection -> {
                Optional<LikeDelta> delta = claim(connection, roomId, now, announcedBefore);
                delta.ifPresent(likes -> events.append(connection, List.of(announcement.apply(likes))));
                return delta.isPresent();
            });
            announced += claimed ? 1 : 0;
        }
        return announced;
    }

    private static Optional<LikeDelta> claim(Connection connection, String roomId, Instant now, Instant announcedBefore)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setString(1, roomId);
            statement.setObject(2, timestamp(announcedBefore));
            statement.setObject(3, timestamp(now));
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new LikeDelta(roomId, row.getLong("delta"), row.getLong("total"), now,
                                Optional.ofNullable(row.getString("last_user_id"))))
                        : Optional.empty();
            }
        }
    }
}
