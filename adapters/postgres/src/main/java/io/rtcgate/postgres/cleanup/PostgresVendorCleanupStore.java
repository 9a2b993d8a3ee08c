package io.rtcgate.postgres.cleanup;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.cleanup.VendorCleanup;
import io.rtcgate.domain.cleanup.VendorCleanupStore;
import io.rtcgate.domain.vendor.Vendor;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The clean-up queue in {@code vendor_cleanups}. A claim is one statement: it locks the due rows no other
 * transaction holds ({@code FOR UPDATE SKIP LOCKED}) and moves their next attempt past the lease, so nodes
 * claiming at once get disjoint rows, and a claimed row is not due again until its lease ends.
 */
@Singleton
public class PostgresVendorCleanupStore implements VendorCleanupStore {

    private static final String COLUMNS = "id, vendor, kind, target, attempts, next_attempt_at, last_error";
    private static final String ADD = """
            INSERT INTO vendor_cleanups (vendor, kind, target, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)
            RETURNING """ + " " + COLUMNS;
    private static final String CLAIM_DUE = """
            UPDATE vendor_cleanups SET next_attempt_at = ?
            WHERE id IN (SELECT id FROM vendor_cleanups WHERE done_at IS NULL AND next_attempt_at <= ?
                         ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING """ + " " + COLUMNS;
    private static final String DONE = "UPDATE vendor_cleanups SET done_at = ?, last_error = NULL WHERE id = ?";
    private static final String FAILED = """
            UPDATE vendor_cleanups SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND done_at IS NULL""";
    private static final String PENDING = "SELECT " + COLUMNS
            + " FROM vendor_cleanups WHERE done_at IS NULL ORDER BY created_at, id";

    private final TransactionOperations<Connection> transactions;

    public PostgresVendorCleanupStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public VendorCleanup add(Vendor vendor, String kind, String target, Instant now, Duration lease, Runnable alongWith) {
        return transactions.executeWrite(status -> {
            // the other store's writes join this transaction: the change and the queued clean-up commit together
            alongWith.run();
            try (PreparedStatement statement = status.getConnection().prepareStatement(ADD)) {
                statement.setString(1, vendor.wireName());
                statement.setString(2, kind);
                statement.setString(3, target);
                statement.setObject(4, utc(now.plus(lease)));
                statement.setObject(5, utc(now));
                List<VendorCleanup> added = read(statement);
                return added.get(0);
            } catch (SQLException e) {
                throw new DataAccessException("could not queue the clean-up " + kind + " of " + target, e);
            }
        });
    }

    @Override
    public List<VendorCleanup> claimDue(Instant now, Duration lease, int limit) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(CLAIM_DUE)) {
                statement.setObject(1, utc(now.plus(lease)));
                statement.setObject(2, utc(now));
                statement.setInt(3, limit);
                List<VendorCleanup> claimed = new ArrayList<>(read(statement));
                claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
                return claimed;
            } catch (SQLException e) {
                throw new DataAccessException("could not claim due clean-ups", e);
            }
        });
    }

    @Override
    public void done(long id, Instant now) {
        update(DONE, id, statement -> {
            statement.setObject(1, utc(now));
            statement.setLong(2, id);
        });
    }

    @Override
    public void failed(long id, int attempts, Instant nextAttemptAt, String error) {
        update(FAILED, id, statement -> {
            statement.setInt(1, attempts);
            statement.setObject(2, utc(nextAttemptAt));
            statement.setString(3, error);
            statement.setLong(4, id);
        });
    }

    @Override
    public List<VendorCleanup> pending() {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(PENDING)) {
                return read(statement);
            } catch (SQLException e) {
                throw new DataAccessException("could not read the clean-up queue", e);
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, long id, Binder binder) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                statement.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new DataAccessException("could not record the outcome of clean-up " + id, e);
            }
        });
    }

    private static List<VendorCleanup> read(PreparedStatement statement) throws SQLException {
        List<VendorCleanup> cleanups = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                cleanups.add(new VendorCleanup(
                        rows.getLong("id"),
                        Vendor.parse(rows.getString("vendor"), "vendor"),
                        rows.getString("kind"),
                        rows.getString("target"),
                        rows.getInt("attempts"),
                        rows.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                        rows.getString("last_error")));
            }
        }
        return cleanups;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
