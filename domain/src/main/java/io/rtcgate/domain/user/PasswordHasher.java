package io.rtcgate.domain.user;

/** Port: salted, slow password hashes. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
