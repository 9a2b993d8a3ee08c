package io.rtcgate.domain.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a file ingest is in its source: the position it started (or last paused) at, plus the time spent
 * playing since, at its tempo. Paused time does not count. Immutable; the gateway keeps the position it
 * last saved, so a crash loses at most the time since that save.
 */
public record PlaybackClock(Duration offset, Optional<Instant> playingSince, double tempo) {

    /** The tempos vendors play at. */
    public static final double[] TEMPOS = {0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0};

    public PlaybackClock {
        Objects.requireNonNull(offset, "offset");
        if (offset.isNegative()) {
            throw new IllegalArgumentException("a position is not negative");
        }
        Objects.requireNonNull(playingSince, "playingSince");
        boolean known = false;
        for (double allowed : TEMPOS) {
            known |= allowed == tempo;
        }
        if (!known) {
            throw new IllegalArgumentException("tempo is one of 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, not " + tempo);
        }
    }

    /** Playing from {@code offset} since {@code now}. */
    public static PlaybackClock playingFrom(Duration offset, Instant now, double tempo) {
        return new PlaybackClock(offset, Optional.of(now), tempo);
    }

    /** The position at {@code now}: the offset plus the time played since, at the tempo, in whole milliseconds. */
    public Duration positionAt(Instant now) {
        return playingSince.map(since -> {
            Duration played = Duration.between(since, now);
            if (played.isNegative()) {
                throw new IllegalArgumentException("the clock cannot be read before it started playing");
            }
            return offset.plusMillis(Math.round(played.toMillis() * tempo));
        }).orElse(offset);
    }

    public boolean playing() {
        return playingSince.isPresent();
    }

    /** Paused at {@code now}: the position stops moving where it is. Pausing a paused clock changes nothing. */
    public PlaybackClock pausedAt(Instant now) {
        return playing() ? new PlaybackClock(positionAt(now), Optional.empty(), tempo) : this;
    }

    /** Playing again from where it paused, since {@code now}. Resuming a playing clock changes nothing. */
    public PlaybackClock resumedAt(Instant now) {
        return playing() ? this : new PlaybackClock(offset, Optional.of(now), tempo);
    }
}
