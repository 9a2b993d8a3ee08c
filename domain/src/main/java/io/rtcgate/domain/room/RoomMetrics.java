package io.rtcgate.domain.room;

/** Audience counters of a room. They start at zero and only room events change them. */
public record RoomMetrics(long likeCount, long onlineCount, long pv, long uv) {

    public static final RoomMetrics ZERO = new RoomMetrics(0, 0, 0, 0);
}
