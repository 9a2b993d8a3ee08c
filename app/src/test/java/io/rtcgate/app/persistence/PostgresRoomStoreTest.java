package io.rtcgate.app.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChange;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.room.RoomMetrics;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomRecord;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.postgres.room.PostgresRoomStore;
import io.rtcgate.testkit.RoomStoreContract;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real {@link PostgresRoomStore} behind the domain's {@link RoomStore} port, on the real database: the
 * port's contract, plus what only this adapter does (the AUI AppServer's column formats, rooms imported
 * from an AUI database). Not transactional: the races need every write committed, as in production. Rooms
 * made here are deleted after each test, since some are dated in the future to be the newest, and so are
 * their events, which would otherwise outlive them.
 */
@MicronautTest(transactional = false)
class PostgresRoomStoreTest extends RoomStoreContract {

    @Inject
    RoomStore store;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected RoomStore store() {
        return store;
    }

    @Override
    protected void cleanUp(Collection<String> roomIds) {
        super.cleanUp(roomIds);
        for (String id : roomIds) {
            sql("DELETE FROM room_events WHERE room_id = ?", id);
        }
    }

    @Test
    void theDomainPortIsThePostgresStore() {
        assertInstanceOf(PostgresRoomStore.class, store);
    }

    /** An event that cannot be written (its data is no plain value) undoes the room's write with it. */
    @Test
    void aWriteWhoseEventFailsLeavesNeitherTheRoomNorAnyEvent() {
        RoomChange created = created(now());
        String id = created.room().id();
        removeAfterTest(id);
        RoomEvent unwritable = new RoomEvent(id, RoomEventType.ROOM_CREATED, ANCHOR.userId(), now(),
                Map.of("at", Instant.now()));

        assertThrows(IllegalArgumentException.class, () -> store.insert(new RoomChange(created.room(), List.of(unwritable))));
        assertEquals(Optional.empty(), store.find(id));
        assertEquals(List.of(), store.events(id, 0, 10));

        store.insert(created);
        RoomChange start = created.room().start(ANCHOR, now());
        RoomEvent first = start.events().get(0);
        assertThrows(IllegalArgumentException.class,
                () -> store.update(new RoomChange(start.room(), List.of(first, unwritable))));
        Room found = store.require(id);
        assertEquals(RoomStatus.PREPARED, found.status());
        assertEquals(0, found.version());
        assertEquals(List.of(1L), store.events(id, 0, 10).stream().map(RecordedRoomEvent::seq).toList());

        assertThrows(IllegalArgumentException.class,
                () -> store.delete(new RoomChange(found, List.of(unwritable))));
        assertEquals(created.room().toRecord(), store.require(id).toRecord());
        assertEquals(1, store.events(id, 0, 10).size());
    }

    @Test
    void aRoomImportedFromAnAuiDatabaseIsReadWithoutABindingAndCanChange() {
        String id = newId();
        Instant t0 = now();
        // the columns of the AUI AppServer's room_infos; the gateway's own columns keep their defaults
        sql("INSERT INTO rooms (id, created_at, updated_at, title, anchor, status, mode, chat_id, anchor_id)"
                + " VALUES (?, ?, ?, 'AUI room', 'aui-anchor', 1, 0, ?, 'aui-anchor')",
                id, utc(t0), utc(t0), id);
        removeAfterTest(id);

        Room imported = store.require(id);
        assertEquals(Optional.empty(), imported.binding());
        assertEquals(RoomStatus.LIVE, imported.status());
        assertEquals(List.of(), imported.meetingMembers());
        assertEquals(RoomMetrics.ZERO, imported.metrics());
        assertEquals(0, imported.version());

        Room paused = store.update(imported.pause(Caller.user("aui-anchor"), now()));

        assertEquals(1, paused.version());
        assertEquals(Optional.empty(), store.require(id).binding());
        assertNull(column(id, "vendor"));
        assertEquals(List.of(RoomEventType.ROOM_PAUSED),
                store.events(id, 0, 10).stream().map(recorded -> recorded.event().type()).toList());
    }

    @Test
    void aRoomWithoutABindingSurvivesInsertAndFind() {
        RoomRecord r = created(now()).room().toRecord();
        RoomRecord unbound = new RoomRecord(r.id(), r.title(), r.notice(), r.coverUrl(), r.anchorId(), r.anchorNick(),
                r.extendsJson(), r.mode(), r.status(), r.chatId(), r.meetingId(), r.vodId(), r.meetingMembers(),
                r.metrics(), null, r.createdAt(), r.updatedAt(), r.startedAt(), r.stoppedAt(), r.version());

        insert(restored(unbound));

        assertEquals(unbound, store.require(r.id()).toRecord());
        assertNull(column(r.id(), "vendor"));
        assertNull(column(r.id(), "channel"));
        assertEquals("0", column(r.id(), "vendor_epoch"));
    }

    @Test
    void theBindingIsKeptInItsColumns() {
        RoomChange created = created(now());
        insert(created);

        assertEquals("agora", column(created.room().id(), "vendor"));
        assertEquals(created.room().id() + "-1", column(created.room().id(), "channel"));
        assertEquals("1", column(created.room().id(), "vendor_epoch"));
    }

    @Test
    void eventsAreRowsWithTheirWireNameAndAJsonbObject() {
        RoomChange created = created(now());
        insert(created);

        List<Map<String, String>> rows = query("SELECT seq::text AS seq, type, actor, jsonb_typeof(data) AS kind,"
                + " data->>'vendor' AS vendor, data->'epoch' AS epoch FROM room_events WHERE room_id = ?", created.room().id());

        assertEquals(List.of(Map.of("seq", "1", "type", "room.created", "actor", ANCHOR.userId(), "kind", "object",
                "vendor", "agora", "epoch", "1")), rows);
    }

    // ---- SQL on the side, to see the columns as another reader of the database would ----------------

    private String column(String roomId, String column) {
        List<Map<String, String>> rows = query("SELECT " + column + "::text AS value FROM rooms WHERE id = ?", roomId);
        assertEquals(1, rows.size(), "room " + roomId);
        return rows.get(0).get("value");
    }

    private List<Map<String, String>> query(String sql, Object... parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = prepare(status.getConnection(), sql, parameters);
                 ResultSet rows = statement.executeQuery()) {
                List<Map<String, String>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rows.getMetaData().getColumnLabel(i), rows.getString(i));
                    }
                    result.add(row);
                }
                return result;
            }
        });
    }

    private void sql(String sql, Object... parameters) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = prepare(status.getConnection(), sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
