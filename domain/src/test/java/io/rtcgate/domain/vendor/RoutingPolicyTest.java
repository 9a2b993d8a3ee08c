package io.rtcgate.domain.vendor;

import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.ALIYUN;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rtcgate.testkit.FakeChannelAdmin;
import io.rtcgate.testkit.FakeJoinTokenIssuer;
import io.rtcgate.testkit.FakeStreamUrlSigner;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing lists are checked against what the enabled vendors offer; what nobody configured is filled in. */
class RoutingPolicyTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    /** Agora and Aliyun are enabled; only Aliyun signs stream URLs, only Agora administers channels. */
    private final VendorPorts ports = new VendorPorts(List.of(
            new FakeJoinTokenIssuer(AGORA), new FakeChannelAdmin(AGORA),
            new FakeJoinTokenIssuer(ALIYUN), new FakeStreamUrlSigner(ALIYUN)),
            new PortGuard(new VendorHealth(1, Duration.ofSeconds(1), Duration.ofSeconds(1), clock),
                    new VendorFaults(clock), Duration.ofSeconds(1), () -> 0.5));

    @Test
    void unconfiguredCapabilitiesPreferEveryVendorThatOffersItInVendorOrder() {
        RoutingPolicy policy = RoutingPolicy.of(Map.of(), ports);

        assertEquals(List.of(AGORA, ALIYUN), policy.preferenceFor(Capability.RTC));
        assertEquals(List.of(ALIYUN), policy.preferenceFor(Capability.STREAM_URLS));
        assertEquals(List.of(AGORA), policy.preferenceFor(Capability.CHANNEL_ADMIN));
        assertEquals(List.of(), policy.preferenceFor(Capability.PARTICIPANT_LIST));
    }

    @Test
    void configuredOrderIsKeptAndVendorsThatAreNotEnabledAreSkipped() {
        RoutingPolicy policy = RoutingPolicy.of(Map.of(Capability.RTC, List.of(TENCENT, ALIYUN, AGORA, ALIYUN)), ports);

        assertEquals(List.of(ALIYUN, AGORA), policy.preferenceFor(Capability.RTC));
    }

    @Test
    void anEnabledVendorListedForACapabilityItDoesNotOfferIsRefusedWithTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoutingPolicy.of(Map.of(Capability.STREAM_URLS, List.of(AGORA, ALIYUN)), ports));

        assertEquals("rtcgate.routing.stream-urls names agora, which offers no stream-urls"
                + " (it offers [rtc, channel-admin])", e.getMessage());
    }

    @Test
    void theAuiRouteDefaultsToAliyunWhateverRtcPrefers() {
        RoutingPolicy policy = RoutingPolicy.of(Map.of(Capability.RTC, List.of(AGORA, ALIYUN)), ports);

        assertEquals(List.of(ALIYUN), policy.preferenceFor(NamedRoute.AUI));
    }

    @Test
    void aConfiguredAuiRouteIsCheckedAgainstTheRtcCapability() {
        RoutingPolicy policy = RoutingPolicy.of(Map.of(), Map.of(NamedRoute.AUI, List.of(TENCENT, AGORA)), ports);
        assertEquals(List.of(AGORA), policy.preferenceFor(NamedRoute.AUI), "tencent is not enabled here");

        VendorPorts noRtcOnAgora = new VendorPorts(List.of(new FakeChannelAdmin(AGORA), new FakeJoinTokenIssuer(ALIYUN)),
                new PortGuard(new VendorHealth(1, Duration.ofSeconds(1), Duration.ofSeconds(1), clock),
                        new VendorFaults(clock), Duration.ofSeconds(1), () -> 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoutingPolicy.of(Map.of(), Map.of(NamedRoute.AUI, List.of(AGORA)), noRtcOnAgora));
        assertEquals("rtcgate.routing.aui names agora, which offers no rtc (it offers [channel-admin])", e.getMessage());
    }

    @Test
    void withoutAliyunTheAuiRouteIsEmpty() {
        VendorPorts agoraOnly = new VendorPorts(List.of(new FakeJoinTokenIssuer(AGORA)),
                new PortGuard(new VendorHealth(1, Duration.ofSeconds(1), Duration.ofSeconds(1), clock),
                        new VendorFaults(clock), Duration.ofSeconds(1), () -> 0.5));

        assertEquals(List.of(), RoutingPolicy.of(Map.of(), agoraOnly).preferenceFor(NamedRoute.AUI));
    }
}
