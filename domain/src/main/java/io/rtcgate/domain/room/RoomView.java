package io.rtcgate.domain.room;

import io.rtcgate.domain.vendor.StreamUrls;
import java.util.Optional;

/**
 * A room as one caller sees it: the pull URLs for everyone, the push URLs only for the anchor or an
 * admin (they let anyone publish as the anchor). Both are absent while no vendor signs stream URLs.
 * Co-host rooms on a vendor with co-host URLs also carry the caller's {@link CoHostLinks}. {@code metrics} are the
 * room's live counters as of the read.
 */
public record RoomView(Room room, Optional<StreamUrls.Push> push, Optional<StreamUrls.Pull> pull,
                       Optional<CoHostLinks> coHost, RoomMetrics metrics) {
}
