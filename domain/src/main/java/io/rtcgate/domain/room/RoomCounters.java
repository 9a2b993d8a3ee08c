package io.rtcgate.domain.room;

/**
 * Port: a room's live counters (likes, and its audience online now, entries and distinct visitors), kept outside
 * the room row so that likes and comings and goings never contend with changes of the room.
 */
@FunctionalInterface
public interface RoomCounters {

    /** The room's counters now; zeros for a room nobody liked or entered. */
    RoomMetrics of(String roomId);
}
