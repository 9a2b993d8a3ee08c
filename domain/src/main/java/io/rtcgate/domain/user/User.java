package io.rtcgate.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person or service that logs in. Keeps its own failed-login count so that guessing a password is
 * throttled on every gateway node alike.
 */
public record User(
        String id,
        String passwordHash,
        Role role,
        int failedLogins,
        Instant lockedUntil,
        Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static User create(String id, String passwordHash, Role role, Instant now) {
        return new User(id, passwordHash, role, 0, null, now);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public Optional<Instant> lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /** After {@code policy.maxFailures()} failures in a row the account is locked for the lockout period. */
    public User afterFailedLogin(LoginPolicy policy, Instant now) {
        int failures = failedLogins + 1;
        Instant lock = failures >= policy.maxFailures() ? now.plus(policy.lockout()) : null;
        return new User(id, passwordHash, role, failures >= policy.maxFailures() ? 0 : failures, lock, createdAt);
    }

    public User afterSuccessfulLogin() {
        return new User(id, passwordHash, role, 0, null, createdAt);
    }

    public User withPassword(String newHash) {
        return new User(id, newHash, role, 0, null, createdAt);
    }

    public User withRole(Role newRole) {
        return new User(id, passwordHash, newRole, failedLogins, lockedUntil, createdAt);
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + role + "]";
    }
}
