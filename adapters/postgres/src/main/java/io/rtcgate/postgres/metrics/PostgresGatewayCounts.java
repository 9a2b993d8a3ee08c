package io.rtcgate.postgres.metrics;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.metrics.GatewayCounts;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counts in one read-only transaction: rooms that have not ended grouped by vendor and status, the operator states, and the
 * partial-index counts of pending webhook deliveries and unprocessed vendor callbacks.
 */
@Singleton
public class PostgresGatewayCounts implements GatewayCounts {

    // ended rooms only ever grow in number; the status index finds the others
    private static final String ROOMS = """
            SELECT vendor, status, count(*) AS rooms FROM rooms
            WHERE status IN (0, 1, 3) AND vendor IS NOT NULL GROUP BY vendor, status""";
    private static final String STATES = "SELECT vendor, state FROM vendor_states";
    private static final String PENDING_DELIVERIES = "SELECT count(*) FROM webhook_deliveries WHERE state = 'pending'";
    private static final String UNPROCESSED_CALLBACKS = "SELECT count(*) FROM vendor_callbacks WHERE processed_at IS NULL";

    private final TransactionOperations<Connection> transactions;

    public PostgresGatewayCounts(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Counts read() {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try {
                return new Counts(rooms(connection), states(connection), count(connection, PENDING_DELIVERIES),
                        count(connection, UNPROCESSED_CALLBACKS));
            } catch (SQLException e) {
                throw new DataAccessException("could not count rooms and backlogs", e);
            }
        });
    }

    private static Map<Vendor, Map<RoomStatus, Long>> rooms(Connection connection) throws SQLException {
        Map<Vendor, Map<RoomStatus, Long>> rooms = new EnumMap<>(Vendor.class);
        try (PreparedStatement statement = connection.prepareStatement(ROOMS); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rooms.computeIfAbsent(Vendor.parse(row.getString("vendor"), "vendor"), vendor -> new EnumMap<>(RoomStatus.class))
                        .put(RoomStatus.fromCode(row.getInt("status")), row.getLong("rooms"));
            }
        }
        return rooms;
    }

    private static Map<Vendor, OperatorState> states(Connection connection) throws SQLException {
        Map<Vendor, OperatorState> states = new EnumMap<>(Vendor.class);
        try (PreparedStatement statement = connection.prepareStatement(STATES); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                states.put(Vendor.parse(row.getString("vendor"), "vendor"), OperatorState.parse(row.getString("state"), "state"));
            }
        }
        return states;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
