package io.rtcgate.domain.vendor;

import static io.rtcgate.domain.vendor.CircuitBreaker.State.CLOSED;
import static io.rtcgate.domain.vendor.CircuitBreaker.State.HALF_OPEN;
import static io.rtcgate.domain.vendor.CircuitBreaker.State.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CircuitBreakerTest {

    private static final int THRESHOLD = 3;
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    /** The first moment the breaker opened at {@link #T0} lets a trial through. */
    private static final Instant COOLED = T0.plus(COOL_DOWN);

    private final CircuitBreaker breaker = new CircuitBreaker(THRESHOLD, COOL_DOWN);

    private void fail(int times, Instant at) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire(at), "call " + (i + 1) + " was refused");
            breaker.onFailure(at);
        }
    }

    /** Opens the breaker at {@link #T0}. */
    private void open() {
        fail(THRESHOLD, T0);
    }

    private void assertRefuses(Instant at) {
        assertEquals(OPEN, breaker.state(at));
        assertFalse(breaker.isAvailable(at));
        assertFalse(breaker.tryAcquire(at));
    }

    @Test
    void newBreakerIsClosedAndLetsEveryCallThrough() {
        assertEquals(CLOSED, breaker.state(T0));
        assertTrue(breaker.isAvailable(T0));
        assertTrue(breaker.tryAcquire(T0));
        assertTrue(breaker.tryAcquire(T0));
    }

    @Test
    void staysClosedBelowTheThreshold() {
        fail(THRESHOLD - 1, T0);

        assertEquals(CLOSED, breaker.state(T0));
        assertTrue(breaker.isAvailable(T0));
        assertTrue(breaker.tryAcquire(T0));
    }

    @Test
    void opensAtTheThresholdAndRefusesUntilTheCoolDownHasPassed() {
        open();

        assertRefuses(T0);
        assertRefuses(COOLED.minusNanos(1));
        assertEquals(HALF_OPEN, breaker.state(COOLED));
    }

    @Test
    void afterTheCoolDownExactlyOneTrialGoesThroughAtATime() {
        open();

        assertTrue(breaker.isAvailable(COOLED), "new work may be routed while the trial is pending");
        assertTrue(breaker.tryAcquire(COOLED));
        assertFalse(breaker.tryAcquire(COOLED));
        assertFalse(breaker.tryAcquire(COOLED.plus(COOL_DOWN)), "the trial is still in flight");
        assertEquals(HALF_OPEN, breaker.state(COOLED));
        assertTrue(breaker.isAvailable(COOLED));
    }

    @Test
    void successfulTrialClosesTheBreakerWithAFreshFailureCount() {
        open();
        assertTrue(breaker.tryAcquire(COOLED));

        breaker.onSuccess();

        assertEquals(CLOSED, breaker.state(COOLED));
        assertTrue(breaker.tryAcquire(COOLED));
        assertTrue(breaker.tryAcquire(COOLED));
        fail(THRESHOLD - 1, COOLED);
        assertEquals(CLOSED, breaker.state(COOLED));
    }

    @Test
    void failedTrialReopensForAFullCoolDown() {
        open();
        Instant trial = COOLED.plusSeconds(10);
        assertTrue(breaker.tryAcquire(trial));

        breaker.onFailure(trial);

        assertRefuses(trial);
        assertRefuses(trial.plus(COOL_DOWN).minusNanos(1));
        assertEquals(HALF_OPEN, breaker.state(trial.plus(COOL_DOWN)));
        assertTrue(breaker.tryAcquire(trial.plus(COOL_DOWN)));
    }

    @Test
    void neutralOutcomeReleasesTheTrialWithoutChangingTheState() {
        open();
        assertTrue(breaker.tryAcquire(COOLED));

        breaker.onNeutral();

        assertEquals(HALF_OPEN, breaker.state(COOLED));
        assertTrue(breaker.tryAcquire(COOLED), "the next caller gets the trial");
        assertFalse(breaker.tryAcquire(COOLED));
    }

    @Test
    void neutralOutcomeNeitherCountsNorResetsFailures() {
        fail(THRESHOLD - 1, T0);
        breaker.tryAcquire(T0);

        breaker.onNeutral();

        assertEquals(CLOSED, breaker.state(T0));
        fail(1, T0);
        assertEquals(OPEN, breaker.state(T0));
    }

    @Test
    void successResetsTheFailureCount() {
        fail(THRESHOLD - 1, T0);
        breaker.tryAcquire(T0);
        breaker.onSuccess();

        fail(THRESHOLD - 1, T0);

        assertEquals(CLOSED, breaker.state(T0), "only consecutive failures count");
        fail(1, T0);
        assertEquals(OPEN, breaker.state(T0));
    }

    @Test
    void thresholdOfOneOpensOnTheFirstFailure() {
        CircuitBreaker touchy = new CircuitBreaker(1, COOL_DOWN);

        assertTrue(touchy.tryAcquire(T0));
        touchy.onFailure(T0);

        assertEquals(OPEN, touchy.state(T0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void thresholdBelowOneIsRejected(int threshold) {
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(threshold, COOL_DOWN));
    }
}
