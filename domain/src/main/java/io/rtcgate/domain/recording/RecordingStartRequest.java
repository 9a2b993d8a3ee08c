package io.rtcgate.domain.recording;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a vendor needs to start recording a channel: the channel, the recorder's identity in it and, where
 * the caller holds one, the recorder's join token (otherwise the adapter signs one for the recorder with
 * the keys it holds), the mode and formats, how long the recorder waits in an empty channel before the
 * vendor ends the recording, and for a mixed recording its layout.
 */
public record RecordingStartRequest(String channel, RecorderIdentity recorder, Optional<String> recorderToken,
                                    RecordingMode mode, Set<RecordingFormat> formats, Duration maxIdleTime,
                                    Optional<MixLayout> layout) {

    /** The shortest idle time vendors accept. */
    public static final Duration MIN_IDLE = Duration.ofSeconds(5);
    /** The longest idle time vendors accept: 72 hours. */
    public static final Duration MAX_IDLE = Duration.ofSeconds(259_200);

    public RecordingStartRequest {
        Objects.requireNonNull(channel, "channel");
        if (channel.isBlank()) {
            throw new IllegalArgumentException("channel must not be blank");
        }
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(recorderToken, "recorderToken");
        Objects.requireNonNull(mode, "mode");
        formats = RecordingFormat.setOf(formats, "formats");
        Objects.requireNonNull(maxIdleTime, "maxIdleTime");
        if (maxIdleTime.compareTo(MIN_IDLE) < 0 || maxIdleTime.compareTo(MAX_IDLE) > 0
                || maxIdleTime.getNano() != 0) {
            throw new IllegalArgumentException("maxIdleTime must be whole seconds from 5 to 259200, not " + maxIdleTime);
        }
        Objects.requireNonNull(layout, "layout");
        if (layout.isPresent() && mode != RecordingMode.MIX) {
            throw new IllegalArgumentException("a layout is for mixed recordings only");
        }
    }

    @Override
    public String toString() {
        // The token admits the recorder to the channel: keep it out of logs.
        return "RecordingStartRequest[" + channel + ", recorder " + recorder + ", " + mode.wireName() + ", " + formats
                + ", idle " + maxIdleTime.toSeconds() + "s" + layout.map(l -> ", " + l.wireName()).orElse("")
                + (recorderToken.isPresent() ? ", with token" : "") + "]";
    }
}
