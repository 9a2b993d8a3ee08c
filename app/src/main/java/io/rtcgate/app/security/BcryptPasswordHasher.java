package io.rtcgate.app.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.rtcgate.domain.user.PasswordHasher;
import jakarta.inject.Singleton;

/** bcrypt with a per-password salt and cost 10. */
@Singleton
public class BcryptPasswordHasher implements PasswordHasher {

    private static final int COST = 10;

    @Override
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }
}
