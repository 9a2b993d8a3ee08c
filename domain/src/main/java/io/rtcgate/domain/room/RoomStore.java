package io.rtcgate.domain.room;

import io.rtcgate.domain.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Port: durable rooms, with optimistic concurrency on {@link Room#version()}. */
public interface RoomStore {

    void insert(Room room);

    Optional<Room> find(String id);

    /** The room, which must exist. */
    default Room require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("room " + id + " does not exist"));
    }

    /**
     * Saves {@code room} if the stored version still equals {@code room.version()}, and returns it with
     * the next version.
     *
     * @throws io.rtcgate.domain.ConflictException when another writer saved the room first
     */
    Room update(Room room);

    /**
     * Deletes the room if the stored version still equals {@code room.version()}.
     *
     * @throws io.rtcgate.domain.ConflictException when another writer saved the room first
     */
    void delete(Room room);

    /** Rooms newest first; ties are broken by id so pages are stable. */
    List<Room> list(RoomQuery query);
}
