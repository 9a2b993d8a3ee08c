package io.rtcgate.postgres.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("refresh_tokens")
public record RefreshTokenRow(
        @Id String tokenHash,
        UUID familyId,
        String userId,
        String deviceId,
        String deviceType,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant revokedAt) {
}
