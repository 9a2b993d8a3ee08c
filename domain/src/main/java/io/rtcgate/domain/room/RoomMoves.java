package io.rtcgate.domain.room;

/**
 * A room's long-running vendor jobs (recordings, ingests, the co-host mix), told when the room moved to a new
 * channel so they follow it there, and their tasks on the old channel are stopped. Called after the move is
 * saved; a job that cannot follow now is left to its own machinery.
 */
@FunctionalInterface
public interface RoomMoves {

    /** The room was bound to {@code from} and is bound to its {@link Room#binding()} now. */
    void roomMoved(Room room, VendorBinding from);
}
