package io.rtcgate.domain.room;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.NotFoundException;
import java.util.List;

/**
 * A room's events as the outbox keeps them, in order from any point: what a client missed, what the realtime
 * stream replays before it goes live. History outlives the room: a deleted room's events stay readable.
 */
public final class RoomEventHistory {

    /** The most events one read returns. */
    public static final int MAX_PAGE = 1000;

    private final RoomStore rooms;

    public RoomEventHistory(RoomStore rooms) {
        this.rooms = rooms;
    }

    /**
     * The room's events after {@code afterSeq} (0 for all), oldest first, at most {@code limit}.
     *
     * @throws InvalidInputException naming {@code after} or {@code limit} when out of range
     * @throws NotFoundException when no such room exists or ever had an event
     */
    public List<RecordedRoomEvent> after(String roomId, long afterSeq, int limit) {
        if (afterSeq < 0) {
            throw new InvalidInputException("after", "after must be 0 or the seq of an event of the room");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_PAGE);
        }
        List<RecordedRoomEvent> events = rooms.events(roomId, afterSeq, limit);
        if (events.isEmpty() && rooms.find(roomId).isEmpty() && rooms.events(roomId, 0, 1).isEmpty()) {
            throw new NotFoundException("room " + roomId + " does not exist");
        }
        return events;
    }

    /** The seq of the room's latest event, 0 when it has none: where a stream that wants only what comes next starts. */
    public long lastSeq(String roomId) {
        return rooms.lastSeq(roomId);
    }
}
