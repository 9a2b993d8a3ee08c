package io.rtcgate.postgres.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("users")
public record UserRow(
        @Id String id,
        String passwordHash,
        String role,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt) {
}
