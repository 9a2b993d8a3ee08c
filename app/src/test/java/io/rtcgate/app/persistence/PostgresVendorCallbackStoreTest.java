package io.rtcgate.app.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.callback.CallbackProcessingException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.domain.room.NewRoom;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.postgres.callback.PostgresVendorCallbackStore;
import io.rtcgate.testkit.VendorCallbackStoreContract;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

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

    @Inject
    RoomStore rooms;

    /** The room store joins the processing transaction: what a processor wrote goes when it throws. */
    @Test
    void aRoomWrittenByAProcessorThatThrowsIsRolledBackWithIt() {
        long id = store.record(Vendor.ALIYUN, CallbackKind.STREAM, keyPrefix() + "rollback",
                new CallbackRequest("GET", "action=publish", Map.of(), ""), Instant.now()).id();
        String roomId = UUID.randomUUID().toString();
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");

        assertThrows(CallbackProcessingException.class, () -> store.process(id, callback -> {
            rooms.insert(Room.create(Caller.user("rollback-anchor"), roomId,
                    new NewRoom("rolled back", null, null, "rollback-anchor", null, null, RoomMode.NORMAL), "m",
                    VendorBinding.first(roomId, Vendor.ALIYUN), longAgo));
            assertTrue(rooms.find(roomId).isPresent(), "the processor sees its own write");
            throw new IllegalStateException("fails after writing the room");
        }, Instant.now()));

        assertTrue(rooms.find(roomId).isEmpty(), "the room went with the processing run");
        assertTrue(rooms.events(roomId, 0, 10).isEmpty(), "and so did its events");
        assertFalse(store.find(id).orElseThrow().processed());
    }

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
