package io.rtcgate.postgres.vendor;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("vendor_states")
public record VendorStateRow(@Id String vendor, String state, String updatedBy, Instant updatedAt) {
}
