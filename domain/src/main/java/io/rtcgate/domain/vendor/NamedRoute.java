package io.rtcgate.domain.vendor;

import java.util.List;

/**
 * A route of a capability for one kind of work that needs its own vendor list, under
 * {@code rtcgate.routing.<configKey>}. Unset, it prefers its default vendors among the enabled ones.
 */
public enum NamedRoute {
    /**
     * The vendor of rooms created through the AUI AppServer API: AUI clients speak only Aliyun ARTC, so
     * the route defaults to Aliyun whatever {@code rtcgate.routing.rtc} prefers.
     */
    AUI("aui", Capability.RTC, List.of(Vendor.ALIYUN), "AUI rooms (AUI clients speak only Aliyun ARTC)");

    private final String configKey;
    private final Capability capability;
    private final List<Vendor> defaults;
    private final String purpose;

    NamedRoute(String configKey, Capability capability, List<Vendor> defaults, String purpose) {
        this.configKey = configKey;
        this.capability = capability;
        this.defaults = defaults;
        this.purpose = purpose;
    }

    public String configKey() {
        return configKey;
    }

    /** The capability every vendor on this route must offer. */
    public Capability capability() {
        return capability;
    }

    /** The vendors preferred while the route is not configured. */
    public List<Vendor> defaults() {
        return defaults;
    }

    /** What the route carries, for messages. */
    public String purpose() {
        return purpose;
    }
}
