package io.rtcgate.domain.vendor;

import static io.rtcgate.domain.DomainAssertions.assertInvalidInput;
import static io.rtcgate.domain.vendor.Capability.CHANNEL_ADMIN;
import static io.rtcgate.domain.vendor.Capability.RTC;
import static io.rtcgate.domain.vendor.Capability.STREAM_URLS;
import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.ALIYUN;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.testkit.FakeChannelAdmin;
import io.rtcgate.testkit.FakeJoinTokenIssuer;
import io.rtcgate.testkit.FakeStreamUrlSigner;
import io.rtcgate.testkit.InMemoryVendorStateStore;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Routing on a gateway where Agora and Tencent are enabled, each with join tokens, channel admin and a
 * stream URL signer. RTC and stream URLs prefer Aliyun (not enabled here), then Agora, then Tencent;
 * channel administration prefers Tencent, then Agora.
 */
class VendorRouterTest {

    private static final int THRESHOLD = 2;
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);
    private static final ChannelRef CHANNEL = new ChannelRef("c", "s", "a");

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final InMemoryVendorStateStore states = new InMemoryVendorStateStore();
    private final VendorHealth health = new VendorHealth(THRESHOLD, COOL_DOWN, Duration.ofMinutes(5), clock);
    private final FakeChannelAdmin agoraAdmin = new FakeChannelAdmin(AGORA);
    private final FakeChannelAdmin tencentAdmin = new FakeChannelAdmin(TENCENT);
    private final VendorPorts ports = new VendorPorts(List.of(
            new FakeJoinTokenIssuer(AGORA), agoraAdmin, new FakeStreamUrlSigner(AGORA),
            new FakeJoinTokenIssuer(TENCENT), tencentAdmin, new FakeStreamUrlSigner(TENCENT)),
            new PortGuard(health, new VendorFaults(clock), Duration.ofSeconds(1), () -> 0.5));
    private final VendorRouter router = new VendorRouter(RoutingPolicy.of(Map.of(
            RTC, List.of(ALIYUN, AGORA, TENCENT),
            CHANNEL_ADMIN, List.of(TENCENT, AGORA),
            STREAM_URLS, List.of(ALIYUN, AGORA, TENCENT)), ports), states, health);

    /** The vendor's cloud fails real calls until its circuit opens. */
    private void openCircuit(Vendor vendor, FakeChannelAdmin admin) {
        admin.failWith(VendorException.Kind.TRANSPORT);
        for (int i = 0; i < THRESHOLD; i++) {
            assertThrows(VendorException.class, () -> ports.require(vendor, ChannelAdmin.class).close(CHANNEL));
        }
        admin.succeed();
    }

    @Test
    void routesToTheFirstEnabledVendorInPreferenceOrder() {
        assertEquals(AGORA, router.route(RTC));
    }

    @Test
    void eachCapabilityHasItsOwnPreference() {
        assertEquals(TENCENT, router.route(CHANNEL_ADMIN));
    }

    @ParameterizedTest
    @EnumSource(value = OperatorState.class, names = {"DRAINING", "DOWN"})
    void vendorTakenOutOfServiceGetsNoNewWorkUntilItIsUpAgain(OperatorState state) {
        states.set(AGORA, state);
        assertEquals(TENCENT, router.route(RTC));

        states.set(AGORA, OperatorState.UP);
        assertEquals(AGORA, router.route(RTC));
    }

    @Test
    void vendorWhoseCloudKeepsFailingGetsNoNewWorkOfAnyCapabilityUntilItRecovers() {
        openCircuit(AGORA, agoraAdmin);
        assertEquals(TENCENT, router.route(RTC), "channel admin calls failed, and rooms avoid the vendor");

        clock.advance(COOL_DOWN.minusNanos(1));
        assertEquals(TENCENT, router.route(RTC));

        clock.advance(Duration.ofNanos(1));
        assertEquals(AGORA, router.route(RTC), "half open: new work goes there again");
        ports.require(AGORA, ChannelAdmin.class).close(CHANNEL);
        assertEquals(AGORA, router.route(RTC), "closed again after a good trial call");
    }

    @Test
    void failuresOfAnotherVendorDoNotMatter() {
        openCircuit(TENCENT, tencentAdmin);

        assertEquals(AGORA, router.route(RTC));
        assertEquals(AGORA, router.route(CHANNEL_ADMIN));
    }

    @Test
    void nothingAvailableIsNoHealthyVendor() {
        states.set(AGORA, OperatorState.DOWN);
        openCircuit(TENCENT, tencentAdmin);

        NoHealthyVendorException e = assertThrows(NoHealthyVendorException.class, () -> router.route(RTC));
        assertEquals("no vendor is available for rtc (configured: [agora, tencent])", e.getMessage());
    }

    @Test
    void capabilityNoEnabledVendorOffersIsNoHealthyVendor() {
        NoHealthyVendorException e = assertThrows(NoHealthyVendorException.class,
                () -> router.route(Capability.PARTICIPANT_LIST));
        assertEquals("no vendor is available for participant-list (configured: [])", e.getMessage());
    }

    @Test
    void pinningAnEnabledVendorThatIsUpReturnsIt() {
        assertEquals(TENCENT, router.pin(TENCENT, "vendor"));
    }

    @Test
    void pinningAVendorThatIsNotEnabledIsInvalidInputOnTheNamedField() {
        assertInvalidInput("vendor", () -> router.pin(ALIYUN, "vendor"));
        assertInvalidInput("room.vendor", () -> router.pin(ALIYUN, "room.vendor"));
    }

    @ParameterizedTest
    @EnumSource(value = OperatorState.class, names = {"DRAINING", "DOWN"})
    void pinningAVendorTakenOutOfServiceIsAConflict(OperatorState state) {
        states.set(TENCENT, state);

        ConflictException e = assertThrows(ConflictException.class, () -> router.pin(TENCENT, "vendor"));
        assertEquals("tencent is " + state.wireName() + " and takes no new rooms", e.getMessage());
        assertEquals(AGORA, router.pin(AGORA, "vendor"));
    }

    @Test
    void servingExistingRoomsFollowsTheSamePreference() {
        assertEquals(Optional.of(AGORA), router.serving(STREAM_URLS));
    }

    @Test
    void drainingVendorStillServesExistingRooms() {
        states.set(AGORA, OperatorState.DRAINING);

        assertEquals(Optional.of(AGORA), router.serving(STREAM_URLS));
        assertEquals(TENCENT, router.route(STREAM_URLS), "but new work goes elsewhere");
    }

    @Test
    void downVendorServesNothingUntilItIsUpAgain() {
        states.set(AGORA, OperatorState.DOWN);
        assertEquals(Optional.of(TENCENT), router.serving(STREAM_URLS));

        states.set(AGORA, OperatorState.UP);
        assertEquals(Optional.of(AGORA), router.serving(STREAM_URLS));
    }

    @Test
    void failingCloudCallsDoNotStopLocalWorkForExistingRooms() {
        openCircuit(AGORA, agoraAdmin);

        assertEquals(Optional.of(AGORA), router.serving(STREAM_URLS));
        assertEquals(TENCENT, router.route(STREAM_URLS), "new work avoids the failing vendor");
    }

    @Test
    void noVendorLeftToServeIsEmpty() {
        states.set(AGORA, OperatorState.DOWN);
        states.set(TENCENT, OperatorState.DOWN);

        assertEquals(Optional.empty(), router.serving(STREAM_URLS));
        assertEquals(Optional.empty(), router.serving(Capability.PARTICIPANT_LIST), "nobody offers it");
    }
}
