package io.rtcgate.postgres.audit;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.audit.AuditQuery;
import io.rtcgate.domain.audit.RecordedAuditEntry;
import io.rtcgate.postgres.PageCursor;
import io.rtcgate.postgres.SqlTimes;
import io.rtcgate.postgres.room.EventDataJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit log in {@code audit_log}, append-only (its triggers refuse UPDATE, DELETE and TRUNCATE). An entry joins
 * the transaction of the change it describes: {@link #recordWith} opens one, and the stores the change writes to take
 * part in it. Pages are keyset pages newest first over {@code (at, id)}, as {@link PageCursor} encodes them.
 */
public final class PostgresAuditLog implements AuditLog {

    private static final String COLUMNS = "id, actor, action, target, before::text AS before, after::text AS after, at, request_id";
    private static final String APPEND = """
            INSERT INTO audit_log (actor, action, target, before, after, at, request_id)
            VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""";

    private final TransactionOperations<Connection> transactions;
    private final EventDataJson json;
    private final Supplier<Optional<String>> requestIds;

    /**
     * @param requestIds the id of the request being served on the calling thread, if any, stamped on each entry
     */
    public PostgresAuditLog(TransactionOperations<Connection> transactions, JsonMapper json,
                            Supplier<Optional<String>> requestIds) {
        this.transactions = transactions;
        this.json = new EventDataJson(json);
        this.requestIds = requestIds;
    }

    @Override
    public void record(AuditEntry entry) {
        transactions.executeWrite(status -> {
            append(status.getConnection(), entry);
            return null;
        });
    }

    @Override
    public <T> T recordWith(Supplier<T> change, Function<? super T, AuditEntry> entry) {
        return transactions.executeWrite(status -> {
            // the change's stores join this transaction: the change and its entry commit together
            T result = change.get();
            append(status.getConnection(), entry.apply(result));
            return result;
        });
    }

    @Override
    public Page<RecordedAuditEntry> page(AuditQuery query, int limit, Optional<String> cursor) {
        PageCursor after = PageCursor.after(cursor);
        long afterId = afterId(after);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_log WHERE (at, id) < (?, ?)");
        List<Object> parameters = new ArrayList<>(List.of(SqlTimes.timestamp(after.createdAt()), afterId));
        query.actor().ifPresent(actor -> {
            sql.append(" AND actor = ?");
            parameters.add(actor);
        });
        query.action().ifPresent(action -> {
            sql.append(" AND action = ?");
            parameters.add(action);
        });
        query.target().ifPresent(target -> {
            sql.append(" AND (target = ? OR target LIKE ? ESCAPE '\\')");
            parameters.add(target);
            parameters.add(likeEscaped(target) + "/%");
        });
        query.since().ifPresent(since -> {
            sql.append(" AND at >= ?");
            parameters.add(SqlTimes.timestamp(since));
        });
        query.until().ifPresent(until -> {
            sql.append(" AND at < ?");
            parameters.add(SqlTimes.timestamp(until));
        });
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        parameters.add(limit + 1);
        List<RecordedAuditEntry> found = transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return read(statement);
            } catch (SQLException e) {
                throw new DataAccessException("could not read the audit log", e);
            }
        });
        return PageCursor.page(found, limit, recorded -> recorded.entry().at(), recorded -> Long.toString(recorded.id()));
    }

    private void append(Connection connection, AuditEntry entry) {
        try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
            statement.setString(1, entry.actor());
            statement.setString(2, entry.action());
            statement.setString(3, entry.target());
            statement.setString(4, entry.before() == null ? null : json.write(entry.before()));
            statement.setString(5, entry.after() == null ? null : json.write(entry.after()));
            statement.setObject(6, SqlTimes.timestamp(entry.at()));
            statement.setString(7, requestIds.get().orElse(null));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("could not append " + entry.action() + " of " + entry.target() + " to the audit log", e);
        }
    }

    private List<RecordedAuditEntry> read(PreparedStatement statement) throws SQLException {
        List<RecordedAuditEntry> entries = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                AuditEntry entry = new AuditEntry(row.getString("actor"), row.getString("action"), row.getString("target"),
                        values(row.getString("before")), values(row.getString("after")),
                        SqlTimes.instant(row, "at").orElseThrow());
                entries.add(new RecordedAuditEntry(row.getLong("id"), entry, Optional.ofNullable(row.getString("request_id"))));
            }
        }
        return entries;
    }

    private Map<String, Object> values(String text) {
        return text == null ? null : json.read(text);
    }

    /** The id half of a cursor: the first page starts above every id. */
    private static long afterId(PageCursor after) {
        if (after.id().isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(after.id());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "cursor is not one this API returned");
        }
    }

    /** {@code text} as a LIKE pattern that matches it literally. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
