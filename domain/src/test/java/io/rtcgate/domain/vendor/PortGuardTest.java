package io.rtcgate.domain.vendor;

import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.testkit.FakeChannelAdmin;
import io.rtcgate.testkit.FakeJoinTokenIssuer;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The guard in front of every port, with the health it keeps: real calls through guarded fakes, so
 * nothing here pushes outcomes into {@link VendorHealth} by hand.
 */
class PortGuardTest {

    private static final int THRESHOLD = 3;
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);
    private static final Duration ERROR_WINDOW = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final ChannelRef CHANNEL = new ChannelRef("channel-1", "stream-1", "anchor");
    private static final JoinRequest JOIN = new JoinRequest("channel-1", "alice", ParticipantRole.HOST, Duration.ofHours(1));

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final VendorHealth health = new VendorHealth(THRESHOLD, COOL_DOWN, ERROR_WINDOW, clock);
    private final VendorFaults faults = new VendorFaults(clock);
    /** The error-rate fault compares each call's draw with its rate; the draw is 0.5 unless a test sets it. */
    private double draw = 0.5;
    private final PortGuard guard = new PortGuard(health, faults, TIMEOUT, () -> draw);
    private final FakeChannelAdmin agora = new FakeChannelAdmin(AGORA);
    private final FakeJoinTokenIssuer agoraTokens = new FakeJoinTokenIssuer(AGORA);
    private final VendorPorts ports = new VendorPorts(
            List.of(agora, agora.lister(), agoraTokens, new FakeChannelAdmin(TENCENT)), guard);
    private final ChannelAdmin admin = ports.require(AGORA, ChannelAdmin.class);

    @AfterEach
    void stopGuard() {
        guard.close();
    }

    private VendorException failedKick() {
        return assertThrows(VendorException.class, () -> admin.kick(CHANNEL, "bob", Duration.ofMinutes(1)));
    }

    private void failTimes(Kind kind, int times) {
        agora.failWith(kind);
        for (int i = 0; i < times; i++) {
            assertEquals(kind, failedKick().kind(), "call " + (i + 1) + " was refused instead of made");
        }
        agora.succeed();
    }

    private CircuitBreaker.State circuit(Vendor vendor) {
        return health.snapshot(vendor).circuit();
    }

    @Test
    void aGuardedCallReachesTheAdapterAndAnUnusedVendorIsHealthy() {
        admin.kick(CHANNEL, "bob", Duration.ofMinutes(1));

        assertEquals(List.of(FakeChannelAdmin.Call.kick(CHANNEL, "bob", Duration.ofMinutes(1))), agora.calls());
        assertEquals(CircuitBreaker.State.CLOSED, circuit(AGORA));
        assertTrue(health.isAvailable(AGORA));
        assertEquals(new HealthSnapshot.Errors(0, null, null), health.snapshot(AGORA).errors().get(Capability.CHANNEL_ADMIN));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"TRANSPORT", "TIMEOUT", "SERVER_ERROR", "THROTTLED"})
    void failuresOfTheVendorOpenItsCircuitAtTheThreshold(Kind kind) {
        failTimes(kind, THRESHOLD - 1);
        assertTrue(health.isAvailable(AGORA));

        failTimes(kind, 1);
        assertFalse(health.isAvailable(AGORA));
        assertEquals(CircuitBreaker.State.OPEN, circuit(AGORA));
    }

    @Test
    void failuresOfEveryCapabilityThatCallsTheCloudCountTogether() {
        agora.failWith(Kind.TRANSPORT);
        ParticipantLister lister = ports.require(AGORA, ParticipantLister.class);
        assertThrows(VendorException.class, () -> lister.participants(CHANNEL));
        assertThrows(VendorException.class, () -> admin.close(CHANNEL));
        assertThrows(VendorException.class, () -> lister.participants(CHANNEL));

        assertFalse(health.isAvailable(AGORA));
        var errors = health.snapshot(AGORA).errors();
        assertEquals(2, errors.get(Capability.PARTICIPANT_LIST).recentErrors());
        assertEquals(1, errors.get(Capability.CHANNEL_ADMIN).recentErrors());
        assertTrue(health.isAvailable(TENCENT), "each vendor has its own circuit");
    }

    @Test
    void theAdaptersExceptionIsRethrownAsIs() {
        agora.failWith(Kind.REJECTED);
        VendorException e = failedKick();

        assertEquals("fake-rejected", e.vendorCode());
        assertEquals("agora kick failed: the fake was told to fail", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"REJECTED", "UNAVAILABLE"})
    void refusalsDoNotCountAgainstTheVendor(Kind kind) {
        failTimes(kind, THRESHOLD * 2);

        assertTrue(health.isAvailable(AGORA));
        assertEquals(0, health.snapshot(AGORA).errors().get(Capability.CHANNEL_ADMIN).recentErrors());
    }

    @Test
    void openCircuitRefusesWithoutCallingTheVendor() {
        failTimes(Kind.TRANSPORT, THRESHOLD);
        int callsBefore = agora.calls().size();

        VendorException e = failedKick();
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals("circuit_open", e.vendorCode());
        assertEquals(callsBefore, agora.calls().size(), "the vendor was not called");
    }

    @Test
    void aSuccessfulTrialAfterTheCoolDownRecovers() {
        failTimes(Kind.TRANSPORT, THRESHOLD);
        clock.advance(COOL_DOWN.minusNanos(1));
        assertEquals(CircuitBreaker.State.OPEN, circuit(AGORA));

        clock.advance(Duration.ofNanos(1));
        assertEquals(CircuitBreaker.State.HALF_OPEN, circuit(AGORA));
        admin.close(CHANNEL);
        assertEquals(CircuitBreaker.State.CLOSED, circuit(AGORA));
    }

    @Test
    void aFailedTrialOpensTheCircuitForAnotherCoolDown() {
        failTimes(Kind.TRANSPORT, THRESHOLD);
        clock.advance(COOL_DOWN);

        failTimes(Kind.SERVER_ERROR, 1);
        assertEquals(CircuitBreaker.State.OPEN, circuit(AGORA));
        clock.advance(COOL_DOWN.minusNanos(1));
        assertEquals(CircuitBreaker.State.OPEN, circuit(AGORA));
    }

    @Test
    void aRefusedTrialLeavesTheCircuitHalfOpenForTheNextCaller() {
        failTimes(Kind.TRANSPORT, THRESHOLD);
        clock.advance(COOL_DOWN);

        failTimes(Kind.REJECTED, 1);
        assertEquals(CircuitBreaker.State.HALF_OPEN, circuit(AGORA));
        admin.close(CHANNEL);
        assertEquals(CircuitBreaker.State.CLOSED, circuit(AGORA));
    }

    @Test
    void aSuccessResetsTheConsecutiveFailures() {
        failTimes(Kind.TRANSPORT, THRESHOLD - 1);
        admin.close(CHANNEL);
        failTimes(Kind.TRANSPORT, THRESHOLD - 1);

        assertTrue(health.isAvailable(AGORA));
    }

    @Test
    void recentErrorsCountOnlyTheErrorWindow() {
        failTimes(Kind.TRANSPORT, 1);
        clock.advance(ERROR_WINDOW.minusSeconds(1));
        failTimes(Kind.TRANSPORT, 1);
        clock.advance(Duration.ofSeconds(2));

        HealthSnapshot.Errors errors = health.snapshot(AGORA).errors().get(Capability.CHANNEL_ADMIN);
        assertEquals(1, errors.recentErrors());
        assertEquals("agora kick failed: the fake was told to fail", errors.lastError());
    }

    @Test
    void aCallThatHangsPastTheTimeoutIsCutOffAndCountsAsATimeout() {
        agora.delayBy(Duration.ofSeconds(5));

        long started = System.nanoTime();
        VendorException e = failedKick();
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(tookMillis < 5_000, "cut off at the timeout, not after the vendor's 5 s: " + tookMillis + " ms");
        assertEquals(1, health.snapshot(AGORA).errors().get(Capability.CHANNEL_ADMIN).recentErrors());
    }

    @Test
    void localSigningPassesStraightThroughWhateverTheCircuitOrFault() {
        failTimes(Kind.TRANSPORT, THRESHOLD);
        faults.inject(AGORA, InjectedFault.outage(), clock.instant().plusSeconds(60));
        JoinTokenIssuer issuer = ports.require(AGORA, JoinTokenIssuer.class);

        assertEquals(FakeJoinTokenIssuer.credentialFor(AGORA, JOIN), issuer.issue(JOIN));
        agoraTokens.failWith(Kind.TRANSPORT);
        assertThrows(VendorException.class, () -> issuer.issue(JOIN));
        assertEquals(CircuitBreaker.State.OPEN, circuit(AGORA), "unchanged: local work says nothing of the cloud");
    }

    @Test
    void anInjectedOutageFailsEveryCallAsUnreachableWithoutCallingTheAdapter() {
        faults.inject(AGORA, InjectedFault.outage(), clock.instant().plusSeconds(60));

        for (int i = 0; i < THRESHOLD; i++) {
            VendorException e = failedKick();
            assertEquals(Kind.TRANSPORT, e.kind());
            assertEquals("injected_outage", e.vendorCode());
        }
        assertEquals(List.of(), agora.calls());
        assertFalse(health.isAvailable(AGORA), "detected as a real outage would be");
        ports.require(TENCENT, ChannelAdmin.class).close(CHANNEL);
    }

    @Test
    void anInjectedErrorRateFailsTheCallsWhoseDrawFallsBelowIt() {
        faults.inject(AGORA, InjectedFault.errors(0.3), clock.instant().plusSeconds(60));

        draw = 0.29;
        VendorException e = failedKick();
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals("injected_error", e.vendorCode());

        draw = 0.3;
        admin.kick(CHANNEL, "bob", Duration.ofMinutes(1));
        assertEquals(1, agora.calls().size(), "only the call above the rate reached the adapter");
    }

    @Test
    void anInjectedLatencyDelaysCallsAndOneLongerThanTheTimeoutTimesOut() {
        faults.inject(AGORA, InjectedFault.latency(Duration.ofMillis(100)), clock.instant().plusSeconds(60));
        long started = System.nanoTime();
        admin.close(CHANNEL);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 100, "delayed");

        faults.inject(AGORA, InjectedFault.latency(Duration.ofSeconds(10)), clock.instant().plusSeconds(60));
        assertEquals(Kind.TIMEOUT, failedKick().kind());
        assertEquals(1, agora.calls().size(), "the delayed call never reached the adapter");
    }

    @Test
    void aFaultEndsAtItsTimeAndWhenCleared() {
        faults.inject(AGORA, InjectedFault.outage(), clock.instant().plusSeconds(10));
        failedKick();

        clock.advance(Duration.ofSeconds(10));
        admin.close(CHANNEL);
        faults.inject(AGORA, InjectedFault.outage(), clock.instant().plusSeconds(10));
        faults.clear(AGORA);
        admin.close(CHANNEL);
        assertEquals(2, agora.calls().size());
    }

    @Test
    void objectMethodsAndTheVendorAreAnsweredByTheGuardWithoutACall() {
        faults.inject(AGORA, InjectedFault.outage(), clock.instant().plusSeconds(10));

        assertEquals(AGORA, admin.vendor());
        assertSame(admin, ports.require(AGORA, ChannelAdmin.class));
        assertEquals(agora.toString(), admin.toString());
        assertEquals(List.of(), agora.calls());
    }
}
