package io.rtcgate.testkit;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChange;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomQuery;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.vendor.Vendor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link RoomStore} in maps, keeping the port's promises: a room is saved or deleted only if the stored
 * version still equals the room's version, every save bumps it, and each write keeps its events, numbered
 * per room from 1 without gaps, or nothing at all. Thread-safe: every operation holds the store's lock, so
 * writes are atomic and their events follow the commit order. The events of a deleted room stay.
 */
public final class InMemoryRoomStore implements RoomStore {

    /** As PostgreSQL lists them ({@code ORDER BY created_at DESC, id DESC}): ties go to the higher id. */
    private static final Comparator<Room> NEWEST_FIRST =
            Comparator.comparing(Room::createdAt).thenComparing(Room::id).reversed();

    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, List<RecordedRoomEvent>> events = new HashMap<>();
    private Runnable beforeNextWrite = () -> { };

    @Override
    public synchronized void insert(RoomChange created) {
        Room room = created.room();
        if (rooms.containsKey(room.id())) {
            throw new ConflictException("room " + room.id() + " already exists");
        }
        rooms.put(room.id(), room);
        append(created.events());
    }

    @Override
    public synchronized Optional<Room> find(String id) {
        return Optional.ofNullable(rooms.get(id));
    }

    @Override
    public synchronized Optional<Room> findByChatId(String chatId) {
        return rooms.values().stream().filter(room -> chatId.equals(room.chatId())).sorted(NEWEST_FIRST).findFirst();
    }

    @Override
    public synchronized Room update(RoomChange change) {
        requireCurrentVersion(change.room());
        Room saved = change.room().savedAs(change.room().version() + 1);
        rooms.put(saved.id(), saved);
        append(change.events());
        return saved;
    }

    @Override
    public synchronized void delete(RoomChange deleted) {
        requireCurrentVersion(deleted.room());
        rooms.remove(deleted.room().id());
        append(deleted.events());
    }

    @Override
    public synchronized List<Room> list(RoomQuery query) {
        return rooms.values().stream()
                .filter(room -> query.matches(room.status()))
                .sorted(NEWEST_FIRST)
                .skip(query.offset())
                .limit(query.pageSize())
                .toList();
    }

    @Override
    public synchronized List<String> liveOn(Set<Vendor> vendors, int limit) {
        return rooms.values().stream()
                .filter(room -> room.status() == RoomStatus.LIVE || room.status() == RoomStatus.PAUSED)
                .filter(room -> room.binding().map(binding -> vendors.contains(binding.vendor())).orElse(false))
                .sorted(Comparator.comparing((Room room) -> room.failoverHold().isPresent()).thenComparing(Room::id))
                .limit(limit)
                .map(Room::id)
                .toList();
    }

    @Override
    public synchronized List<RecordedRoomEvent> events(String roomId, long afterSeq, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return events.getOrDefault(roomId, List.of()).stream()
                .filter(recorded -> recorded.seq() > afterSeq)
                .limit(limit)
                .toList();
    }

    /**
     * Lets another writer act between a use case's read and its next update or delete, once. The other
     * writer runs on the calling thread, inside that write, just before its version check.
     */
    public synchronized void interleave(Runnable otherWriter) {
        beforeNextWrite = otherWriter;
    }

    /** The stored room; fails the test if there is none. */
    public synchronized Room stored(String id) {
        return find(id).orElseThrow(() -> new AssertionError("no stored room " + id));
    }

    /** How many rooms are stored; deleted rooms do not count. */
    public synchronized int size() {
        return rooms.size();
    }

    /** Every event of the room, oldest first, without their numbers; also those of a deleted room. */
    public synchronized List<RoomEvent> eventsOf(String roomId) {
        return events.getOrDefault(roomId, List.of()).stream().map(RecordedRoomEvent::event).toList();
    }

    private void requireCurrentVersion(Room room) {
        Runnable otherWriter = beforeNextWrite;
        beforeNextWrite = () -> { };
        otherWriter.run();
        Room stored = rooms.get(room.id());
        if (stored == null || stored.version() != room.version()) {
            throw new ConflictException("room " + room.id() + " was changed by another writer");
        }
    }

    private void append(List<RoomEvent> changeEvents) {
        for (RoomEvent event : changeEvents) {
            List<RecordedRoomEvent> ofRoom = events.computeIfAbsent(event.roomId(), id -> new ArrayList<>());
            ofRoom.add(new RecordedRoomEvent(ofRoom.size() + 1, event));
        }
    }
}
