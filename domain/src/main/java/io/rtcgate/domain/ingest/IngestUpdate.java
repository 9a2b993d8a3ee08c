package io.rtcgate.domain.ingest;

import java.util.Objects;
import java.util.Optional;

/** A change to a running ingest: pause or resume it, and its volume (0 to 100). */
public record IngestUpdate(Optional<Boolean> paused, Optional<Integer> volume) {

    public IngestUpdate {
        Objects.requireNonNull(paused, "paused");
        Objects.requireNonNull(volume, "volume");
        if (paused.isEmpty() && volume.isEmpty()) {
            throw new IllegalArgumentException("an update changes the pause, the volume, or both");
        }
        volume.ifPresent(level -> {
            if (level < 0 || level > 100) {
                throw new IllegalArgumentException("volume is 0 to 100, not " + level);
            }
        });
    }
}
