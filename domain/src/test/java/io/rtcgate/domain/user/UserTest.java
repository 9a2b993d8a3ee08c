package io.rtcgate.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final LoginPolicy THREE_STRIKES = new LoginPolicy(false, 3, LOCKOUT);

    private final User alice = User.create("alice", "hash:secret", Role.USER, T0);

    private static User failTimes(User user, int times) {
        for (int i = 0; i < times; i++) {
            user = user.afterFailedLogin(THREE_STRIKES, T0);
        }
        return user;
    }

    @Test
    void newUserHasNoFailuresAndNoLock() {
        assertEquals(0, alice.failedLogins());
        assertNull(alice.lockedUntil());
        assertEquals(T0, alice.createdAt());
        assertFalse(alice.isAdmin());
    }

    @Test
    void failuresBelowTheLimitAreCountedWithoutLocking() {
        User twice = failTimes(alice, 2);

        assertEquals(2, twice.failedLogins());
        assertEquals(Optional.empty(), twice.lockedAt(T0));
    }

    @Test
    void reachingTheLimitLocksForTheLockoutAndRestartsTheCount() {
        User locked = failTimes(alice, 3);

        assertEquals(Optional.of(T0.plus(LOCKOUT)), locked.lockedAt(T0));
        assertEquals(0, locked.failedLogins());
    }

    @Test
    void lockEndsExactlyAtLockedUntil() {
        User locked = failTimes(alice, 3);

        assertTrue(locked.lockedAt(T0.plus(LOCKOUT).minusNanos(1)).isPresent());
        assertEquals(Optional.empty(), locked.lockedAt(T0.plus(LOCKOUT)));
    }

    @Test
    void successfulLoginClearsFailuresAndLock() {
        User cleared = failTimes(alice, 2).afterSuccessfulLogin();

        assertEquals(0, cleared.failedLogins());
        assertNull(cleared.lockedUntil());
    }

    @Test
    void newPasswordClearsFailuresAndLock() {
        User reset = failTimes(alice, 3).withPassword("hash:other");

        assertEquals("hash:other", reset.passwordHash());
        assertEquals(0, reset.failedLogins());
        assertEquals(Optional.empty(), reset.lockedAt(T0));
    }

    @Test
    void newRoleKeepsEverythingElse() {
        User failed = failTimes(alice, 2);
        User admin = failed.withRole(Role.ADMIN);

        assertTrue(admin.isAdmin());
        assertEquals(failed.passwordHash(), admin.passwordHash());
        assertEquals(failed.failedLogins(), admin.failedLogins());
        assertEquals(failed.createdAt(), admin.createdAt());
    }

    @Test
    void toStringDoesNotRevealThePasswordHash() {
        assertFalse(alice.toString().contains("secret"), alice.toString());
    }
}
