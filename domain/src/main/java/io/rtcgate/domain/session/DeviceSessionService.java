package io.rtcgate.domain.session;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Issues and rotates a device's realtime credentials. */
public final class DeviceSessionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVALID = "refresh token is invalid or expired";

    private final RefreshTokenStore refreshTokens;
    private final AccessTokenIssuer accessTokens;
    private final Duration refreshTtl;
    private final Clock clock;

    public DeviceSessionService(RefreshTokenStore refreshTokens, AccessTokenIssuer accessTokens,
                                Duration refreshTtl, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    /** A caller gets tokens for their own devices only. */
    public DeviceTokens issue(Caller caller, Device device) {
        if (!caller.userId().equals(device.userId())) {
            throw new ForbiddenException("user_id must be the authenticated user");
        }
        return issueInFamily(device, UUID.randomUUID(), clock.instant());
    }

    /**
     * Trades a refresh token for a new pair, once. Presenting a used token again means it leaked:
     * the whole family is revoked.
     */
    public DeviceTokens refresh(String refreshToken) {
        Validation.required(refreshToken, "refresh_token");
        Instant now = clock.instant();
        String hash = hash(refreshToken);
        RefreshToken stored = refreshTokens.findByHash(hash).orElseThrow(() -> new AuthenticationException(INVALID));
        if (stored.usedAt() != null || !refreshTokens.markUsed(hash, now)) {
            refreshTokens.revokeFamily(stored.familyId(), now);
            throw new AuthenticationException("refresh token was already used; its session is revoked");
        }
        if (!stored.isUsable(now)) {
            throw new AuthenticationException(INVALID);
        }
        return issueInFamily(stored.device(), stored.familyId(), now);
    }

    private DeviceTokens issueInFamily(Device device, UUID familyId, Instant now) {
        String refreshToken = newSecret();
        refreshTokens.insert(new RefreshToken(hash(refreshToken), familyId, device, now, now.plus(refreshTtl), null, null));
        return new DeviceTokens(accessTokens.issue(device), refreshToken);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
