package io.rtcgate.domain.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The arithmetic of a file's position: offset, time played, pauses excluded, tempo applied. */
class PlaybackClockTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void thePositionIsTheOffsetPlusTheTimePlayed() {
        PlaybackClock clock = PlaybackClock.playingFrom(Duration.ofSeconds(30), T0, 1.0);
        assertEquals(Duration.ofSeconds(30), clock.positionAt(T0));
        assertEquals(Duration.ofSeconds(75), clock.positionAt(at(45)));
    }

    @Test
    void pausedTimeDoesNotCount() {
        PlaybackClock clock = PlaybackClock.playingFrom(Duration.ZERO, T0, 1.0);
        PlaybackClock paused = clock.pausedAt(at(10));
        assertFalse(paused.playing());
        assertEquals(Duration.ofSeconds(10), paused.positionAt(at(500)), "a pause holds the position");

        PlaybackClock resumed = paused.resumedAt(at(500));
        assertEquals(Duration.ofSeconds(15), resumed.positionAt(at(505)));
        assertEquals(Duration.ofSeconds(25), resumed.pausedAt(at(515)).resumedAt(at(900)).positionAt(at(900)));
    }

    @ParameterizedTest(name = "tempo {0}: 40 s of playing from 10 s is at {1} ms")
    @CsvSource({"0.5, 30000", "0.75, 40000", "1.0, 50000", "1.25, 60000", "1.5, 70000", "1.75, 80000", "2.0, 90000"})
    void theTempoScalesTheTimePlayed(double tempo, long expectedMillis) {
        PlaybackClock clock = PlaybackClock.playingFrom(Duration.ofSeconds(10), T0, tempo);
        assertEquals(Duration.ofMillis(expectedMillis), clock.positionAt(at(40)));
        assertEquals(Duration.ofMillis(expectedMillis), clock.pausedAt(at(40)).positionAt(at(4000)));
    }

    @Test
    void aCrashBetweenSavesLosesOnlyTheTimeSinceTheLastSave() {
        PlaybackClock clock = PlaybackClock.playingFrom(Duration.ZERO, T0, 1.0);
        Duration savedAt10 = clock.positionAt(at(10));
        // the gateway dies at 14 s; after the restart the ingest resumes from what was saved
        PlaybackClock resumedAfterRestart = PlaybackClock.playingFrom(savedAt10, at(60), 1.0);
        assertEquals(Duration.ofSeconds(10), resumedAfterRestart.positionAt(at(60)));
        assertEquals(Duration.ofSeconds(4), clock.positionAt(at(14)).minus(savedAt10), "what the crash lost");
    }

    @Test
    void pausingOrResumingTwiceChangesNothing() {
        PlaybackClock playing = PlaybackClock.playingFrom(Duration.ZERO, T0, 1.0);
        assertSame(playing, playing.resumedAt(at(5)));
        PlaybackClock paused = playing.pausedAt(at(5));
        assertSame(paused, paused.pausedAt(at(9)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.6, 3.0, -1.0})
    void onlyTheVendorsTemposAreAllowed(double tempo) {
        assertThrows(IllegalArgumentException.class, () -> PlaybackClock.playingFrom(Duration.ZERO, T0, tempo));
    }

    @Test
    void aClockIsNotReadBeforeItStartedOrAtANegativePosition() {
        assertThrows(IllegalArgumentException.class, () -> PlaybackClock.playingFrom(Duration.ZERO, T0, 1.0).positionAt(at(-1)));
        assertThrows(IllegalArgumentException.class, () -> new PlaybackClock(Duration.ofSeconds(-1), Optional.empty(), 1.0));
    }
}
