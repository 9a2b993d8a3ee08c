package io.rtcgate.emulator.aliyun;

import java.time.Instant;
import java.util.Optional;

/** A stream on the ingest blacklist, until {@code resumeAt} or, when empty, until ResumeLiveStream. */
public record ForbiddenStream(LiveStreamRef stream, Optional<Instant> resumeAt) {

    boolean inForceAt(Instant now) {
        return resumeAt.map(now::isBefore).orElse(true);
    }
}
