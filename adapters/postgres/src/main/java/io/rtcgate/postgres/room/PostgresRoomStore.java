package io.rtcgate.postgres.room;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChange;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.room.RoomMetrics;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomQuery;
import io.rtcgate.domain.room.RoomRecord;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Vendor;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rooms in {@code rooms}, their events in {@code room_events}. Every write is one transaction: the room
 * row first (its INSERT, or the UPDATE or DELETE that checks the version), which locks the row, then the
 * events, each numbered {@code MAX(seq) + 1} of its room. Whoever holds the row lock is the only writer of
 * the room's events until it commits, so the numbers have no gaps and follow the commit order; a writer
 * whose version check fails rolls back and writes no event.
 */
@Singleton
public class PostgresRoomStore implements RoomStore {

    private static final String STALE = "the room was changed by another request; reload it and try again";
    /** PostgreSQL's SQLSTATE for a duplicate key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String APPEND_EVENT = """
            INSERT INTO room_events (room_id, seq, type, actor, data, occurred_at)
            SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, CAST(? AS jsonb), ? FROM room_events WHERE room_id = ?""";
    private static final String READ_EVENTS = """
            SELECT seq, type, actor, CAST(data AS text) AS data, occurred_at FROM room_events
            WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?""";

    private final RoomRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final EventDataJson eventData;

    public PostgresRoomStore(RoomRepository repository, TransactionOperations<Connection> transactions, JsonMapper json) {
        this.repository = repository;
        this.transactions = transactions;
        this.json = json;
        this.eventData = new EventDataJson(json);
    }

    @Override
    public void insert(RoomChange created) {
        try {
            transactions.executeWrite(status -> {
                repository.save(toRow(created.room()));
                append(status.getConnection(), created.events());
                return null;
            });
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException("room " + created.room().id() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Room> find(String id) {
        return repository.findById(id).map(this::toRoom);
    }

    @Override
    public Room update(RoomChange change) {
        RoomRow saved = casWrite(() -> transactions.executeWrite(status -> {
            RoomRow row = repository.update(toRow(change.room()));
            append(status.getConnection(), change.events());
            return row;
        }));
        return change.room().savedAs(saved.version());
    }

    @Override
    public void delete(RoomChange deleted) {
        casWrite(() -> transactions.executeWrite(status -> {
            repository.delete(toRow(deleted.room()));
            append(status.getConnection(), deleted.events());
            return null;
        }));
    }

    @Override
    public List<Room> list(RoomQuery query) {
        List<RoomRow> rows = query.statuses().isEmpty()
                ? repository.listNewestFirst(query.pageSize(), query.offset())
                : repository.listNewestFirstWithStatuses(
                        query.statuses().stream().map(status -> (short) status.code()).sorted().toList(),
                        query.pageSize(), query.offset());
        return rows.stream().map(this::toRoom).toList();
    }

    @Override
    public List<RecordedRoomEvent> events(String roomId, long afterSeq, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(READ_EVENTS)) {
                statement.setString(1, roomId);
                statement.setLong(2, afterSeq);
                statement.setInt(3, limit);
                List<RecordedRoomEvent> events = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(new RecordedRoomEvent(rows.getLong("seq"), new RoomEvent(
                                roomId,
                                RoomEventType.ofWireName(rows.getString("type")),
                                rows.getString("actor"),
                                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                                eventData.read(rows.getString("data")))));
                    }
                }
                return events;
            } catch (SQLException e) {
                throw new DataAccessException("could not read the events of room " + roomId, e);
            }
        });
    }

    /**
     * Runs a version-checked write. The transaction has rolled back by the time its exception gets here, so
     * a refused write left nothing behind, neither the row nor any event.
     */
    private <T> T casWrite(Supplier<T> write) {
        try {
            return write.get();
        } catch (OptimisticLockException e) {
            throw new ConflictException(STALE);
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                // another writer numbered an event of this room first: the same race, caught by the key
                throw new ConflictException(STALE);
            }
            throw e;
        }
    }

    /** Appends the events in the caller's transaction, which holds the room row's lock. */
    private void append(Connection connection, List<RoomEvent> events) {
        try (PreparedStatement statement = connection.prepareStatement(APPEND_EVENT)) {
            for (RoomEvent event : events) {
                statement.setString(1, event.roomId());
                statement.setString(2, event.type().wireName());
                statement.setString(3, event.actor());
                statement.setString(4, eventData.write(event.data()));
                statement.setObject(5, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
                statement.setString(6, event.roomId());
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not write the events of room " + events.get(0).roomId(), e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private RoomRow toRow(Room room) {
        RoomRecord r = room.toRecord();
        RoomMetrics metrics = r.metrics();
        VendorBinding binding = r.binding();
        return new RoomRow(
                r.id(), r.createdAt(), r.updatedAt(), r.title(), r.anchorId(), r.extendsJson(),
                (short) r.status().code(), (short) r.mode().code(), r.chatId(), null, r.notice(),
                r.meetingId(), r.coverUrl(), r.anchorId(), r.anchorNick(),
                r.vodId(), writeMembers(r.meetingMembers()),
                r.startedAt(), r.stoppedAt(),
                metrics.likeCount(), metrics.onlineCount(), metrics.pv(), metrics.uv(),
                binding == null ? null : binding.vendor().wireName(),
                binding == null ? null : binding.channel(),
                binding == null ? 0L : binding.epoch(),
                r.version());
    }

    private Room toRoom(RoomRow row) {
        return Room.restore(new RoomRecord(
                row.id(),
                row.title(),
                row.notice(),
                row.coverUrl(),
                row.anchorId(),
                row.anchorNick(),
                row.extendsJson(),
                RoomMode.fromCode(row.mode(), "mode"),
                RoomStatus.fromCode(row.status()),
                row.chatId(),
                row.meetingId(),
                row.vodId(),
                readMembers(row.meetingInfo()),
                new RoomMetrics(row.likeCount(), row.onlineCount(), row.pv(), row.uv()),
                row.vendor() == null ? null
                        : new VendorBinding(Vendor.parse(row.vendor(), "vendor"), row.channel(), row.vendorEpoch()),
                row.createdAt(),
                row.updatedAt(),
                row.startedAt(),
                row.stoppedAt(),
                row.version()));
    }

    private String writeMembers(List<MeetingMember> members) {
        var rows = members.stream()
                .map(m -> new MeetingInfoJson.Member(m.userId(), m.userNick(), m.userAvatar(),
                        m.micOpened(), m.cameraOpened(), m.rtcPullUrl()))
                .toList();
        try {
            return json.writeValueAsString(new MeetingInfoJson(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MeetingMember> readMembers(String meetingInfo) {
        try {
            MeetingInfoJson info = json.readValue(meetingInfo, MeetingInfoJson.class);
            if (info.members() == null) {
                return List.of();
            }
            return info.members().stream()
                    .map(m -> new MeetingMember(m.userId(), m.userNick(), m.userAvatar(),
                            m.micOpened(), m.cameraOpened(), m.rtcPullUrl()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable meeting_info", e);
        }
    }
}
