package io.rtcgate.domain.room;

/** A room event as the store keeps it: numbered per room from 1, without gaps, in commit order. */
public record RecordedRoomEvent(long seq, RoomEvent event) {
}
