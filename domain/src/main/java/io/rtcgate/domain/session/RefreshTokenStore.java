package io.rtcgate.domain.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Port: durable refresh tokens. */
public interface RefreshTokenStore {

    void insert(RefreshToken token);

    Optional<RefreshToken> findByHash(String tokenHash);

    /** Marks the token used if nobody did before; returns false when it was already used. */
    boolean markUsed(String tokenHash, Instant now);

    void revokeFamily(UUID familyId, Instant now);
}
