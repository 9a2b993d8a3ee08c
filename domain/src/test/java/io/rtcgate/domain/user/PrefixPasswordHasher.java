package io.rtcgate.domain.user;

/** Deterministic and obviously not secure: the hash of {@code p} is {@code "hash:" + p}. */
final class PrefixPasswordHasher implements PasswordHasher {

    static String hashOf(String password) {
        return "hash:" + password;
    }

    @Override
    public String hash(String password) {
        return hashOf(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        return hashOf(password).equals(hash);
    }
}
