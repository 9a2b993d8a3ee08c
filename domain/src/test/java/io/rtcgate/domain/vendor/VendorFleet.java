package io.rtcgate.domain.vendor;

import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.ALIYUN;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;

import io.rtcgate.domain.vendor.VendorFakes.FakeChannelAdmin;
import io.rtcgate.domain.vendor.VendorFakes.FakeJoinTokenIssuer;
import io.rtcgate.domain.vendor.VendorFakes.InMemoryVendorStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * All three vendors as fakes, behind the real health tracking, operator states and routing. All are
 * enabled; RTC prefers Agora, then Tencent, then Aliyun. As in production, Tencent cannot list
 * participants and only Aliyun signs stream URLs.
 */
public final class VendorFleet {

    public static final int FAILURE_THRESHOLD = 3;
    public static final Duration COOL_DOWN = Duration.ofSeconds(30);
    public static final Duration ERROR_WINDOW = Duration.ofMinutes(5);
    public static final List<Vendor> RTC_PREFERENCE = List.of(AGORA, TENCENT, ALIYUN);
    public static final List<Vendor> STREAM_URL_PREFERENCE = List.of(ALIYUN);

    private final Map<Vendor, FakeJoinTokenIssuer> issuers = new EnumMap<>(Vendor.class);
    private final Map<Vendor, FakeChannelAdmin> admins = new EnumMap<>(Vendor.class);
    private final InMemoryVendorStateStore states = new InMemoryVendorStateStore();
    private final VendorHealth health;
    private final VendorAdapters adapters;
    private final VendorRouter router;

    public VendorFleet(Clock clock) {
        for (Vendor vendor : Vendor.values()) {
            issuers.put(vendor, new FakeJoinTokenIssuer(vendor));
        }
        admins.put(AGORA, new FakeChannelAdmin(AGORA, Capability.CHANNEL_ADMIN, Capability.PARTICIPANT_LIST));
        admins.put(TENCENT, new FakeChannelAdmin(TENCENT, Capability.CHANNEL_ADMIN));
        admins.put(ALIYUN, new FakeChannelAdmin(ALIYUN, Capability.CHANNEL_ADMIN, Capability.PARTICIPANT_LIST));
        health = new VendorHealth(FAILURE_THRESHOLD, COOL_DOWN, ERROR_WINDOW, clock);
        adapters = new VendorAdapters(List.copyOf(issuers.values()), List.copyOf(admins.values()),
                List.of(new FakeStreamUrlSigner(ALIYUN)));
        router = new VendorRouter(new RoutingPolicy(EnumSet.allOf(Vendor.class),
                Map.of(Capability.RTC, RTC_PREFERENCE, Capability.STREAM_URLS, STREAM_URL_PREFERENCE)), states, health);
    }

    /** Opens the vendor capability's circuit with a threshold's worth of failing calls. */
    public void openCircuit(Vendor vendor, Capability capability) {
        VendorFakes.failCalls(health, vendor, capability, FAILURE_THRESHOLD);
    }

    public FakeJoinTokenIssuer issuer(Vendor vendor) {
        return issuers.get(vendor);
    }

    public FakeChannelAdmin admin(Vendor vendor) {
        return admins.get(vendor);
    }

    public InMemoryVendorStateStore states() {
        return states;
    }

    public VendorHealth health() {
        return health;
    }

    public VendorAdapters adapters() {
        return adapters;
    }

    public VendorRouter router() {
        return router;
    }
}
