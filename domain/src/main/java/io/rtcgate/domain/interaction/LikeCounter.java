package io.rtcgate.domain.interaction;

import io.rtcgate.domain.room.RoomEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Port: each room's like total, exact under any concurrency and on any number of nodes, and the part of it no
 * {@code like.added} event has told yet.
 */
public interface LikeCounter {

    /** Adds {@code count} likes of {@code userId} to the room's total, who becomes its last liker; the new total. */
    long add(String roomId, int count, String userId);

    /** The room's total; 0 for a room nobody liked. */
    long total(String roomId);

    /** The totals of the rooms, each room asked for present (0 when nobody liked it). */
    Map<String, Long> totals(Collection<String> roomIds);

    /**
     * For every room with likes not yet told whose last announcement is at least {@code minInterval} before
     * {@code now} (or that never had one), in one transaction per room: claims the untold likes, marks the room
     * announced at {@code now} and appends the event {@code announcement} makes of them. Nodes announcing at once
     * never announce a room twice within {@code minInterval}.
     *
     * @return how many rooms were announced
     */
    int announce(Instant now, Duration minInterval, Function<LikeDelta, RoomEvent> announcement);
}
