package io.rtcgate.testkit;

import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.ALIYUN;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;

import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.PortGuard;
import io.rtcgate.domain.vendor.RoutingPolicy;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorFaults;
import io.rtcgate.domain.vendor.VendorHealth;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * All three vendors as fakes, behind the real guard, health tracking, operator states and routing, as
 * in production: every vendor issues join tokens and administers channels, Tencent cannot list
 * participants, and only Aliyun signs stream URLs. RTC prefers Agora, then Tencent, then Aliyun.
 */
public final class VendorFleet {

    public static final int FAILURE_THRESHOLD = 3;
    public static final Duration COOL_DOWN = Duration.ofSeconds(30);
    public static final Duration ERROR_WINDOW = Duration.ofMinutes(5);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    public static final List<Vendor> RTC_PREFERENCE = List.of(AGORA, TENCENT, ALIYUN);
    /** A channel for calls that only exist to move a vendor's health. */
    private static final ChannelRef PROBE_CHANNEL = new ChannelRef("probe", "probe", "probe");

    private final Map<Vendor, FakeJoinTokenIssuer> issuers = new EnumMap<>(Vendor.class);
    private final Map<Vendor, FakeChannelAdmin> admins = new EnumMap<>(Vendor.class);
    private final FakeStreamUrlSigner signer = new FakeStreamUrlSigner(ALIYUN);
    private final InMemoryVendorStateStore states = new InMemoryVendorStateStore();
    private final VendorHealth health;
    private final VendorFaults faults;
    private final PortGuard guard;
    private final VendorPorts ports;
    private final VendorRouter router;

    public VendorFleet(Clock clock) {
        List<VendorPort> adapters = new ArrayList<>();
        for (Vendor vendor : Vendor.values()) {
            issuers.put(vendor, new FakeJoinTokenIssuer(vendor));
            admins.put(vendor, new FakeChannelAdmin(vendor));
            adapters.add(issuers.get(vendor));
            adapters.add(admins.get(vendor));
            if (vendor != TENCENT) {
                adapters.add(admins.get(vendor).lister());
            }
        }
        adapters.add(signer);
        health = new VendorHealth(FAILURE_THRESHOLD, COOL_DOWN, ERROR_WINDOW, clock);
        faults = new VendorFaults(clock);
        // every call of the error-rate fault draws 0.5: a rate above it fails all calls, one below none
        guard = new PortGuard(health, faults, CALL_TIMEOUT, () -> 0.5);
        ports = new VendorPorts(adapters, guard);
        router = new VendorRouter(RoutingPolicy.of(Map.of(Capability.RTC, RTC_PREFERENCE), ports), states, health);
    }

    /**
     * Opens the vendor's circuit the way production does: its cloud fails a threshold's worth of real
     * calls through the guard (channel closes that hit a transport error). Those calls are then forgotten
     * by the fake, so a test sees only the calls it made itself.
     */
    public void openCircuit(Vendor vendor) {
        FakeChannelAdmin admin = admins.get(vendor);
        admin.failWith(VendorException.Kind.TRANSPORT);
        ChannelAdmin guarded = ports.require(vendor, ChannelAdmin.class);
        for (int i = 0; i < FAILURE_THRESHOLD; i++) {
            try {
                guarded.close(PROBE_CHANNEL);
                throw new AssertionError("the failing close went through");
            } catch (VendorException expected) {
                if (expected.kind() != VendorException.Kind.TRANSPORT) {
                    throw new AssertionError("close " + (i + 1) + " was refused instead of made: " + expected.kind());
                }
            }
        }
        admin.succeed();
        admin.forgetCalls();
    }

    public FakeJoinTokenIssuer issuer(Vendor vendor) {
        return issuers.get(vendor);
    }

    public FakeChannelAdmin admin(Vendor vendor) {
        return admins.get(vendor);
    }

    public FakeStreamUrlSigner signer() {
        return signer;
    }

    public InMemoryVendorStateStore states() {
        return states;
    }

    public VendorHealth health() {
        return health;
    }

    public VendorFaults faults() {
        return faults;
    }

    public PortGuard guard() {
        return guard;
    }

    public VendorPorts ports() {
        return ports;
    }

    public VendorRouter router() {
        return router;
    }
}
