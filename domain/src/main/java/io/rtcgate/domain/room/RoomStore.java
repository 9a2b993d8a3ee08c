package io.rtcgate.domain.room;

import io.rtcgate.domain.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.rtcgate.domain.vendor.Vendor;

/**
 * Port: durable rooms and their events, with optimistic concurrency on {@link Room#version()}. Every
 * write saves a {@link RoomChange}: the room and its events in one transaction, the events numbered per
 * room from 1 without gaps, in the order they committed.
 */
public interface RoomStore {

    /**
     * Saves a new room with its events.
     *
     * @throws io.rtcgate.domain.ConflictException when a room with that id exists
     */
    void insert(RoomChange created);

    Optional<Room> find(String id);

    /** The room, which must exist. */
    default Room require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("room " + id + " does not exist"));
    }

    /**
     * Saves the changed room if the stored version still equals its version, with its events, and returns
     * it with the next version.
     *
     * @throws io.rtcgate.domain.ConflictException when another writer saved the room first
     */
    Room update(RoomChange change);

    /**
     * Deletes the room if the stored version still equals its version, and keeps the change's events: a
     * room's history outlives it.
     *
     * @throws io.rtcgate.domain.ConflictException when another writer saved the room first
     */
    void delete(RoomChange deleted);

    /** The newest room whose clients chat in {@code chatId} (AUI calls name rooms by it). */
    Optional<Room> findByChatId(String chatId);

    /**
     * Ids of up to {@code limit} live or paused rooms bound to one of {@code vendors}: the rooms a failover has to
     * move, those failover has not yet held back first.
     */
    List<String> liveOn(Set<Vendor> vendors, int limit);

    /** Rooms newest first; ties are broken by id so pages are stable. */
    List<Room> list(RoomQuery query);

    /** Up to {@code limit} events of the room with a sequence number above {@code afterSeq}, oldest first. */
    List<RecordedRoomEvent> events(String roomId, long afterSeq, int limit);

    /** The seq of the room's latest event, 0 when it has none; stores answer it without reading the history. */
    default long lastSeq(String roomId) {
        long last = 0;
        for (List<RecordedRoomEvent> page = events(roomId, 0, RoomEventHistory.MAX_PAGE); !page.isEmpty();
             page = events(roomId, last, RoomEventHistory.MAX_PAGE)) {
            last = page.get(page.size() - 1).seq();
        }
        return last;
    }
}
