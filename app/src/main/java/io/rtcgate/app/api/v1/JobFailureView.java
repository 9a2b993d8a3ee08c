package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.job.JobFailure;
import java.util.Optional;

/** Why a recording or an ingest failed: the vendor's own code where it gave one, and a message. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobFailureView(@Nullable @JsonProperty("vendor_code") String vendorCode, String message) {

    static JobFailureView of(Optional<JobFailure> failure) {
        return failure.map(known -> new JobFailureView(known.vendorCode(), known.message())).orElse(null);
    }
}
