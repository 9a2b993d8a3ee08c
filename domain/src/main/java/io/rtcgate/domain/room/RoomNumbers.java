package io.rtcgate.domain.room;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: stable numbers for rooms, for APIs whose clients name rooms by number (seed 001's {@code roomId|int}). A
 * room's number is given on first ask and kept while the room exists; so is the number of a viewer's co-host
 * seat in a room, seed 001's "live created by the system for an audience co-host". Numbers are positive and
 * below 2^53, so JavaScript clients keep them exact.
 */
public interface RoomNumbers {

    /** The largest number a JavaScript client holds exactly. */
    long MAX_NUMBER = (1L << 53) - 1;

    /** What a number names: a room, or {@code seatUserId}'s co-host seat in it. */
    record Numbered(String roomId, Optional<String> seatUserId) {

        public Numbered {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(seatUserId, "seatUserId");
        }
    }

    /** The numbers of existing rooms, each asked for present. */
    Map<String, Long> ofRooms(Collection<String> roomIds);

    default long ofRoom(String roomId) {
        return ofRooms(List.of(roomId)).get(roomId);
    }

    /** The number of {@code userId}'s co-host seat in an existing room. */
    long ofSeat(String roomId, String userId);

    /** What {@code number} names, if anything. */
    Optional<Numbered> find(long number);
}
