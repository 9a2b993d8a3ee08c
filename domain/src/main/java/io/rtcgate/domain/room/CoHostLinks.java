package io.rtcgate.domain.room;

import io.rtcgate.domain.vendor.StreamUrls;
import java.util.Objects;
import java.util.Optional;

/**
 * How one user takes part in a co-host room's RTC channel (the AUI {@code link_info}): where they publish
 * into the channel, where they play it, and the CDN pull URLs of the channel's relayed anchor stream
 * (absent while no vendor signs stream URLs). Computed on read, never stored.
 */
public record CoHostLinks(String rtcPushUrl, String rtcPullUrl, Optional<StreamUrls.Pull> cdnPull) {

    public CoHostLinks {
        Objects.requireNonNull(rtcPushUrl, "rtcPushUrl");
        Objects.requireNonNull(rtcPullUrl, "rtcPullUrl");
        Objects.requireNonNull(cdnPull, "cdnPull");
    }
}
