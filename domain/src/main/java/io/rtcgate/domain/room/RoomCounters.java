package io.rtcgate.domain.room;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: rooms' live counters (likes, and the audience online now, entries and distinct visitors), kept outside
 * the room row so that likes and comings and goings never contend with changes of the room.
 */
@FunctionalInterface
public interface RoomCounters {

    /** The rooms' counters now, every room asked for present: zeros for one nobody liked or entered. */
    Map<String, RoomMetrics> of(Collection<String> roomIds);

    /** The room's counters now. */
    default RoomMetrics of(String roomId) {
        return of(List.of(roomId)).get(roomId);
    }
}
