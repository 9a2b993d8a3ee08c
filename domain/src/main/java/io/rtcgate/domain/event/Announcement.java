package io.rtcgate.domain.event;

import java.util.Optional;

/**
 * What a bus carries: room {@code roomId} has committed events up to {@code seq}. On the wire it is the text
 * {@code <seq>:<room id>} (a seq has no colon, a room id may).
 */
public record Announcement(String roomId, long seq) {

    public String toText() {
        return seq + ":" + roomId;
    }

    /** The announcement in {@code text}; empty when it is not one. */
    public static Optional<Announcement> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Announcement(text.substring(colon + 1), Long.parseLong(text.substring(0, colon))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
