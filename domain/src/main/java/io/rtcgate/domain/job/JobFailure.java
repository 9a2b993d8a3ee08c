package io.rtcgate.domain.job;

import java.util.Objects;

/** Why a vendor job (a recording, an ingest) failed: the vendor's own code where it gave one, and a message. */
public record JobFailure(String vendorCode, String message) {

    public JobFailure {
        Objects.requireNonNull(message, "message");
    }
}
