package io.rtcgate.domain.interaction;

import java.time.Instant;

/** Likes of a room since its last announcement ({@code delta}) and its total, as announced at {@code at}. */
public record LikeDelta(String roomId, long delta, long total, Instant at) {
}
