package io.rtcgate.domain.interaction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Likes of a room since its last announcement ({@code delta}) and its total, as announced at {@code at};
 * {@code lastLiker} is the user whose like came last (seed 001's like push names one), when the store knows it.
 */
public record LikeDelta(String roomId, long delta, long total, Instant at, Optional<String> lastLiker) {

    public LikeDelta {
        Objects.requireNonNull(lastLiker, "lastLiker");
    }
}
