package io.rtcgate.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private static RetrySchedule defaults(double random) {
        return new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(4), Duration.ofHours(24), () -> random);
    }

    @Test
    void theDefaultsRetryForAtLeastADayInAboutSixteenAttempts() {
        for (double random : new double[] {0.0, 0.5, 0.999}) {
            RetrySchedule schedule = defaults(random);
            Instant attemptAt = CREATED;
            int attempts = 1;
            Optional<Instant> next;
            while ((next = schedule.nextAttempt(CREATED, attempts, attemptAt)).isPresent()) {
                attemptAt = next.get();
                attempts++;
            }
            assertTrue(!attemptAt.isBefore(CREATED.plus(Duration.ofHours(24))), "the last attempt is a day on: " + attemptAt);
            assertTrue(attempts >= 14 && attempts <= 18, attempts + " attempts with jitter " + random);
        }
    }

    @Test
    void jitterMovesEachWaitByAtMostAFifth() {
        Instant now = CREATED.plusSeconds(10);
        assertEquals(now.plusSeconds(24), defaults(0.0).nextAttempt(CREATED, 1, now).orElseThrow());
        assertEquals(now.plusSeconds(30), defaults(0.5).nextAttempt(CREATED, 1, now).orElseThrow());
        assertEquals(now.plusSeconds(60), defaults(0.5).nextAttempt(CREATED, 2, now).orElseThrow(), "doubled after two failures");
        assertEquals(now.plus(Duration.ofHours(4)), defaults(0.5).nextAttempt(CREATED, 30, now).orElseThrow(), "at most the maximum");
        assertEquals(now.plusMillis(35_988), defaults(0.999).nextAttempt(CREATED, 1, now).orElseThrow());
    }

    @Test
    void aDeliveryAsOldAsTheMaximumAgeGivesUp() {
        RetrySchedule schedule = defaults(0.5);
        assertTrue(schedule.nextAttempt(CREATED, 15, CREATED.plus(Duration.ofHours(24)).minusMillis(1)).isPresent());
        assertTrue(schedule.nextAttempt(CREATED, 15, CREATED.plus(Duration.ofHours(24))).isEmpty());
    }

    @Test
    void aBackoffMustBePositiveAndWithinItsMaximum() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24), () -> 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(24), () -> 0.5));
    }
}
