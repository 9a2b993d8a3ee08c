package io.rtcgate.domain.vendor;

import static io.rtcgate.domain.vendor.Capability.CHANNEL_ADMIN;
import static io.rtcgate.domain.vendor.Capability.RTC;
import static io.rtcgate.domain.vendor.CircuitBreaker.State.CLOSED;
import static io.rtcgate.domain.vendor.CircuitBreaker.State.HALF_OPEN;
import static io.rtcgate.domain.vendor.CircuitBreaker.State.OPEN;
import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;
import static io.rtcgate.domain.vendor.VendorFleet.COOL_DOWN;
import static io.rtcgate.domain.vendor.VendorFleet.ERROR_WINDOW;
import static io.rtcgate.domain.vendor.VendorFleet.FAILURE_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.emulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VendorHealthTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String AGORA_KICK_FAILED = "agora kick failed: the fake was told to fail";

    private final ManualClock clock = new ManualClock(T0);
    private final VendorHealth health = new VendorHealth(FAILURE_THRESHOLD, COOL_DOWN, ERROR_WINDOW, clock);
    /** How often {@link #succeeding} and {@link #failingWith} ran. */
    private final AtomicInteger invocations = new AtomicInteger();

    private Supplier<String> succeeding() {
        return () -> {
            invocations.incrementAndGet();
            return "ok";
        };
    }

    private Supplier<String> failingWith(Kind kind) {
        return () -> {
            invocations.incrementAndGet();
            throw VendorFakes.failure(AGORA, "kick", kind);
        };
    }

    /** Makes an Agora channel-admin call that fails with {@code kind}, and checks the failure comes back unchanged. */
    private void failOnce(Kind kind) {
        VendorException e = assertThrows(VendorException.class,
                () -> health.call(AGORA, CHANNEL_ADMIN, "kick", failingWith(kind)));
        assertEquals(kind, e.kind());
    }

    private void failTimes(Kind kind, int times) {
        for (int i = 0; i < times; i++) {
            failOnce(kind);
        }
    }

    private VendorHealth.Snapshot snapshot() {
        return health.snapshot(AGORA, CHANNEL_ADMIN);
    }

    private VendorHealth.Snapshot snapshot(CircuitBreaker.State circuit, int recentErrors, Instant lastErrorAt) {
        return new VendorHealth.Snapshot(AGORA, CHANNEL_ADMIN, circuit, recentErrors, lastErrorAt,
                lastErrorAt == null ? null : AGORA_KICK_FAILED);
    }

    @Test
    void unusedVendorIsHealthy() {
        assertTrue(health.isAvailable(AGORA, CHANNEL_ADMIN));
        assertEquals(snapshot(CLOSED, 0, null), snapshot());
    }

    @Test
    void successfulCallReturnsTheResult() {
        assertEquals("ok", health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding()));
        assertEquals(1, invocations.get());
    }

    @Test
    void runRunsTheCall() {
        health.run(AGORA, CHANNEL_ADMIN, "kick", invocations::incrementAndGet);

        assertEquals(1, invocations.get());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"TRANSPORT", "TIMEOUT", "SERVER_ERROR", "THROTTLED"})
    void failuresOfTheVendorOpenTheCircuitAtTheThreshold(Kind kind) {
        failTimes(kind, FAILURE_THRESHOLD - 1);
        assertTrue(health.isAvailable(AGORA, CHANNEL_ADMIN));
        assertEquals(snapshot(CLOSED, FAILURE_THRESHOLD - 1, T0), snapshot());

        failOnce(kind);

        assertFalse(health.isAvailable(AGORA, CHANNEL_ADMIN));
        assertEquals(snapshot(OPEN, FAILURE_THRESHOLD, T0), snapshot());
    }

    @Test
    void theCallersExceptionIsRethrownAsIs() {
        VendorException failure = VendorFakes.failure(AGORA, "kick", Kind.TIMEOUT);

        VendorException thrown = assertThrows(VendorException.class,
                () -> health.call(AGORA, CHANNEL_ADMIN, "kick", () -> { throw failure; }));

        assertSame(failure, thrown);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"REJECTED", "UNAVAILABLE"})
    void refusalsDoNotCountAgainstTheVendor(Kind kind) {
        failTimes(kind, FAILURE_THRESHOLD * 2);

        assertTrue(health.isAvailable(AGORA, CHANNEL_ADMIN));
        assertEquals(snapshot(CLOSED, 0, null), snapshot());
    }

    @Test
    void otherExceptionsDoNotCountAgainstTheVendor() {
        for (int i = 0; i < FAILURE_THRESHOLD; i++) {
            assertThrows(IllegalStateException.class,
                    () -> health.call(AGORA, CHANNEL_ADMIN, "kick", () -> { throw new IllegalStateException("bug"); }));
        }

        assertEquals(snapshot(CLOSED, 0, null), snapshot());
    }

    @Test
    void openCircuitRefusesWithoutCallingTheVendor() {
        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD);
        invocations.set(0);

        VendorException e = assertThrows(VendorException.class,
                () -> health.call(AGORA, CHANNEL_ADMIN, "close channel", succeeding()));

        assertEquals(0, invocations.get());
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals("circuit_open", e.vendorCode());
        assertEquals(AGORA, e.vendor());
        assertEquals("close channel", e.operation());
        assertEquals(snapshot(OPEN, FAILURE_THRESHOLD, T0), snapshot(), "a refusal is not another error");
    }

    @Test
    void circuitStaysOpenUntilTheCoolDownHasPassed() {
        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD);
        clock.advance(COOL_DOWN.minusNanos(1));

        assertFalse(health.isAvailable(AGORA, CHANNEL_ADMIN));
        assertThrows(VendorException.class, () -> health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding()));
        assertEquals(FAILURE_THRESHOLD, invocations.get());
    }

    @Test
    void successfulTrialAfterTheCoolDownRecovers() {
        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD);
        clock.advance(COOL_DOWN);
        assertTrue(health.isAvailable(AGORA, CHANNEL_ADMIN));
        assertEquals(HALF_OPEN, snapshot().circuit());

        assertEquals("ok", health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding()));

        assertEquals(snapshot(CLOSED, FAILURE_THRESHOLD, T0), snapshot(), "errors stay visible for their window");
        assertEquals("ok", health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding()));
    }

    @Test
    void failedTrialOpensTheCircuitForAnotherCoolDown() {
        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD);
        clock.advance(COOL_DOWN);

        failOnce(Kind.TIMEOUT);

        assertFalse(health.isAvailable(AGORA, CHANNEL_ADMIN));
        clock.advance(COOL_DOWN.minusNanos(1));
        assertThrows(VendorException.class, () -> health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding()));
        assertEquals(FAILURE_THRESHOLD + 1, invocations.get());
        clock.advance(Duration.ofNanos(1));
        assertEquals("ok", health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding()));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"REJECTED", "UNAVAILABLE"})
    void refusedTrialLeavesTheCircuitHalfOpenForTheNextCaller(Kind kind) {
        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD);
        clock.advance(COOL_DOWN);

        failOnce(kind);

        assertEquals(HALF_OPEN, snapshot().circuit());
        assertEquals("ok", health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding()));
        assertEquals(CLOSED, snapshot().circuit());
    }

    @Test
    void trialEndingInAnotherExceptionLeavesTheCircuitHalfOpenForTheNextCaller() {
        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD);
        clock.advance(COOL_DOWN);

        assertThrows(IllegalStateException.class,
                () -> health.call(AGORA, CHANNEL_ADMIN, "kick", () -> { throw new IllegalStateException("bug"); }));

        assertEquals(HALF_OPEN, snapshot().circuit());
        assertEquals("ok", health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding()));
    }

    @Test
    void successResetsTheConsecutiveFailures() {
        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD - 1);
        health.call(AGORA, CHANNEL_ADMIN, "kick", succeeding());

        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD - 1);

        assertEquals(snapshot(CLOSED, 2 * (FAILURE_THRESHOLD - 1), T0), snapshot());
    }

    @Test
    void recentErrorsCountOnlyTheErrorWindow() {
        failOnce(Kind.TRANSPORT);
        clock.advance(Duration.ofMinutes(2));
        Instant second = clock.instant();
        failOnce(Kind.TRANSPORT);

        clock.advance(ERROR_WINDOW.minus(Duration.ofMinutes(2)));
        assertEquals(snapshot(CLOSED, 2, second), snapshot(), "an error exactly a window old still counts");

        clock.advance(Duration.ofNanos(1));
        assertEquals(snapshot(CLOSED, 1, second), snapshot());

        clock.advance(Duration.ofMinutes(2));
        assertEquals(snapshot(CLOSED, 0, second), snapshot(), "the last error is kept after its window");
    }

    @Test
    void eachVendorCapabilityHasItsOwnCircuit() {
        failTimes(Kind.TRANSPORT, FAILURE_THRESHOLD);

        assertFalse(health.isAvailable(AGORA, CHANNEL_ADMIN));
        assertTrue(health.isAvailable(AGORA, RTC));
        assertTrue(health.isAvailable(TENCENT, CHANNEL_ADMIN));
        assertEquals("ok", health.call(AGORA, RTC, "join token", succeeding()));
        assertEquals("ok", health.call(TENCENT, CHANNEL_ADMIN, "kick", succeeding()));
        assertEquals(new VendorHealth.Snapshot(AGORA, RTC, CLOSED, 0, null, null), health.snapshot(AGORA, RTC));
        assertEquals(new VendorHealth.Snapshot(TENCENT, CHANNEL_ADMIN, CLOSED, 0, null, null),
                health.snapshot(TENCENT, CHANNEL_ADMIN));
    }
}
