package io.rtcgate.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A bearer token on the HTTP APIs must be a session token; an access token there gets 401, except on the realtime
 * handshake, which access tokens are for.
 */
@Singleton
public class SessionTokensOnly implements GenericJwtClaimsValidator<HttpRequest<?>> {

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object use = claims.get(TokenUse.CLAIM);
        return TokenUse.SESSION.claimValue().equals(use)
                || TokenUse.ACCESS.claimValue().equals(use) && RealtimeTokens.isRealtime(request);
    }
}
