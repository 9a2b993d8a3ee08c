package io.rtcgate.postgres.webhook;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.webhook.WebhookSubscription;
import io.rtcgate.domain.webhook.WebhookSubscriptionStore;
import io.rtcgate.postgres.SqlTimes;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The subscriptions in {@code webhook_subscriptions}; {@code event_types} is NULL for every type. */
@Singleton
public class PostgresWebhookSubscriptionStore implements WebhookSubscriptionStore {

    private static final String COLUMNS = "id, url, event_types, enabled, failing, last_error, created_at";
    private static final String ADD = """
            INSERT INTO webhook_subscriptions (id, url, event_types, secret, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = ?";
    private static final String LIST = "SELECT " + COLUMNS + " FROM webhook_subscriptions ORDER BY created_at, id";
    private static final String UPDATE = "UPDATE webhook_subscriptions SET enabled = ?, event_types = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM webhook_subscriptions WHERE id = ?";
    private static final String FLAG_FAILING = "UPDATE webhook_subscriptions SET failing = true, last_error = ? WHERE id = ?";
    // only when flagged, so the many successes of a healthy subscription write nothing
    private static final String CLEAR_FAILING = """
            UPDATE webhook_subscriptions SET failing = false, last_error = NULL WHERE id = ? AND failing""";

    private final TransactionOperations<Connection> transactions;

    public PostgresWebhookSubscriptionStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(WebhookSubscription subscription, String secret) {
        write(ADD, "add webhook " + subscription.id(), (connection, statement) -> {
            statement.setString(1, subscription.id());
            statement.setString(2, subscription.url());
            statement.setArray(3, types(connection, subscription));
            statement.setString(4, secret);
            statement.setBoolean(5, subscription.enabled());
            statement.setObject(6, SqlTimes.timestamp(subscription.createdAt()));
        });
    }

    @Override
    public Optional<WebhookSubscription> find(String id) {
        return read(FIND, id).stream().findFirst();
    }

    @Override
    public List<WebhookSubscription> list() {
        return read(LIST, null);
    }

    @Override
    public boolean update(WebhookSubscription subscription) {
        return write(UPDATE, "update webhook " + subscription.id(), (connection, statement) -> {
            statement.setBoolean(1, subscription.enabled());
            statement.setArray(2, types(connection, subscription));
            statement.setString(3, subscription.id());
        }) > 0;
    }

    @Override
    public boolean delete(String id) {
        return write(DELETE, "delete webhook " + id, (connection, statement) -> statement.setString(1, id)) > 0;
    }

    @Override
    public void flagFailing(String id, String error) {
        write(FLAG_FAILING, "flag webhook " + id, (connection, statement) -> {
            statement.setString(1, error);
            statement.setString(2, id);
        });
    }

    @Override
    public void clearFailing(String id) {
        write(CLEAR_FAILING, "clear the flag of webhook " + id, (connection, statement) -> statement.setString(1, id));
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private int write(String sql, String what, Binder binder) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(status.getConnection(), statement);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("could not " + what, e);
            }
        });
    }

    private List<WebhookSubscription> read(String sql, String id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                if (id != null) {
                    statement.setString(1, id);
                }
                List<WebhookSubscription> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(subscription(rows));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new DataAccessException("could not read the webhooks", e);
            }
        });
    }

    private static Array types(Connection connection, WebhookSubscription subscription) throws SQLException {
        if (subscription.allTypes()) {
            return null;
        }
        return connection.createArrayOf("varchar", subscription.eventTypes().stream().map(RoomEventType::wireName).toArray());
    }

    private static WebhookSubscription subscription(ResultSet row) throws SQLException {
        Array types = row.getArray("event_types");
        List<RoomEventType> eventTypes = types == null ? List.of()
                : Arrays.stream((Object[]) types.getArray()).map(name -> RoomEventType.ofWireName((String) name)).toList();
        return new WebhookSubscription(row.getString("id"), row.getString("url"), eventTypes, row.getBoolean("enabled"),
                row.getBoolean("failing"), row.getString("last_error"), SqlTimes.instant(row, "created_at").orElseThrow());
    }
}
