package io.rtcgate.postgres.callback;

import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.callback.CallbackProcessingException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StoredCallback;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.domain.vendor.Vendor;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The inbox in {@code vendor_callbacks}, over plain JDBC for {@code ON CONFLICT} and {@code SKIP LOCKED}.
 * Processing runs in one transaction that holds the row's lock from claim to outcome; the room store joins
 * that transaction (same data source, propagation REQUIRED), so a room change and the outcome that records
 * it commit together, or neither does.
 */
@Singleton
public class PostgresVendorCallbackStore implements VendorCallbackStore {

    private static final String COLUMNS = """
            id, vendor, kind, dedupe_key, method, query, CAST(headers AS text) AS headers, body, received_at, attempts,
            processed_at, outcome, outcome_detail""";
    private static final String INSERT = """
            INSERT INTO vendor_callbacks (vendor, kind, dedupe_key, method, query, headers, body, received_at)
            VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
            ON CONFLICT (vendor, kind, dedupe_key) DO NOTHING RETURNING id""";
    private static final String FIND_KEY = "SELECT id FROM vendor_callbacks WHERE vendor = ? AND kind = ? AND dedupe_key = ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM vendor_callbacks WHERE id = ?";
    private static final String LOCK = FIND + " FOR UPDATE";
    private static final String CLAIM_NEXT = "SELECT " + COLUMNS + """
             FROM vendor_callbacks WHERE processed_at IS NULL AND id > ?
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""";
    private static final String SAVE_OUTCOME = """
            UPDATE vendor_callbacks SET processed_at = ?, outcome = ?, outcome_detail = ? WHERE id = ?""";
    private static final String FAILURE = """
            UPDATE vendor_callbacks SET attempts = attempts + 1, last_error = ?,
                processed_at = CASE WHEN attempts + 1 >= ? THEN ? END,
                outcome = CASE WHEN attempts + 1 >= ? THEN 'failed' END,
                outcome_detail = CASE WHEN attempts + 1 >= ? THEN ? END
            WHERE id = ? AND processed_at IS NULL""";
    private static final Argument<Map<String, String>> HEADERS = Argument.mapOf(String.class, String.class);

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    public PostgresVendorCallbackStore(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Recorded record(Vendor vendor, CallbackKind kind, String dedupeKey, CallbackRequest request, Instant receivedAt) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, vendor.wireName());
                insert.setString(2, kind.wireName());
                insert.setString(3, dedupeKey);
                insert.setString(4, request.method());
                insert.setString(5, request.query());
                insert.setString(6, writeHeaders(request.headers()));
                insert.setString(7, request.body());
                insert.setObject(8, timestamp(receivedAt));
                try (ResultSet inserted = insert.executeQuery()) {
                    if (inserted.next()) {
                        return new Recorded(inserted.getLong(1), false);
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not record a " + vendor.wireName() + " " + kind.wireName() + " callback", e);
            }
            try (PreparedStatement find = connection.prepareStatement(FIND_KEY)) {
                find.setString(1, vendor.wireName());
                find.setString(2, kind.wireName());
                find.setString(3, dedupeKey);
                try (ResultSet existing = find.executeQuery()) {
                    if (!existing.next()) {
                        throw new IllegalStateException("a callback conflicted on its dedupe key, but no row has it");
                    }
                    return new Recorded(existing.getLong(1), true);
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not find a recorded " + vendor.wireName() + " callback", e);
            }
        });
    }

    @Override
    public CallbackOutcome process(long id, Processor processor, Instant now) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            StoredCallback row = select(connection, LOCK, id)
                    .orElseThrow(() -> new IllegalStateException("no vendor callback " + id));
            if (row.processed()) {
                return row.outcome().orElseThrow();
            }
            return run(connection, row, processor, now);
        });
    }

    @Override
    public OptionalLong processNext(long afterId, Processor processor, Instant now) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Optional<StoredCallback> claimed = select(connection, CLAIM_NEXT, afterId);
            if (claimed.isEmpty()) {
                return OptionalLong.empty();
            }
            run(connection, claimed.get(), processor, now);
            return OptionalLong.of(claimed.get().id());
        });
    }

    @Override
    public void recordFailure(long id, String error, int maxAttempts, Instant now) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(FAILURE)) {
                update.setString(1, error);
                update.setInt(2, maxAttempts);
                update.setObject(3, timestamp(now));
                update.setInt(4, maxAttempts);
                update.setInt(5, maxAttempts);
                update.setString(6, truncate(error));
                update.setLong(7, id);
                update.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new DataAccessException("could not count a failure of vendor callback " + id, e);
            }
        });
    }

    @Override
    public Optional<StoredCallback> find(long id) {
        return transactions.executeRead(status -> select(status.getConnection(), FIND, id));
    }

    /** Runs the processor in the claiming transaction; if it throws, the transaction rolls back. */
    private CallbackOutcome run(Connection connection, StoredCallback row, Processor processor, Instant now) {
        CallbackOutcome outcome;
        try {
            outcome = processor.process(row);
        } catch (RuntimeException e) {
            throw new CallbackProcessingException(row.id(), e);
        }
        try (PreparedStatement update = connection.prepareStatement(SAVE_OUTCOME)) {
            update.setObject(1, timestamp(now));
            update.setString(2, outcome.result().wireName());
            update.setString(3, outcome.detail());
            update.setLong(4, row.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("could not save the outcome of vendor callback " + row.id(), e);
        }
        return outcome;
    }

    private Optional<StoredCallback> select(Connection connection, String sql, long id) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(toCallback(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read vendor callbacks", e);
        }
    }

    private StoredCallback toCallback(ResultSet row) throws SQLException {
        OffsetDateTime processedAt = row.getObject("processed_at", OffsetDateTime.class);
        String outcome = row.getString("outcome");
        String detail = Optional.ofNullable(row.getString("outcome_detail")).orElse("");
        return new StoredCallback(
                row.getLong("id"),
                Vendor.parse(row.getString("vendor"), "vendor"),
                CallbackKind.ofWireName(row.getString("kind")),
                row.getString("dedupe_key"),
                new CallbackRequest(row.getString("method"), row.getString("query"), readHeaders(row.getString("headers")),
                        row.getString("body")),
                row.getObject("received_at", OffsetDateTime.class).toInstant(),
                row.getInt("attempts"),
                Optional.ofNullable(processedAt).map(OffsetDateTime::toInstant),
                Optional.ofNullable(outcome).map(result -> new CallbackOutcome(CallbackOutcome.Result.ofWireName(result), detail)));
    }

    private String writeHeaders(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> readHeaders(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable headers of a vendor callback", e);
        }
    }

    private static String truncate(String error) {
        return error.length() > CallbackOutcome.MAX_DETAIL ? error.substring(0, CallbackOutcome.MAX_DETAIL) : error;
    }

}
