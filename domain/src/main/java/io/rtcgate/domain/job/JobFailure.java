package io.rtcgate.domain.job;

import io.rtcgate.domain.DomainException;
import io.rtcgate.domain.vendor.VendorException;
import java.util.Objects;

/** Why a vendor job (a recording, an ingest) failed: the vendor's own code where it gave one, and a message. */
public record JobFailure(String vendorCode, String message) {

    public JobFailure {
        Objects.requireNonNull(message, "message");
    }

    /** What the caller may read of a failed start: the vendor's code and summary, or the gateway's own refusal. */
    public static JobFailure ofStart(RuntimeException e) {
        if (e instanceof VendorException vendor) {
            return new JobFailure(vendor.vendorCode(), vendor.summary());
        }
        return new JobFailure(null, e instanceof DomainException ? e.getMessage() : "the gateway could not start it");
    }
}
