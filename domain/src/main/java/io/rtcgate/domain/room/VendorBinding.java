package io.rtcgate.domain.room;

import io.rtcgate.domain.vendor.Vendor;
import java.util.Objects;

/**
 * Which vendor carries a room, on which channel. The epoch grows with every switch to another vendor,
 * and the channel name carries it so a new binding never reuses an old channel.
 */
public record VendorBinding(Vendor vendor, String channel, long epoch) {

    public VendorBinding {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(channel, "channel");
    }

    /** The first binding of a room. Room ids are UUIDs, which every vendor accepts in channel names. */
    public static VendorBinding first(String roomId, Vendor vendor) {
        return new VendorBinding(vendor, channelName(roomId, 1), 1);
    }

    static String channelName(String roomId, long epoch) {
        return roomId + "-" + epoch;
    }
}
