package io.rtcgate.domain.room;

/**
 * A room's long-running vendor jobs (recordings, ingests, the co-host mix), told when the room moved to a new
 * channel so they follow it there, and their tasks on the old channel are stopped. Called after the move is
 * saved, by a clean-up queued with it; it throws when a job could not follow now, so that it is called again, and
 * the jobs that followed already are left as they are then.
 */
@FunctionalInterface
public interface RoomMoves {

    /** The room was bound to {@code from} and is bound to its {@link Room#binding()} now. */
    void roomMoved(Room room, VendorBinding from);
}
