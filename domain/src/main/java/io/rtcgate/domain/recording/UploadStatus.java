package io.rtcgate.domain.recording;

import java.util.Locale;

/**
 * Whether a recorded file has reached storage: still being written and uploaded, uploaded to the
 * configured storage, or kept in the vendor's backup storage because that upload failed (the vendor
 * uploads it later); {@code UNKNOWN} when the vendor does not say.
 */
public enum UploadStatus {
    IN_PROGRESS,
    UPLOADED,
    BACKED_UP,
    UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
