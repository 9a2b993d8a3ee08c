package io.rtcgate.domain.room;

import java.util.Optional;

/**
 * A room as one caller sees it: the pull URLs for everyone, the push URLs only for the anchor or an
 * admin (they let anyone publish as the anchor).
 */
public record RoomView(Room room, Optional<StreamUrls.Push> push, StreamUrls.Pull pull) {
}
