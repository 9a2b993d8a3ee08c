package io.rtcgate.domain.room;

import io.rtcgate.domain.InvalidInputException;
import java.util.Arrays;

/** How a room is run: a single anchor, co-hosting (连麦), or PK between anchors. Codes as on the AUI wire. */
public enum RoomMode {
    NORMAL(0),
    COHOST(1),
    PK(2);

    private final int code;

    RoomMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The mode for a wire code; an unknown code is an input error on {@code field}. */
    public static RoomMode fromCode(int code, String field) {
        return Arrays.stream(values())
                .filter(mode -> mode.code == code)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, field + " must be 0, 1 or 2"));
    }
}
