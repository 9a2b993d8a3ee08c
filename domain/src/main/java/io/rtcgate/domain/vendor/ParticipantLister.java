package io.rtcgate.domain.vendor;

/** Port: who is in a vendor channel now. Vendors without such an API (Tencent TRTC) have no adapter for it. */
public interface ParticipantLister extends VendorPort {

    Participants participants(ChannelRef channel);
}
