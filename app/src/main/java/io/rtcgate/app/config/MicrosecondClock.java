package io.rtcgate.app.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The system clock in whole microseconds, PostgreSQL's precision, so a write's answer equals what a later read
 * returns. Not {@code Clock.tick(.., 1 µs)}: the JDK's tick clock divides by zero in {@link #millis()} for a
 * tick under a millisecond.
 */
final class MicrosecondClock extends Clock {

    private final Clock system = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the gateway's clock is UTC");
    }

    @Override
    public Instant instant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return system.millis();
    }
}
