package io.rtcgate.postgres.session;

import io.rtcgate.domain.session.Device;
import io.rtcgate.domain.session.DeviceType;
import io.rtcgate.domain.session.RefreshToken;
import io.rtcgate.domain.session.RefreshTokenStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class PostgresRefreshTokenStore implements RefreshTokenStore {

    private final RefreshTokenRepository repository;

    public PostgresRefreshTokenStore(RefreshTokenRepository repository) {
        this.repository = repository;
    }

    @Override
    public void insert(RefreshToken token) {
        Device device = token.device();
        repository.save(new RefreshTokenRow(token.tokenHash(), token.familyId(), device.userId(), device.deviceId(),
                device.type().wireName(), token.createdAt(), token.expiresAt(), token.usedAt(), token.revokedAt()));
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return repository.findById(tokenHash).map(row -> new RefreshToken(row.tokenHash(), row.familyId(),
                new Device(row.userId(), row.deviceId(), DeviceType.parse(row.deviceType())),
                row.createdAt(), row.expiresAt(), row.usedAt(), row.revokedAt()));
    }

    @Override
    public boolean markUsed(String tokenHash, Instant now) {
        return repository.markUsed(tokenHash, now) == 1;
    }

    @Override
    public void revokeFamily(UUID familyId, Instant now) {
        repository.revokeFamily(familyId, now);
    }
}
