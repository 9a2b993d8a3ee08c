package io.rtcgate.app.persistence;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.postgres.callback.PostgresVendorCallbackStore;
import io.rtcgate.testkit.VendorCallbackStoreContract;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The real {@link PostgresVendorCallbackStore} against the inbox contract, on the real database, with the
 * gateway's own worker off so that only the contract processes its deliveries. Not transactional: the
 * races need every write committed. The deliveries made here are removed after each test.
 */
@MicronautTest(transactional = false)
@Property(name = "rtcgate.callbacks.worker.enabled", value = "false")
class PostgresVendorCallbackStoreTest extends VendorCallbackStoreContract {

    @Inject
    VendorCallbackStore store;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected VendorCallbackStore store() {
        return store;
    }

    @Override
    protected void cleanUp(String keyPrefix) {
        transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM vendor_callbacks WHERE dedupe_key LIKE ?")) {
                delete.setString(1, keyPrefix + "%");
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
