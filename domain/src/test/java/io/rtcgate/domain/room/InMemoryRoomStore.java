package io.rtcgate.domain.room;

import io.rtcgate.domain.ConflictException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RoomStore} in a map, with the optimistic concurrency the port promises: a room is saved or
 * deleted only if the stored version still equals the room's version, and every save bumps it.
 */
final class InMemoryRoomStore implements RoomStore {

    private static final Comparator<Room> NEWEST_FIRST =
            Comparator.comparing(Room::createdAt).reversed().thenComparing(Room::id);

    private final Map<String, Room> rooms = new HashMap<>();
    private Runnable beforeNextWrite = () -> { };

    @Override
    public void insert(Room room) {
        if (rooms.putIfAbsent(room.id(), room) != null) {
            throw new ConflictException("room " + room.id() + " already exists");
        }
    }

    @Override
    public Optional<Room> find(String id) {
        return Optional.ofNullable(rooms.get(id));
    }

    @Override
    public Room update(Room room) {
        requireCurrentVersion(room);
        Room saved = room.toBuilder().version(room.version() + 1).build();
        rooms.put(saved.id(), saved);
        return saved;
    }

    @Override
    public void delete(Room room) {
        requireCurrentVersion(room);
        rooms.remove(room.id());
    }

    @Override
    public List<Room> list(RoomQuery query) {
        return rooms.values().stream()
                .filter(room -> query.status().map(status -> room.status() == status).orElse(true))
                .sorted(NEWEST_FIRST)
                .skip(query.offset())
                .limit(query.pageSize())
                .toList();
    }

    /** Lets another writer act between a use case's read and its next write, once. */
    void interleave(Runnable otherWriter) {
        beforeNextWrite = otherWriter;
    }

    /** The stored room; fails the test if there is none. */
    Room stored(String id) {
        return find(id).orElseThrow(() -> new AssertionError("no stored room " + id));
    }

    int size() {
        return rooms.size();
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
}
