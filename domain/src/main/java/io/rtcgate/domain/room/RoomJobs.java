package io.rtcgate.domain.room;

/**
 * A room's long-running vendor jobs (recordings; later ingests and mixes), told when the room ends so they
 * end with it. Called after the room's end is saved; a job that cannot end now is left to its reconciler,
 * which ends the jobs of ended rooms.
 */
@FunctionalInterface
public interface RoomJobs {

    void roomEnded(Room room);
}
