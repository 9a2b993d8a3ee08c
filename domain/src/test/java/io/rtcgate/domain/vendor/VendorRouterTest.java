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
import io.rtcgate.emulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Routing on a gateway where Agora and Tencent are enabled. RTC and stream URLs prefer Aliyun (not
 * enabled here), then Agora, then Tencent; channel administration prefers Tencent, then Agora.
 */
class VendorRouterTest {

    private static final RoutingPolicy POLICY = new RoutingPolicy(Set.of(AGORA, TENCENT), Map.of(
            RTC, List.of(ALIYUN, AGORA, TENCENT),
            CHANNEL_ADMIN, List.of(TENCENT, AGORA),
            STREAM_URLS, List.of(ALIYUN, AGORA, TENCENT)));

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final VendorFleet fleet = new VendorFleet(clock);
    private final VendorRouter router = new VendorRouter(POLICY, fleet.states(), fleet.health());

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
        fleet.states().set(AGORA, state);
        assertEquals(TENCENT, router.route(RTC));

        fleet.states().set(AGORA, OperatorState.UP);
        assertEquals(AGORA, router.route(RTC));
    }

    @Test
    void vendorWithAnOpenCircuitGetsNoNewWorkUntilItRecovers() {
        fleet.openCircuit(AGORA, RTC);
        assertEquals(TENCENT, router.route(RTC));

        clock.advance(VendorFleet.COOL_DOWN.minusNanos(1));
        assertEquals(TENCENT, router.route(RTC));

        clock.advance(Duration.ofNanos(1));
        assertEquals(AGORA, router.route(RTC), "half open: new work goes there again");
        fleet.health().call(AGORA, RTC, "trial", () -> "ok");
        assertEquals(AGORA, router.route(RTC), "closed again");
    }

    @Test
    void openCircuitOfAnotherCapabilityDoesNotMatter() {
        fleet.openCircuit(AGORA, CHANNEL_ADMIN);

        assertEquals(AGORA, router.route(RTC));
    }

    @Test
    void nothingAvailableIsNoHealthyVendor() {
        fleet.states().set(AGORA, OperatorState.DOWN);
        fleet.openCircuit(TENCENT, RTC);

        NoHealthyVendorException e = assertThrows(NoHealthyVendorException.class, () -> router.route(RTC));
        assertEquals("no vendor is available for rtc (configured: [aliyun, agora, tencent])", e.getMessage());
    }

    @Test
    void capabilityWithoutPreferenceIsNoHealthyVendor() {
        NoHealthyVendorException e = assertThrows(NoHealthyVendorException.class, () -> router.route(Capability.MIXING));
        assertEquals("no vendor is available for mixing (configured: [])", e.getMessage());
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
        fleet.states().set(TENCENT, state);

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
        fleet.states().set(AGORA, OperatorState.DRAINING);

        assertEquals(Optional.of(AGORA), router.serving(STREAM_URLS));
        assertEquals(TENCENT, router.route(STREAM_URLS), "but new work goes elsewhere");
    }

    @Test
    void downVendorServesNothingUntilItIsUpAgain() {
        fleet.states().set(AGORA, OperatorState.DOWN);
        assertEquals(Optional.of(TENCENT), router.serving(STREAM_URLS));

        fleet.states().set(AGORA, OperatorState.UP);
        assertEquals(Optional.of(AGORA), router.serving(STREAM_URLS));
    }

    @Test
    void vendorWithAnOpenCircuitDoesNotServe() {
        fleet.openCircuit(AGORA, STREAM_URLS);

        assertEquals(Optional.of(TENCENT), router.serving(STREAM_URLS));
    }

    @Test
    void noVendorLeftToServeIsEmpty() {
        fleet.states().set(AGORA, OperatorState.DOWN);
        fleet.states().set(TENCENT, OperatorState.DOWN);

        assertEquals(Optional.empty(), router.serving(STREAM_URLS));
        assertEquals(Optional.empty(), router.serving(Capability.MIXING), "nothing configured");
    }
}
