package io.rtcgate.domain.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored refresh token: only its hash is kept. Tokens issued from one another share a family, so a
 * replayed token can revoke everything that descended from it.
 */
public record RefreshToken(
        String tokenHash,
        UUID familyId,
        Device device,
        Instant createdAt,
        Instant expiresAt,
        Instant usedAt,
        Instant revokedAt) {

    public boolean isUsable(Instant now) {
        return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}
