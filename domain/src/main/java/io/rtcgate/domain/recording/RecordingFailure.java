package io.rtcgate.domain.recording;

import java.util.Objects;

/** Why a recording failed: the vendor's own code where it gave one, and a message. */
public record RecordingFailure(String vendorCode, String message) {

    public RecordingFailure {
        Objects.requireNonNull(message, "message");
    }
}
