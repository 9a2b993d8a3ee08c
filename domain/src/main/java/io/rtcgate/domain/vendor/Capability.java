package io.rtcgate.domain.vendor;

/**
 * What a vendor adapter can do. Routing keeps an ordered vendor list per routable capability, under
 * {@code rtcgate.routing.<configKey>}.
 */
public enum Capability {
    /** Join credentials for a room's channel; a room is bound to the vendor routed for this. */
    RTC("rtc"),
    /** Signed push and play URLs. */
    STREAM_URLS("stream-urls"),
    /** Kick a user, close a channel. */
    CHANNEL_ADMIN("channel-admin"),
    /** List who is in a channel. Not every vendor offers it. */
    PARTICIPANT_LIST("participant-list"),
    MIXING("mixing"),
    RECORDING("recording"),
    INGEST("ingest");

    private final String configKey;

    Capability(String configKey) {
        this.configKey = configKey;
    }

    public String configKey() {
        return configKey;
    }
}
