package io.rtcgate.domain.job;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import java.util.Optional;

/**
 * Who may run a room's vendor jobs (recordings, ingests) and when: the room's anchor or an admin starts them in a
 * live or paused room that has a vendor channel; the same people see and stop them, and only an admin once the
 * room is gone.
 */
public final class RoomJobAccess {

    /** The largest page of a room's jobs. */
    public static final int MAX_PAGE = 100;

    private RoomJobAccess() {
    }

    /**
     * The channel a new job of {@code roomId} runs in, once the caller may start one there.
     *
     * @param job what the job does, for the messages ("record", "ingest into")
     */
    public static VendorBinding requireChannelToStart(Caller caller, Room room, String job) {
        if (!caller.admin() && !room.isAnchor(caller)) {
            throw new ForbiddenException("only the room's anchor or an admin may " + job + " room " + room.id());
        }
        if (room.status() != RoomStatus.LIVE && room.status() != RoomStatus.PAUSED) {
            throw new ConflictException("room " + room.id() + " is " + room.status().wireName() + ": only a live or paused room"
                    + " can be " + (job.equals("record") ? "recorded" : "ingested into"));
        }
        return room.binding().orElseThrow(() -> new ConflictException("room " + room.id() + " has no vendor channel to " + job));
    }

    /** A page of a room's jobs holds 1 to {@link #MAX_PAGE} of them. */
    public static void requirePageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_PAGE);
        }
    }

    /**
     * Requires the room's anchor or an admin; only an admin once the room is gone.
     *
     * @param jobs the jobs, for the message ("recordings", "ingests")
     */
    public static void requireMayRead(Caller caller, RoomStore rooms, String roomId, String jobs) {
        if (caller.admin()) {
            return;
        }
        Optional<Room> room = rooms.find(roomId);
        if (room.isEmpty() || !room.get().isAnchor(caller)) {
            throw new ForbiddenException("only the room's anchor or an admin may see or stop its " + jobs);
        }
    }
}
