package io.rtcgate.app.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.rtcgate.app.config.AuthProperties;
import io.rtcgate.app.config.EmbeddedMode;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;

/**
 * The one HS256 key that signs and verifies the gateway's JWTs; while it exists, unsigned
 * ({@code alg: none}) tokens are refused. The bean is declared by its interface: declared as
 * {@code SecretSignature} it would inherit that class's {@code @EachBean} and never be created. Created eagerly
 * so that a missing or short secret stops start-up with a clear message instead of failing the first
 * login.
 */
@Factory
public class JwtSigning {

    static final int MIN_SECRET_BYTES = 32;

    @Context
    @Named("generator")
    SignatureGeneratorConfiguration jwtSignature(AuthProperties auth, EmbeddedMode embedded) {
        String secret = auth.getJwtSecret() != null ? auth.getJwtSecret()
                : embedded.generatedSecret("jwt-secret").orElseThrow(() -> new ConfigurationException(
                        "rtcgate.auth.jwt-secret (RTCGATE_AUTH_JWT_SECRET) must be set when an external database is configured"));
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new ConfigurationException("rtcgate.auth.jwt-secret must be at least 256 bits (32 bytes) for HS256; it has "
                    + bytes + " bytes");
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret);
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(configuration);
    }
}
