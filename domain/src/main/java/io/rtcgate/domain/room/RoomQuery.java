package io.rtcgate.domain.room;

import io.rtcgate.domain.InvalidInputException;
import java.util.Optional;

/** One page of rooms, newest first, optionally of one status. Pages count from 1. */
public record RoomQuery(Optional<RoomStatus> status, int pageNum, int pageSize) {

    public static final int MAX_PAGE_SIZE = 100;

    public RoomQuery {
        if (pageNum < 1) {
            throw new InvalidInputException("page_num", "page_num must be at least 1");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page_size", "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    public long offset() {
        return (long) (pageNum - 1) * pageSize;
    }
}
