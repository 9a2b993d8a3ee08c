package io.rtcgate.domain.room;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Lifecycle of a live room: {@code PREPARED → LIVE ⇄ PAUSED → ENDED}. A live or paused room can be
 * stopped; ENDED is final. The codes are the AUI AppServer's wire values.
 */
public enum RoomStatus {
    PREPARED(0),
    LIVE(1),
    ENDED(2),
    PAUSED(3);

    private final int code;

    RoomStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The lower-case name the native API uses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canMoveTo(RoomStatus next) {
        return switch (this) {
            case PREPARED -> next == LIVE;
            case LIVE -> next == PAUSED || next == ENDED;
            case PAUSED -> next == LIVE || next == ENDED;
            case ENDED -> false;
        };
    }

    public static Optional<RoomStatus> ofCode(int code) {
        return Arrays.stream(values()).filter(status -> status.code == code).findFirst();
    }

    /** For codes the gateway stored itself: an unknown one is a bug, not bad input. */
    public static RoomStatus fromCode(int code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown room status " + code));
    }

    public static boolean isCode(int code) {
        return ofCode(code).isPresent();
    }
}
