package io.rtcgate.domain.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: where each file source was when it last played in a room, to resume it from there. A source that
 * played to its end has no position.
 */
public interface IngestPositions {

    Optional<Duration> find(String roomId, String sourceUrl);

    /** Keeps the position, replacing the one kept before. */
    void save(String roomId, String sourceUrl, Duration position, Instant savedAt);

    /** Forgets the position: the next start plays the source from its beginning. */
    void clear(String roomId, String sourceUrl);
}
