package io.rtcgate.postgres.ingest;

import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.ingest.IngestPositions;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Where each file source last was in a room, in {@code ingest_positions}: one row per room and source URL. */
@Singleton
public class PostgresIngestPositions implements IngestPositions {

    private static final String FIND = "SELECT position_ms FROM ingest_positions WHERE room_id = ? AND source_url = ?";
    private static final String SAVE = """
            INSERT INTO ingest_positions (room_id, source_url, position_ms, saved_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (room_id, source_url) DO UPDATE SET position_ms = EXCLUDED.position_ms, saved_at = EXCLUDED.saved_at""";
    private static final String CLEAR = "DELETE FROM ingest_positions WHERE room_id = ? AND source_url = ?";

    private final TransactionOperations<Connection> transactions;

    public PostgresIngestPositions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Duration> find(String roomId, String sourceUrl) {
        return transactions.executeRead(status -> {
            try (PreparedStatement find = status.getConnection().prepareStatement(FIND)) {
                find.setString(1, roomId);
                find.setString(2, sourceUrl);
                try (ResultSet row = find.executeQuery()) {
                    return row.next() ? Optional.of(Duration.ofMillis(row.getLong(1))) : Optional.<Duration>empty();
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not read the position of a source in room " + roomId, e);
            }
        });
    }

    @Override
    public void save(String roomId, String sourceUrl, Duration position, Instant savedAt) {
        run(SAVE, "save", statement -> {
            statement.setString(1, roomId);
            statement.setString(2, sourceUrl);
            statement.setLong(3, position.toMillis());
            statement.setObject(4, timestamp(savedAt));
        });
    }

    @Override
    public void clear(String roomId, String sourceUrl) {
        run(CLEAR, "clear", statement -> {
            statement.setString(1, roomId);
            statement.setString(2, sourceUrl);
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void run(String sql, String what, Binder binder) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("could not " + what + " the position of a source", e);
            }
        });
    }
}
