package io.rtcgate.app.security;

import io.micronaut.security.token.generator.TokenGenerator;
import io.rtcgate.app.config.AuthProperties;
import io.rtcgate.domain.session.AccessTokenIssuer;
import io.rtcgate.domain.session.Device;
import io.rtcgate.domain.user.User;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mints the gateway's JWTs: login sessions and device access tokens. */
@Singleton
public class GatewayTokens implements AccessTokenIssuer {

    public static final String ISSUER = "rtcgate";
    public static final String ROLES_CLAIM = "roles";

    private final TokenGenerator generator;
    private final AuthProperties auth;
    private final Clock clock;

    public GatewayTokens(TokenGenerator generator, AuthProperties auth, Clock clock) {
        this.generator = generator;
        this.auth = auth;
        this.clock = clock;
    }

    /** A signed session token and the moment it expires. */
    public record Session(String token, Instant expiresAt) {
    }

    public Session session(User user) {
        Instant now = clock.instant();
        Map<String, Object> claims = claims(user.id(), TokenUse.SESSION, now, auth.getSessionTtl());
        claims.put(ROLES_CLAIM, List.of(user.role().name()));
        // the answer's expiry and the token's exp come from one reading of the clock
        return new Session(sign(claims), now.plus(auth.getSessionTtl()));
    }

    @Override
    public String issue(Device device) {
        Map<String, Object> claims = claims(device.userId(), TokenUse.ACCESS, clock.instant(), auth.getAccessTokenTtl());
        claims.put("device_id", device.deviceId());
        claims.put("device_type", device.type().wireName());
        return sign(claims);
    }

    private static Map<String, Object> claims(String subject, TokenUse use, Instant now, Duration ttl) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put(TokenUse.CLAIM, use.claimValue());
        return claims;
    }

    private String sign(Map<String, Object> claims) {
        return generator.generateToken(claims)
                .orElseThrow(() -> new IllegalStateException("the JWT generator produced no token"));
    }
}
