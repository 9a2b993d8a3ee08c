package io.rtcgate.postgres.idempotency;

import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.idempotency.IdempotencyStore;
import io.rtcgate.domain.idempotency.StoredResponse;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Idempotency keys in {@code idempotency_keys}. A claim is one transaction: this key's row goes if it expired
 * or its claim was abandoned, then {@code INSERT ... ON CONFLICT DO NOTHING} decides who owns the key. Other
 * expired keys go in {@link #purgeExpired}, off the request path. A
 * concurrent claim of the same key waits on the primary key until the first commits, so exactly one wins.
 */
@Singleton
public class PostgresIdempotencyStore implements IdempotencyStore {

    private static final String PURGE_EXPIRED = "DELETE FROM idempotency_keys WHERE claimed_at < ?";
    /** This key's row when it expired, or was claimed by a request a crash cut short. */
    private static final String DROP_STALE = """
            DELETE FROM idempotency_keys
            WHERE caller_id = ? AND idempotency_key = ? AND (claimed_at < ? OR (completed_at IS NULL AND claimed_at < ?))""";
    private static final String CLAIM = """
            INSERT INTO idempotency_keys (caller_id, idempotency_key, fingerprint, claimed_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (caller_id, idempotency_key) DO NOTHING""";
    private static final String READ = """
            SELECT fingerprint, response_status, response_body FROM idempotency_keys
            WHERE caller_id = ? AND idempotency_key = ?""";
    private static final String COMPLETE = """
            UPDATE idempotency_keys SET response_status = ?, response_body = ?, completed_at = ?
            WHERE caller_id = ? AND idempotency_key = ?""";
    private static final String RELEASE = "DELETE FROM idempotency_keys WHERE caller_id = ? AND idempotency_key = ?";

    private final TransactionOperations<Connection> transactions;

    public PostgresIdempotencyStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Claim claim(String callerId, String key, String fingerprint, Instant now, Instant abandonedBefore,
                       Instant expiredBefore) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                try (PreparedStatement drop = connection.prepareStatement(DROP_STALE)) {
                    drop.setString(1, callerId);
                    drop.setString(2, key);
                    drop.setObject(3, timestamp(expiredBefore));
                    drop.setObject(4, timestamp(abandonedBefore));
                    drop.executeUpdate();
                }
                try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                    claim.setString(1, callerId);
                    claim.setString(2, key);
                    claim.setString(3, fingerprint);
                    claim.setObject(4, timestamp(now));
                    if (claim.executeUpdate() == 1) {
                        return new Fresh();
                    }
                }
                try (PreparedStatement read = connection.prepareStatement(READ)) {
                    read.setString(1, callerId);
                    read.setString(2, key);
                    try (ResultSet row = read.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalStateException("an idempotency key conflicted, but no row has it");
                        }
                        if (!row.getString("fingerprint").equals(fingerprint)) {
                            return new Mismatch();
                        }
                        int responseStatus = row.getInt("response_status");
                        return row.wasNull() ? new InFlight()
                                : new Replay(new StoredResponse(responseStatus, row.getString("response_body")));
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not claim an idempotency key", e);
            }
        });
    }

    @Override
    public int purgeExpired(Instant expiredBefore) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement purge = status.getConnection().prepareStatement(PURGE_EXPIRED)) {
                purge.setObject(1, timestamp(expiredBefore));
                return purge.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("could not purge expired idempotency keys", e);
            }
        });
    }

    @Override
    public void complete(String callerId, String key, StoredResponse response, Instant now) {
        transactions.executeWrite(status -> {
            try (PreparedStatement complete = status.getConnection().prepareStatement(COMPLETE)) {
                complete.setInt(1, response.status());
                complete.setString(2, response.body());
                complete.setObject(3, timestamp(now));
                complete.setString(4, callerId);
                complete.setString(5, key);
                return complete.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("could not keep the answer of an idempotent request", e);
            }
        });
    }

    @Override
    public void release(String callerId, String key) {
        transactions.executeWrite(status -> {
            try (PreparedStatement release = status.getConnection().prepareStatement(RELEASE)) {
                release.setString(1, callerId);
                release.setString(2, key);
                return release.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("could not release an idempotency key", e);
            }
        });
    }

}
