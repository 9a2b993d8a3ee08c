package io.rtcgate.postgres.webhook;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.webhook.DeliveryAttempt;
import io.rtcgate.domain.webhook.DeliveryState;
import io.rtcgate.domain.webhook.DueDelivery;
import io.rtcgate.domain.webhook.SendOutcome;
import io.rtcgate.domain.webhook.WebhookDelivery;
import io.rtcgate.domain.webhook.WebhookDeliveryStore;
import io.rtcgate.postgres.PageCursor;
import io.rtcgate.postgres.SqlTimes;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery queue in {@code webhook_deliveries}, filled by {@link RoomEventLog}. A claim is one statement: it locks
 * due rows no other transaction holds ({@code FOR UPDATE SKIP LOCKED}) and sets their lease, so nodes claiming at once
 * get disjoint rows, and a claimed row is not claimed again until its lease ends. It answers each row with its
 * subscription's URL and secret and its event, read in the same statement.
 */
@Singleton
public class PostgresWebhookDeliveryStore implements WebhookDeliveryStore {

    private static final String CLAIMED = """
            SELECT claimed.id, claimed.subscription_id, claimed.state, claimed.attempt_count, claimed.created_at,
                s.url, s.secret, ev.room_id, ev.seq, ev.type, ev.actor, ev.data, ev.occurred_at
            FROM claimed JOIN webhook_subscriptions s ON s.id = claimed.subscription_id
            JOIN room_events ev ON ev.room_id = claimed.room_id AND ev.seq = claimed.seq""";
    // a row waits while any earlier event of its room is still pending for the subscription, due or not, so a room's
    // events go out in seq order: only the head of each (subscription, room) queue can be claimed
    private static final String CLAIM_DUE = """
            WITH claimed AS (
                UPDATE webhook_deliveries SET lease_until = ?
                WHERE id IN (
                    SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                    WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)
                        AND s.enabled
                        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                            WHERE e.subscription_id = d.subscription_id AND e.room_id = d.room_id AND e.seq < d.seq
                                AND e.state = 'pending')
                    ORDER BY d.next_attempt_at, d.id LIMIT ? FOR UPDATE OF d SKIP LOCKED)
                RETURNING *)
            """ + CLAIMED;
    private static final String CLAIM_ONE = """
            WITH claimed AS (
                UPDATE webhook_deliveries SET lease_until = ? WHERE id = ? AND (lease_until IS NULL OR lease_until <= ?)
                RETURNING *)
            """ + CLAIMED;
    private static final String ADD_ATTEMPT = """
            INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error) VALUES (?, ?, ?, ?)""";
    private static final String RECORD = """
            UPDATE webhook_deliveries SET state = ?, attempt_count = attempt_count + 1,
                next_attempt_at = COALESCE(?, next_attempt_at), lease_until = NULL
            WHERE id = ?""";
    private static final String RELEASE = """
            UPDATE webhook_deliveries SET next_attempt_at = ?, lease_until = NULL WHERE id = ANY(?)""";
    private static final String DELIVERY_COLUMNS = "id, subscription_id, room_id, seq, event_type, state, next_attempt_at, created_at";
    private static final String FIND = "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE subscription_id = ? AND id = ?";
    // PageCursor pages by (created_at, id) as text: any total order will do for a cursor
    private static final String PAGE = "SELECT " + DELIVERY_COLUMNS + """
             FROM webhook_deliveries WHERE subscription_id = ? AND (created_at, CAST(id AS text)) < (?, ?)
            ORDER BY created_at DESC, CAST(id AS text) DESC LIMIT ?""";
    private static final String ATTEMPTS = """
            SELECT delivery_id, attempted_at, status_code, error FROM webhook_attempts WHERE delivery_id = ANY(?)
            ORDER BY attempted_at""";

    private final TransactionOperations<Connection> transactions;
    private final RoomEventLog events;

    public PostgresWebhookDeliveryStore(TransactionOperations<Connection> transactions, RoomEventLog events) {
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, Duration lease, int limit) {
        return claim(CLAIM_DUE, "claim due webhook deliveries", statement -> {
            statement.setObject(1, SqlTimes.timestamp(now.plus(lease)));
            statement.setObject(2, SqlTimes.timestamp(now));
            statement.setObject(3, SqlTimes.timestamp(now));
            statement.setInt(4, limit);
        });
    }

    @Override
    public Optional<DueDelivery> claim(long id, Instant now, Duration lease) {
        return claim(CLAIM_ONE, "claim webhook delivery " + id, statement -> {
            statement.setObject(1, SqlTimes.timestamp(now.plus(lease)));
            statement.setLong(2, id);
            statement.setObject(3, SqlTimes.timestamp(now));
        }).stream().findFirst();
    }

    @Override
    public void record(long id, DeliveryAttempt attempt, DeliveryState state, Optional<Instant> nextAttemptAt) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement add = connection.prepareStatement(ADD_ATTEMPT);
                 PreparedStatement update = connection.prepareStatement(RECORD)) {
                add.setLong(1, id);
                add.setObject(2, SqlTimes.timestamp(attempt.at()));
                add.setObject(3, attempt.outcome().statusCode());
                add.setString(4, attempt.outcome().error());
                update.setString(1, state.name().toLowerCase(Locale.ROOT));
                update.setObject(2, nextAttemptAt.map(SqlTimes::timestamp).orElse(null));
                update.setLong(3, id);
                // a delivery its subscription's deletion took away meanwhile has nothing left to record
                if (update.executeUpdate() > 0) {
                    add.executeUpdate();
                }
                return null;
            } catch (SQLException e) {
                throw new DataAccessException("could not record an attempt of webhook delivery " + id, e);
            }
        });
    }

    @Override
    public void release(List<Long> ids, Instant nextAttemptAt) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(RELEASE)) {
                statement.setObject(1, SqlTimes.timestamp(nextAttemptAt));
                statement.setArray(2, status.getConnection().createArrayOf("bigint", ids.toArray()));
                statement.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new DataAccessException("could not release webhook deliveries " + ids, e);
            }
        });
    }

    @Override
    public Optional<WebhookDelivery> find(String subscriptionId, long id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(FIND)) {
                statement.setString(1, subscriptionId);
                statement.setLong(2, id);
                return deliveries(statement).stream().findFirst();
            } catch (SQLException e) {
                throw new DataAccessException("could not read webhook delivery " + id, e);
            }
        });
    }

    @Override
    public Page<WebhookDelivery> page(String subscriptionId, int limit, Optional<String> cursor) {
        return PageCursor.readPage(transactions, PAGE, subscriptionId, limit, cursor, PostgresWebhookDeliveryStore::deliveries,
                WebhookDelivery::createdAt, delivery -> Long.toString(delivery.id()), "the webhook deliveries");
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<DueDelivery> claim(String sql, String what, Binder binder) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                List<DueDelivery> claimed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new DueDelivery(rows.getLong("id"), rows.getString("subscription_id"),
                                rows.getString("url"), rows.getString("secret"), state(rows), rows.getInt("attempt_count"),
                                SqlTimes.instant(rows, "created_at").orElseThrow(), events.event(rows)));
                    }
                }
                claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
                return claimed;
            } catch (SQLException e) {
                throw new DataAccessException("could not " + what, e);
            }
        });
    }

    /** The deliveries the query finds, each with its attempts, read on the query's connection. */
    private static List<WebhookDelivery> deliveries(PreparedStatement query) throws SQLException {
        record Row(long id, String subscriptionId, String roomId, long seq, RoomEventType type, DeliveryState state,
                   Instant nextAttemptAt, Instant createdAt) {
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet found = query.executeQuery()) {
            while (found.next()) {
                rows.add(new Row(found.getLong("id"), found.getString("subscription_id"), found.getString("room_id"),
                        found.getLong("seq"), RoomEventType.ofWireName(found.getString("event_type")), state(found),
                        SqlTimes.instant(found, "next_attempt_at").orElseThrow(),
                        SqlTimes.instant(found, "created_at").orElseThrow()));
            }
        }
        Map<Long, List<DeliveryAttempt>> attempts = new HashMap<>();
        try (PreparedStatement read = query.getConnection().prepareStatement(ATTEMPTS)) {
            read.setArray(1, query.getConnection().createArrayOf("bigint", rows.stream().map(Row::id).toArray()));
            try (ResultSet found = read.executeQuery()) {
                while (found.next()) {
                    int statusCode = found.getInt("status_code");
                    SendOutcome outcome = found.wasNull() ? SendOutcome.noAnswer(found.getString("error"))
                            : SendOutcome.answered(statusCode);
                    attempts.computeIfAbsent(found.getLong("delivery_id"), id -> new ArrayList<>())
                            .add(new DeliveryAttempt(SqlTimes.instant(found, "attempted_at").orElseThrow(), outcome));
                }
            }
        }
        return rows.stream().map(row -> new WebhookDelivery(row.id(), row.subscriptionId(), row.roomId(), row.seq(),
                row.type(), row.state(), attempts.getOrDefault(row.id(), List.of()),
                row.state() == DeliveryState.PENDING ? Optional.of(row.nextAttemptAt()) : Optional.empty(),
                row.createdAt())).toList();
    }

    private static DeliveryState state(ResultSet row) throws SQLException {
        return DeliveryState.valueOf(row.getString("state").toUpperCase(Locale.ROOT));
    }
}
