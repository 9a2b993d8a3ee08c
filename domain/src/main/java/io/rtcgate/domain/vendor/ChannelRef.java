package io.rtcgate.domain.vendor;

import java.util.Objects;

/** A room's channel on its vendor, with the room's CDN stream name and anchor for vendors that need them. */
public record ChannelRef(String channel, String streamName, String anchorId) {

    public ChannelRef {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(anchorId, "anchorId");
    }
}
