package io.rtcgate.domain.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * What a vendor needs to pull a source into a channel: the channel, the robot user that publishes the source
 * in it (the adapter signs the robot's join credential), the source URL, the mode, where a file starts
 * ({@code seek}, zero for a live stream), how many times a file plays ({@code repeat}: 1 to 1000, or -1 for
 * ever; 1 for a live stream) and the volume (0 to 100).
 */
public record IngestStartRequest(String channel, String robotUserId, String sourceUrl, IngestMode mode, Duration seek,
                                 int repeat, int volume) {

    public IngestStartRequest {
        requireText(channel, "channel");
        requireText(robotUserId, "robotUserId");
        requireText(sourceUrl, "sourceUrl");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(seek, "seek");
        if (seek.isNegative() || (mode == IngestMode.LIVE && !seek.isZero())) {
            throw new IllegalArgumentException("seek is a file's non-negative start position, and zero for a live stream");
        }
        if (repeat == 0 || repeat < -1 || repeat > 1000 || (mode == IngestMode.LIVE && repeat != 1)) {
            throw new IllegalArgumentException("repeat is -1 or 1 to 1000 for a file, 1 for a live stream, not " + repeat);
        }
        if (volume < 0 || volume > 100) {
            throw new IllegalArgumentException("volume is 0 to 100, not " + volume);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
