package io.rtcgate.domain.vendor;

import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.ALIYUN;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.testkit.FakeChannelAdmin;
import io.rtcgate.testkit.FakeJoinTokenIssuer;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry finds each vendor's ports by type, guarded, and knows what each vendor offers. */
class VendorPortsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final PortGuard guard = new PortGuard(new VendorHealth(1, Duration.ofSeconds(1), Duration.ofSeconds(1), clock),
            new VendorFaults(clock), Duration.ofSeconds(1), () -> 0.5);
    private final FakeChannelAdmin agoraAdmin = new FakeChannelAdmin(AGORA);
    private final VendorPorts ports = new VendorPorts(List.of(
            new FakeJoinTokenIssuer(AGORA), agoraAdmin, agoraAdmin.lister(), new FakeJoinTokenIssuer(TENCENT)), guard);

    @Test
    void aVendorOffersWhatItsAdaptersImplement() {
        assertEquals(EnumSet.of(Capability.RTC, Capability.CHANNEL_ADMIN, Capability.PARTICIPANT_LIST),
                ports.capabilities(AGORA));
        assertEquals(EnumSet.of(Capability.RTC), ports.capabilities(TENCENT));
        assertEquals(EnumSet.noneOf(Capability.class), ports.capabilities(ALIYUN));
        assertEquals(EnumSet.of(AGORA, TENCENT), ports.vendors());
        assertTrue(ports.offers(AGORA, Capability.PARTICIPANT_LIST));
        assertFalse(ports.offers(TENCENT, Capability.CHANNEL_ADMIN));
    }

    @Test
    void portsAreFoundByVendorAndTypeBehindTheGuard() {
        ChannelAdmin found = ports.require(AGORA, ChannelAdmin.class);

        assertNotSame(agoraAdmin, found, "the guard's proxy, not the adapter itself");
        found.close(new ChannelRef("c", "s", "a"));
        assertEquals(1, agoraAdmin.calls().size());
        assertEquals(Optional.empty(), ports.find(TENCENT, ParticipantLister.class));
        assertEquals(Optional.empty(), ports.find(ALIYUN, JoinTokenIssuer.class));
    }

    @Test
    void requiringAPortTheVendorDoesNotOfferIsUnsupported() {
        UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                () -> ports.require(TENCENT, ParticipantLister.class));

        assertEquals("tencent offers no API for participant-list", e.getMessage());
    }

    @Test
    void twoAdaptersOfOneVendorForOnePortAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VendorPorts(
                List.of(new FakeJoinTokenIssuer(AGORA), new FakeJoinTokenIssuer(AGORA)), guard));

        assertEquals("two adapters of agora offer rtc", e.getMessage());
    }

    @Test
    void anAdapterThatImplementsNoPortIsRefused() {
        VendorPort nothing = () -> AGORA;

        assertThrows(IllegalArgumentException.class, () -> new VendorPorts(List.of(nothing), guard));
    }
}
