package io.rtcgate.domain.interaction;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.TooManyAttemptsException;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomStore;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Comments in a room that has not ended, by users who are not muted, at most {@link RateLimit#max()} per
 * author and room within its window, on all nodes together. Each comment writes {@code comment.posted}.
 */
public final class CommentService {

    /** The longest comment, in characters (code points, so an emoji is one). */
    public static final int MAX_LENGTH = 500;

    private final RoomStore rooms;
    private final CommentStore comments;
    private final MuteService mutes;
    private final RateLimit limit;
    private final Supplier<String> ids;
    private final Clock clock;

    public CommentService(RoomStore rooms, CommentStore comments, MuteService mutes, RateLimit limit,
                          Supplier<String> ids, Clock clock) {
        this.rooms = rooms;
        this.comments = comments;
        this.mutes = mutes;
        this.limit = limit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Posts the caller's comment.
     *
     * @throws InvalidInputException naming {@code text} when it is empty or longer than {@link #MAX_LENGTH}
     * @throws io.rtcgate.domain.ConflictException when the room has ended
     * @throws io.rtcgate.domain.ForbiddenException when the caller is muted
     * @throws TooManyAttemptsException when the caller reached the rate limit in this room
     */
    public Comment post(Caller caller, String roomId, String text) {
        Validation.required(text, "text");
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new InvalidInputException("text", "text must be at most " + MAX_LENGTH + " characters");
        }
        Room room = rooms.require(roomId);
        room.requireNotEnded();
        Instant now = clock.instant();
        mutes.requireMayComment(caller, room, now);
        CommentStore.Outcome outcome = comments.post(new Comment(ids.get(), roomId, caller.userId(), text, now, 0), limit);
        if (outcome instanceof CommentStore.Throttled throttled) {
            throw new TooManyAttemptsException("at most " + limit.max() + " comments per " + limit.window().toSeconds()
                    + " s in a room; try again later", throttled.retryAfter());
        }
        return ((CommentStore.Saved) outcome).comment();
    }
}
