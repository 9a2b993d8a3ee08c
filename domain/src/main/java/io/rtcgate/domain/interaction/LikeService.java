package io.rtcgate.domain.interaction;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.room.RoomStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Likes: an exact total per room, told in coalesced {@code like.added {delta, total}} events, at most
 * {@code broadcastsPerSecond} per room and second whatever the number of likes and nodes. {@link #announcePending}
 * is the pass that writes them; run it often (every node may), so the last likes of a burst are told soon.
 */
public final class LikeService {

    /** The most likes one request adds. */
    public static final int MAX_PER_REQUEST = 100;

    private final RoomStore rooms;
    private final LikeCounter likes;
    private final Duration minInterval;
    private final Clock clock;

    public LikeService(RoomStore rooms, LikeCounter likes, int broadcastsPerSecond, Clock clock) {
        if (broadcastsPerSecond < 1) {
            throw new IllegalArgumentException("like broadcasts per second must be at least 1");
        }
        this.rooms = rooms;
        this.likes = likes;
        this.minInterval = Duration.ofSeconds(1).dividedBy(broadcastsPerSecond);
        this.clock = clock;
    }

    /** {@code count} if it is a number of likes one request may add, else an input error on {@code field}. */
    public static int requireCount(Integer count, String field) {
        if (count == null || count < 1 || count > MAX_PER_REQUEST) {
            throw new InvalidInputException(field, field + " must be from 1 to " + MAX_PER_REQUEST);
        }
        return count;
    }

    /**
     * Adds {@code userId}'s likes to a room that has not ended; the new total.
     *
     * @throws InvalidInputException naming {@code count} when it is not 1 to {@link #MAX_PER_REQUEST}
     */
    public long like(String roomId, String userId, Integer count) {
        int likesToAdd = requireCount(count, "count");
        rooms.require(roomId).requireNotEnded();
        return likes.add(roomId, likesToAdd, userId);
    }

    /** The room's like total. */
    public long total(String roomId) {
        return likes.total(roomId);
    }

    /** Writes a {@code like.added} event for every room due one; how many were written. */
    public int announcePending() {
        return likes.announce(clock.instant(), minInterval, LikeService::likeAdded);
    }

    private static RoomEvent likeAdded(LikeDelta delta) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("delta", delta.delta());
        data.put("total", delta.total());
        delta.lastLiker().ifPresent(user -> data.put("last_user_id", user));
        return new RoomEvent(delta.roomId(), RoomEventType.LIKE_ADDED, RoomEvent.systemActor("likes"), delta.at(), data);
    }
}
