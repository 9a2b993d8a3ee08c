package io.rtcgate.domain.recording;

import io.rtcgate.domain.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the caller asked a recording to be: its mode, its formats, how long the recorder waits in an empty
 * channel before the vendor ends the recording, and for a mixed recording its layout. Kept with the
 * recording, so a segment started on another vendor after a failover records the same way.
 */
public record RecordingSpec(RecordingMode mode, Set<RecordingFormat> formats, Duration maxIdle, Optional<MixLayout> layout) {

    public RecordingSpec {
        Objects.requireNonNull(mode, "mode");
        formats = RecordingFormat.setOf(formats, "formats");
        Objects.requireNonNull(maxIdle, "maxIdle");
        if (maxIdle.compareTo(RecordingStartRequest.MIN_IDLE) < 0 || maxIdle.compareTo(RecordingStartRequest.MAX_IDLE) > 0
                || maxIdle.getNano() != 0) {
            throw new InvalidInputException("max_idle_seconds", "max_idle_seconds must be whole seconds from "
                    + RecordingStartRequest.MIN_IDLE.toSeconds() + " to " + RecordingStartRequest.MAX_IDLE.toSeconds());
        }
        Objects.requireNonNull(layout, "layout");
        if (layout.isPresent() && mode != RecordingMode.MIX) {
            throw new InvalidInputException("layout", "layout is for mix recordings only");
        }
    }

    /** The vendor request that starts this recording in {@code channel} with {@code recorder}. */
    public RecordingStartRequest startIn(String channel, RecorderIdentity recorder, Optional<String> recorderToken) {
        return new RecordingStartRequest(channel, recorder, recorderToken, mode, formats, maxIdle, layout);
    }
}
