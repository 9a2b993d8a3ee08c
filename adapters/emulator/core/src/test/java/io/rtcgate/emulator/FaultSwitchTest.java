package io.rtcgate.emulator;

import io.rtcgate.testkit.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultSwitchTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final FaultSwitch faults = new FaultSwitch(clock);

    @Test
    void noFaultUntilOneIsSet() {
        assertTrue(faults.take().isEmpty());
        assertTrue(faults.refusingUntil().isEmpty());
    }

    @Test
    void periodFaultHitsEveryCallUntilThePeriodEnds() {
        faults.failFor(FaultKind.SERVER_ERROR, Duration.ofSeconds(10));

        assertEquals(Optional.of(FaultKind.SERVER_ERROR), kindOfNext());
        assertEquals(Optional.of(FaultKind.SERVER_ERROR), kindOfNext());
        clock.advance(Duration.ofMillis(9_999));
        assertEquals(Optional.of(FaultKind.SERVER_ERROR), kindOfNext());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), kindOfNext());
        clock.advance(Duration.ofSeconds(-5));
        assertEquals(Optional.empty(), kindOfNext(), "an expired fault is cleared, not merely out of its period");
    }

    @Test
    void nextNFaultHitsExactlyNCalls() {
        faults.failNext(FaultKind.THROTTLE, 3);

        assertEquals(Optional.of(FaultKind.THROTTLE), kindOfNext());
        assertEquals(Optional.of(FaultKind.THROTTLE), kindOfNext());
        assertEquals(Optional.of(FaultKind.THROTTLE), kindOfNext());
        assertEquals(Optional.empty(), kindOfNext());
    }

    @Test
    void nextNFaultDoesNotExpireWithTime() {
        faults.failNext(FaultKind.SERVER_ERROR, 1);
        clock.advance(Duration.ofDays(1));

        assertEquals(Optional.of(FaultKind.SERVER_ERROR), kindOfNext());
        assertEquals(Optional.empty(), kindOfNext());
    }

    @Test
    void latencyFaultsCarryTheirDelay() {
        faults.delayNext(Duration.ofMillis(750), 1);
        FaultSwitch.Fault next = faults.take().orElseThrow();
        assertEquals(FaultKind.LATENCY, next.kind());
        assertEquals(Duration.ofMillis(750), next.latency());
        assertTrue(faults.take().isEmpty());

        faults.delayFor(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(200), faults.take().orElseThrow().latency());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(faults.take().isEmpty());
    }

    @Test
    void failuresOtherThanLatencyHaveNoDelay() {
        faults.failNext(FaultKind.SERVER_ERROR, 1);
        assertEquals(Duration.ZERO, faults.take().orElseThrow().latency());
    }

    @Test
    void aNewFaultReplacesTheCurrentOne() {
        faults.failFor(FaultKind.SERVER_ERROR, Duration.ofMinutes(1));
        faults.failNext(FaultKind.THROTTLE, 1);

        assertEquals(Optional.of(FaultKind.THROTTLE), kindOfNext());
        assertEquals(Optional.empty(), kindOfNext());
    }

    @Test
    void clearRemovesPeriodAndCountedFaults() {
        faults.failFor(FaultKind.CONNECTION_REFUSED, Duration.ofMinutes(1));
        faults.clear();
        assertTrue(faults.take().isEmpty());
        assertTrue(faults.refusingUntil().isEmpty());

        faults.failNext(FaultKind.THROTTLE, 5);
        faults.clear();
        assertTrue(faults.take().isEmpty());
    }

    @Test
    void refusingUntilReportsOnlyAConnectionRefusedPeriod() {
        faults.failFor(FaultKind.CONNECTION_REFUSED, Duration.ofSeconds(30));
        assertEquals(Optional.of(START.plusSeconds(30)), faults.refusingUntil());
        clock.advance(Duration.ofSeconds(30));
        assertTrue(faults.refusingUntil().isEmpty());

        faults.failNext(FaultKind.CONNECTION_REFUSED, 1);
        assertTrue(faults.refusingUntil().isEmpty(), "dropping the next calls keeps the listener open");

        faults.failFor(FaultKind.SERVER_ERROR, Duration.ofSeconds(30));
        assertTrue(faults.refusingUntil().isEmpty());
    }

    @Test
    void countedFaultsNeedAtLeastOneCall() {
        assertThrows(IllegalArgumentException.class, () -> faults.failNext(FaultKind.SERVER_ERROR, 0));
        assertThrows(IllegalArgumentException.class, () -> faults.failNext(FaultKind.THROTTLE, -1));
        assertThrows(IllegalArgumentException.class, () -> faults.delayNext(Duration.ofSeconds(1), 0));
    }

    @Test
    void aRejectedSettingLeavesTheCurrentFaultInPlace() {
        faults.failNext(FaultKind.THROTTLE, 1);
        assertThrows(IllegalArgumentException.class, () -> faults.failNext(FaultKind.SERVER_ERROR, 0));

        assertEquals(Optional.of(FaultKind.THROTTLE), kindOfNext());
    }

    private Optional<FaultKind> kindOfNext() {
        return faults.take().map(FaultSwitch.Fault::kind);
    }
}
