package io.rtcgate.postgres.job;

import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The reconciler's side of a job table, for every kind of vendor job: its active rows nobody heard of lately
 * ({@code updated_at} is the last news), and the claim of one of them with {@code FOR UPDATE SKIP LOCKED} in
 * the transaction that does its work, so several nodes may try at once and one does it.
 *
 * @param <J> the job the table keeps
 */
public final class QuietRows<J> {

    /** Reads the job of the current row of a result set. */
    @FunctionalInterface
    public interface RowReader<J> {
        J read(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;
    private final String kind;
    private final String quiet;
    private final String lockQuiet;
    private final RowReader<J> reader;
    private final UnaryOperator<J> save;

    /**
     * @param table the job table, with {@code id}, {@code state} and {@code updated_at}
     * @param activeStates the SQL list of its active states, such as {@code ('starting', 'running')}
     * @param columns the columns {@code reader} reads
     * @param save writes a changed job in the current transaction and returns it as saved
     */
    public QuietRows(TransactionOperations<Connection> transactions, String table, String activeStates, String columns,
                     RowReader<J> reader, UnaryOperator<J> save) {
        this.transactions = transactions;
        this.kind = table;
        this.quiet = "SELECT id FROM " + table + " WHERE state IN " + activeStates
                + " AND updated_at < ? ORDER BY updated_at LIMIT ?";
        this.lockQuiet = "SELECT " + columns + " FROM " + table + " WHERE id = ? AND state IN " + activeStates
                + " AND updated_at < ? FOR UPDATE SKIP LOCKED";
        this.reader = reader;
        this.save = save;
    }

    public List<String> quietActive(Instant heardBefore, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(quiet)) {
                statement.setObject(1, timestamp(heardBefore));
                statement.setInt(2, limit);
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            } catch (SQLException e) {
                throw new DataAccessException("could not find the quiet rows of " + kind, e);
            }
        });
    }

    public Optional<J> reconcile(String id, Instant heardBefore, UnaryOperator<J> work) {
        return transactions.executeWrite(status -> {
            J locked;
            try (PreparedStatement lock = status.getConnection().prepareStatement(lockQuiet)) {
                lock.setString(1, id);
                lock.setObject(2, timestamp(heardBefore));
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    locked = reader.read(row);
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not lock " + kind + " " + id, e);
            }
            J next = work.apply(locked);
            // the save joins this transaction: same data source, propagation REQUIRED
            return next == locked ? Optional.empty() : Optional.of(save.apply(next));
        });
    }

}
