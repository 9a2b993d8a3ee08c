package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BanDurationsTest {

    @Test
    void nothingRequestedLeavesTheDefaultToTheCaller() {
        assertEquals(Optional.empty(), BanDurations.requested(null, null));
        assertEquals(Duration.ofHours(1), BanDurations.DEFAULT);
    }

    @Test
    void clampsEachFieldToItsRange() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), BanDurations.requested(null, 9L));
        assertEquals(Optional.of(Duration.ofSeconds(86430)), BanDurations.requested(null, 86431L));
        assertEquals(Optional.of(Duration.ofMinutes(1440)), BanDurations.requested(1441L, null));
        assertEquals(Optional.of(Duration.ofMinutes(1)), BanDurations.requested(1L, null));
    }

    @Test
    void secondsWinAndZeroMeansKickOnce() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), BanDurations.requested(5L, 30L));
        assertEquals(Optional.of(Duration.ZERO), BanDurations.requested(null, 0L));
        assertEquals(Optional.of(Duration.ZERO), BanDurations.requested(0L, null));
    }

    @Test
    void negativeValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BanDurations.requested(-1L, null));
        assertThrows(IllegalArgumentException.class, () -> BanDurations.requested(null, -1L));
    }
}
