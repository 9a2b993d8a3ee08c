package io.rtcgate.domain.vendor;

import java.time.Duration;

/** Port: controls a vendor channel. */
public interface ChannelAdmin extends VendorPort {

    /** Removes a user and keeps them out for {@code duration}. */
    void kick(ChannelRef channel, String userId, Duration duration);

    /** Ends the channel for everyone. */
    void close(ChannelRef channel);
}
