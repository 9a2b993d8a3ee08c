package io.rtcgate.domain.interaction;

import java.time.Duration;

/** Port: durable comments, each written with its {@code comment.posted} event in one transaction. */
public interface CommentStore {

    /** What {@link #post} did: saved the comment, or refused it for the author's rate limit. */
    sealed interface Outcome permits Saved, Throttled {
    }

    /** The comment as saved, with the seq of its event. */
    record Saved(Comment comment) implements Outcome {
    }

    /** Nothing was written; the author may post again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Outcome {
    }

    /**
     * Saves the comment and its event unless its author already posted {@code limit.max()} comments in the room
     * within {@code limit.window()} before {@code comment.createdAt()}. Posts of one author in one room are
     * serialized, on every node, so the count is exact.
     */
    Outcome post(Comment comment, RateLimit limit);
}
