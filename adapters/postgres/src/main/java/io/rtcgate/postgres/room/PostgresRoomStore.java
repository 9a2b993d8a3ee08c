package io.rtcgate.postgres.room;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.room.FailoverHold;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChange;
import io.rtcgate.domain.room.RoomMetrics;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomQuery;
import io.rtcgate.domain.room.RoomRecord;
import io.rtcgate.domain.room.RoomRoute;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.postgres.SqlErrors;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import io.rtcgate.postgres.cohost.PostgresCohostStore;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Rooms in {@code rooms}, their events in {@code room_events} ({@link RoomEventLog}). Every write is one
 * transaction: the room row first (its INSERT, or the UPDATE or DELETE that checks the version), then the
 * events; a writer whose version check fails rolls back and writes no event.
 */
@Singleton
public class PostgresRoomStore implements RoomStore {

    private static final String STALE = "the room was changed by another request; reload it and try again";


    private final RoomRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final RoomEventLog events;
    private final PostgresCohostStore cohost;

    public PostgresRoomStore(RoomRepository repository, TransactionOperations<Connection> transactions,
                             RoomEventLog events, PostgresCohostStore cohost) {
        this.cohost = cohost;
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public void insert(RoomChange created) {
        try {
            transactions.executeWrite(status -> {
                repository.save(toRow(created.room()));
                events.append(status.getConnection(), created.events());
                return null;
            });
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("room " + created.room().id() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Room> find(String id) {
        return repository.findById(id).map(row -> toRoom(row, cohost.membersOf(List.of(row.id()))));
    }

    @Override
    public Optional<Room> findByChatId(String chatId) {
        return repository.findNewestByChatId(chatId).map(row -> toRoom(row, cohost.membersOf(List.of(row.id()))));
    }

    @Override
    public Room update(RoomChange change) {
        RoomRow saved = casWrite(() -> transactions.executeWrite(status -> {
            RoomRow row = repository.update(toRow(change.room()));
            events.append(status.getConnection(), change.events());
            return row;
        }));
        return change.room().savedAs(saved.version());
    }

    @Override
    public void delete(RoomChange deleted) {
        casWrite(() -> transactions.executeWrite(status -> {
            repository.delete(toRow(deleted.room()));
            events.append(status.getConnection(), deleted.events());
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
        Map<String, List<MeetingMember>> members = cohost.membersOf(rows.stream().map(RoomRow::id).toList());
        return rows.stream().map(row -> toRoom(row, members)).toList();
    }

    @Override
    public List<String> liveOn(Set<Vendor> vendors, int limit) {
        if (vendors.isEmpty()) {
            return List.of();
        }
        return repository.findLiveOn(vendors.stream().map(Vendor::wireName).sorted().toList(), limit);
    }

    @Override
    public List<RecordedRoomEvent> events(String roomId, long afterSeq, int limit) {
        return events.read(roomId, afterSeq, limit);
    }

    @Override
    public long lastSeq(String roomId) {
        return events.lastSeq(roomId);
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
            if (SqlErrors.isUniqueViolation(e)) {
                // another writer numbered an event of this room first: the same race, caught by the key
                throw new ConflictException(STALE);
            }
            throw e;
        }
    }

    private RoomRow toRow(Room room) {
        RoomRecord r = room.toRecord();
        RoomMetrics metrics = r.metrics();
        VendorBinding binding = r.binding();
        return new RoomRow(
                r.id(), r.createdAt(), r.updatedAt(), r.title(), r.anchorId(), r.extendsJson(),
                (short) r.status().code(), (short) r.mode().code(), r.chatId(), null, r.notice(),
                r.meetingId(), r.coverUrl(), r.anchorId(), r.anchorNick(),
                r.vodId(),
                r.startedAt(), r.stoppedAt(),
                metrics.likeCount(), metrics.onlineCount(), metrics.pv(), metrics.uv(),
                binding == null ? null : binding.vendor().wireName(),
                binding == null ? null : binding.channel(),
                binding == null ? 0L : binding.epoch(),
                r.version(),
                r.route().wireName(),
                r.failover(),
                r.failoverHold() == null ? null : r.failoverHold().reason(),
                r.failoverHold() == null ? null : r.failoverHold().since());
    }

    /** A room with its co-host members, which the co-host sessions keep ({@code members} by room id). */
    private Room toRoom(RoomRow row, Map<String, List<MeetingMember>> members) {
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
                members.getOrDefault(row.id(), List.of()),
                new RoomMetrics(row.likeCount(), row.onlineCount(), row.pv(), row.uv()),
                row.vendor() == null ? null
                        : new VendorBinding(Vendor.parse(row.vendor(), "vendor"), row.channel(), row.vendorEpoch()),
                row.createdAt(),
                row.updatedAt(),
                row.startedAt(),
                row.stoppedAt(),
                row.version(),
                RoomRoute.parse(row.route(), "route"),
                row.failover(),
                row.failoverHeld() == null ? null : new FailoverHold(row.failoverHeld(), row.failoverHeldAt())));
    }
}
