package io.rtcgate.domain.room;

import io.rtcgate.domain.InvalidInputException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** One page of rooms, newest first, optionally only of some statuses (empty: all). Pages count from 1. */
public record RoomQuery(Set<RoomStatus> statuses, int pageNum, int pageSize) {

    public static final int MAX_PAGE_SIZE = 100;

    public RoomQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (pageNum < 1) {
            throw new InvalidInputException("page_num", "page_num must be at least 1");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page_size", "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** Rooms of one status, or of every status. */
    public RoomQuery(Optional<RoomStatus> status, int pageNum, int pageSize) {
        this(status.map(Set::of).orElse(Set.of()), pageNum, pageSize);
    }

    public boolean matches(RoomStatus status) {
        return statuses.isEmpty() || statuses.contains(status);
    }

    public long offset() {
        return (long) (pageNum - 1) * pageSize;
    }
}
