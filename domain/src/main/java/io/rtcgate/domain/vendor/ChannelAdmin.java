package io.rtcgate.domain.vendor;

import java.time.Duration;

/**
 * Port: controls a vendor channel. {@link #participants} is offered only by adapters that declare
 * {@link Capability#PARTICIPANT_LIST}; the others throw {@link UnsupportedCapabilityException}.
 */
public interface ChannelAdmin extends VendorAdapter {

    /** Removes a user and keeps them out for {@code duration}. */
    void kick(ChannelRef channel, String userId, Duration duration);

    Participants participants(ChannelRef channel);

    /** Ends the channel for everyone. */
    void close(ChannelRef channel);
}
