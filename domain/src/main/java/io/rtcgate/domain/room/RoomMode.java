package io.rtcgate.domain.room;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Validation;
import java.util.Arrays;
import java.util.Locale;

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

    /** The lower-case name the native API uses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode for a native wire name ({@code normal}, {@code cohost}, {@code pk}); anything else is an input error. */
    public static RoomMode parse(String value, String field) {
        return Validation.oneOf(RoomMode.class, value, field);
    }

    /** The mode for a wire code; an unknown code is an input error on {@code field}. */
    public static RoomMode fromCode(int code, String field) {
        return Arrays.stream(values())
                .filter(mode -> mode.code == code)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, field + " must be 0, 1 or 2"));
    }
}
