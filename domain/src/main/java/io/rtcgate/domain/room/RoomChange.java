package io.rtcgate.domain.room;

import java.util.List;
import java.util.Objects;

/**
 * A room as a command left it, with the events the command caused. A store saves both or neither, so
 * no state change is ever without its event.
 */
public record RoomChange(Room room, List<RoomEvent> events) {

    public RoomChange {
        Objects.requireNonNull(room, "room");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a room change carries at least one event");
        }
        for (RoomEvent event : events) {
            if (!event.roomId().equals(room.id())) {
                throw new IllegalArgumentException("event " + event.type().wireName() + " belongs to room " + event.roomId()
                        + ", not " + room.id());
            }
        }
    }
}
