package io.rtcgate.tencent;

import io.rtcgate.domain.recording.TrackType;
import java.util.Optional;

/** TRTC's names of what a recorded file holds: {@code audio}, {@code video}, {@code audio_video}. */
final class TrtcTrackTypes {

    private TrtcTrackTypes() {
    }

    /** The track type TRTC names; a file that names none holds both; empty for a name TRTC does not use. */
    static Optional<TrackType> of(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(TrackType.AUDIO_AND_VIDEO);
        }
        return switch (name) {
            case "audio" -> Optional.of(TrackType.AUDIO);
            case "video" -> Optional.of(TrackType.VIDEO);
            case "audio_video" -> Optional.of(TrackType.AUDIO_AND_VIDEO);
            default -> Optional.empty();
        };
    }
}
