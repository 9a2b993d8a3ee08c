package io.rtcgate.domain.room;

import io.rtcgate.domain.vendor.Vendor;
import java.util.Objects;
import java.util.Optional;

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

    /** The binding after a move of the room to {@code vendor}: the next epoch, on a channel of its own. */
    public VendorBinding next(String roomId, Vendor vendor) {
        return new VendorBinding(vendor, channelName(roomId, epoch + 1), epoch + 1);
    }

    static String channelName(String roomId, long epoch) {
        return roomId + "-" + epoch;
    }

    /**
     * The room a channel name of {@link #channelName} belongs to, if it has that shape. Only a candidate:
     * the channel is the room's only if it equals the room's binding channel.
     */
    public static Optional<String> roomIdOf(String channel) {
        int dash = channel.lastIndexOf('-');
        if (dash <= 0 || dash == channel.length() - 1) {
            return Optional.empty();
        }
        for (int i = dash + 1; i < channel.length(); i++) {
            if (channel.charAt(i) < '0' || channel.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(channel.substring(0, dash));
    }
}
