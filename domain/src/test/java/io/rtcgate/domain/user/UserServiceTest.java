package io.rtcgate.domain.user;

import static io.rtcgate.domain.DomainAssertions.assertInvalidInput;
import static io.rtcgate.domain.user.PrefixPasswordHasher.hashOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.TooManyAttemptsException;
import io.rtcgate.domain.audit.AuditActions;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.testkit.InMemoryAuditLog;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserServiceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final int MAX_FAILURES = 3;
    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Caller ADMIN = Caller.admin("root");
    private static final String PASSWORD = "correct-horse";
    private static final String WRONG_PASSWORD = "wrong-horse";

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryUserStore store = new InMemoryUserStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final UserService closed = service(false);
    private final UserService open = service(true);

    private UserService service(boolean openRegistration) {
        LoginPolicy policy = new LoginPolicy(openRegistration, MAX_FAILURES, LOCKOUT);
        return new UserService(store, new PrefixPasswordHasher(), policy, audit, clock);
    }

    private void failLogins(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThrows(AuthenticationException.class, () -> closed.login(username, WRONG_PASSWORD));
        }
    }

    @Nested
    class Login {

        @BeforeEach
        void createAlice() {
            closed.create(ADMIN, "alice", PASSWORD, Role.USER);
        }

        @Test
        void rightPasswordLogsIn() {
            User alice = closed.login("alice", PASSWORD);

            assertEquals("alice", alice.id());
            assertEquals(Role.USER, alice.role());
        }

        @Test
        void unknownUserIsRejectedWhenRegistrationIsClosed() {
            assertThrows(AuthenticationException.class, () -> closed.login("bob", PASSWORD));
            assertEquals(1, store.size());
        }

        @Test
        void wrongPasswordIsRejectedWithTheSameMessageAsAnUnknownUser() {
            var wrongPassword = assertThrows(AuthenticationException.class, () -> closed.login("alice", WRONG_PASSWORD));
            var unknownUser = assertThrows(AuthenticationException.class, () -> closed.login("bob", PASSWORD));

            assertEquals(unknownUser.getMessage(), wrongPassword.getMessage());
        }

        @Test
        void wrongPasswordsAreCounted() {
            failLogins("alice", MAX_FAILURES - 1);

            assertEquals(MAX_FAILURES - 1, store.stored("alice").failedLogins());
        }

        @Test
        void reachingMaxFailuresLocksOutEvenTheRightPassword() {
            failLogins("alice", MAX_FAILURES);

            var e = assertThrows(TooManyAttemptsException.class, () -> closed.login("alice", PASSWORD));
            assertTrue(e.retryAfter().compareTo(Duration.ZERO) > 0, "retryAfter must be positive");
            assertEquals(LOCKOUT, e.retryAfter());
        }

        @Test
        void retryAfterShrinksAsTheLockoutPasses() {
            failLogins("alice", MAX_FAILURES);
            clock.advance(Duration.ofMinutes(10));

            var e = assertThrows(TooManyAttemptsException.class, () -> closed.login("alice", PASSWORD));
            assertEquals(Duration.ofMinutes(5), e.retryAfter());
        }

        @Test
        void wrongPasswordsDuringTheLockoutDoNotExtendIt() {
            failLogins("alice", MAX_FAILURES);
            clock.advance(Duration.ofMinutes(1));

            assertThrows(TooManyAttemptsException.class, () -> closed.login("alice", WRONG_PASSWORD));
            clock.advance(LOCKOUT.minusMinutes(1));

            assertEquals("alice", closed.login("alice", PASSWORD).id());
        }

        @Test
        void lockedUserIsLockedUntilTheLastMomentOfTheLockout() {
            failLogins("alice", MAX_FAILURES);
            clock.advance(LOCKOUT.minusSeconds(1));

            var e = assertThrows(TooManyAttemptsException.class, () -> closed.login("alice", PASSWORD));
            assertEquals(Duration.ofSeconds(1), e.retryAfter());
        }

        @Test
        void loginWorksAgainOnceTheLockoutHasPassed() {
            failLogins("alice", MAX_FAILURES);
            clock.advance(LOCKOUT);

            assertEquals("alice", closed.login("alice", PASSWORD).id());
        }

        @Test
        void afterALockoutTheUserGetsAFreshSetOfAttempts() {
            failLogins("alice", MAX_FAILURES);
            clock.advance(LOCKOUT);

            failLogins("alice", MAX_FAILURES - 1);

            assertEquals("alice", closed.login("alice", PASSWORD).id());
        }

        @Test
        void successfulLoginResetsTheFailureCount() {
            failLogins("alice", MAX_FAILURES - 1);

            closed.login("alice", PASSWORD);

            assertEquals(0, store.stored("alice").failedLogins());
            failLogins("alice", MAX_FAILURES - 1);
            assertEquals("alice", closed.login("alice", PASSWORD).id(), "the earlier failures no longer count");
        }

        @Test
        void successfulLoginWithoutEarlierFailuresWritesNothing() {
            closed.login("alice", PASSWORD);

            assertEquals(0, store.updates());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " ")
        void missingUsernameIsInvalid(String username) {
            assertInvalidInput("username", () -> closed.login(username, PASSWORD));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " ")
        void missingPasswordIsInvalid(String password) {
            assertInvalidInput("password", () -> closed.login("alice", password));
        }
    }

    @Nested
    class OpenRegistration {

        @Test
        void unknownUsernameBecomesANewUser() {
            User bob = open.login("bob", PASSWORD);

            assertEquals(bob, store.stored("bob"));
            assertEquals(Role.USER, bob.role());
            assertEquals(hashOf(PASSWORD), bob.passwordHash());
            assertEquals(0, bob.failedLogins());
            assertEquals(T0, bob.createdAt());
        }

        @Test
        void theNewUserMustUseTheSamePasswordNextTime() {
            open.login("bob", PASSWORD);

            assertEquals("bob", open.login("bob", PASSWORD).id());
            assertThrows(AuthenticationException.class, () -> open.login("bob", WRONG_PASSWORD));
            assertEquals(1, store.size());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "a b",
                "a.b",
                "bob@example.com",
                "ünicode",
                "123456789012345678901234567890123"})
        void invalidUsernameIsRejectedAndNothingIsStored(String username) {
            assertInvalidInput("username", () -> open.login(username, PASSWORD));
            assertEquals(0, store.size());
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "A-Z_0-9", "12345678901234567890123456789012"})
        void usernameOfLettersDigitsDashAndUnderscoreUpTo32IsAccepted(String username) {
            assertEquals(username, open.login(username, PASSWORD).id());
        }

        @Test
        void shortPasswordIsRejected() {
            assertInvalidInput("password", () -> open.login("bob", "1234567"));
            assertEquals(0, store.size());
        }

        @Test
        void eightCharacterPasswordIsAccepted() {
            assertEquals("bob", open.login("bob", "12345678").id());
        }

        @Test
        void passwordOfMoreThan72BytesIsRejected() {
            assertInvalidInput("password", () -> open.login("bob", "x".repeat(73)));
            assertEquals("carol", open.login("carol", "x".repeat(72)).id());
        }

        @Test
        void passwordLimitCountsUtf8BytesNotCharacters() {
            String thirtySevenTwoByteChars = "é".repeat(37);

            assertInvalidInput("password", () -> open.login("bob", thirtySevenTwoByteChars));
        }
    }

    @Nested
    class Create {

        @Test
        void adminCreatesAUserWithTheGivenRole() {
            User carol = closed.create(ADMIN, "carol", PASSWORD, Role.ADMIN);

            assertEquals(carol, store.stored("carol"));
            assertEquals(Role.ADMIN, carol.role());
            assertEquals(hashOf(PASSWORD), carol.passwordHash());
            assertEquals(T0, carol.createdAt());
            assertEquals(List.of(new AuditEntry("root", AuditActions.USER_CREATE, "user:carol", null, Map.of("role", "admin"), T0)),
                    audit.entries());
        }

        @Test
        void nonAdminIsForbidden() {
            assertThrows(ForbiddenException.class, () -> closed.create(Caller.user("alice"), "carol", PASSWORD, Role.USER));
            assertEquals(0, store.size());
        }

        @Test
        void existingUsernameIsAConflict() {
            closed.create(ADMIN, "carol", PASSWORD, Role.USER);

            assertThrows(ConflictException.class, () -> closed.create(ADMIN, "carol", "another-password", Role.ADMIN));
            assertEquals(hashOf(PASSWORD), store.stored("carol").passwordHash());
            assertEquals(1, audit.entries().size(), "only the creation that happened is audited");
        }

        @Test
        void invalidUsernameOrPasswordIsRejected() {
            assertInvalidInput("username", () -> closed.create(ADMIN, "a b", PASSWORD, Role.USER));
            assertInvalidInput("username", () -> closed.create(ADMIN, "x".repeat(33), PASSWORD, Role.USER));
            assertInvalidInput("password", () -> closed.create(ADMIN, "carol", "short", Role.USER));
            assertEquals(0, store.size());
        }
    }

    @Nested
    class EnsureAdmin {

        @Test
        void missingAdminIsCreated() {
            User admin = closed.ensureAdmin("root", PASSWORD);

            assertEquals(Role.ADMIN, admin.role());
            assertEquals(admin, store.stored("root"));
            assertEquals("root", closed.login("root", PASSWORD).id());
        }

        @Test
        void changedPasswordIsReset() {
            closed.ensureAdmin("root", PASSWORD);

            closed.ensureAdmin("root", "new-password");

            assertEquals("root", closed.login("root", "new-password").id());
            assertThrows(AuthenticationException.class, () -> closed.login("root", PASSWORD));
        }

        @Test
        void resettingThePasswordLiftsALockout() {
            closed.ensureAdmin("root", PASSWORD);
            failLogins("root", MAX_FAILURES);

            closed.ensureAdmin("root", "new-password");

            assertEquals("root", closed.login("root", "new-password").id());
        }

        @Test
        void existingUserIsPromotedAndKeepsTheirPassword() {
            closed.create(ADMIN, "ops", PASSWORD, Role.USER);

            User promoted = closed.ensureAdmin("ops", PASSWORD);

            assertEquals(Role.ADMIN, promoted.role());
            assertEquals(Role.ADMIN, store.stored("ops").role());
            assertEquals(hashOf(PASSWORD), store.stored("ops").passwordHash());
        }

        @Test
        void existingUserWithAnotherPasswordIsPromotedAndGetsTheConfiguredPassword() {
            closed.create(ADMIN, "ops", "user-chosen", Role.USER);

            closed.ensureAdmin("ops", PASSWORD);

            assertEquals(Role.ADMIN, store.stored("ops").role());
            assertEquals(hashOf(PASSWORD), store.stored("ops").passwordHash());
        }

        @Test
        void adminAsConfiguredIsLeftAlone() {
            User created = closed.ensureAdmin("root", PASSWORD);

            assertEquals(created, closed.ensureAdmin("root", PASSWORD));
            assertEquals(0, store.updates());
        }

        @Test
        void tooShortPasswordIsRejectedForNewAndExistingAdmins() {
            assertInvalidInput("password", () -> closed.ensureAdmin("root", "short"));
            closed.ensureAdmin("root", PASSWORD);
            assertInvalidInput("password", () -> closed.ensureAdmin("root", "short"));
            assertEquals(hashOf(PASSWORD), store.stored("root").passwordHash());
        }
    }

    @Nested
    class Find {

        @Test
        void knownUserIsFound() {
            closed.create(ADMIN, "alice", PASSWORD, Role.USER);

            assertEquals(store.stored("alice"), closed.find("alice"));
        }

        @Test
        void unknownUserIsAnAuthenticationFailure() {
            assertThrows(AuthenticationException.class, () -> closed.find("nobody"));
        }
    }

    @Nested
    class DemoLogin {

        private final UserService demo = new UserService(store, new PrefixPasswordHasher(),
                new LoginPolicy(false, true, MAX_FAILURES, LOCKOUT), audit, clock);

        @Test
        void aNewUsernameWithItselfAsPasswordCreatesTheUserHoweverShort() {
            User bob = demo.login("bob", "bob");

            assertEquals("bob", bob.id());
            assertEquals(Role.USER, bob.role());
            assertEquals(hashOf("bob"), store.find("bob").orElseThrow().passwordHash());
            assertEquals("bob", demo.login("bob", "bob").id(), "and logs in again");
        }

        @Test
        void anExistingUsersPasswordIsCheckedAsAlways() {
            closed.create(ADMIN, "carol", PASSWORD, Role.USER);

            assertThrows(AuthenticationException.class, () -> demo.login("carol", "carol"));
            assertEquals("carol", demo.login("carol", PASSWORD).id());
        }

        @Test
        void anotherPasswordForANewUserNeedsOpenRegistration() {
            assertThrows(AuthenticationException.class, () -> demo.login("dave", "not-dave-1"));
            assertTrue(store.find("dave").isEmpty());
        }

        @Test
        void demoLoginStillChecksTheUsername() {
            assertInvalidInput("username", () -> demo.login("no good!", "no good!"));
        }

        @Test
        void withDemoLoginOffTheUsernameAsPasswordIsAnOrdinaryPassword() {
            assertInvalidInput("password", () -> open.login("erin", "erin"));
            assertThrows(AuthenticationException.class, () -> closed.login("frank", "frank"));
        }

        @Test
        void aLoginWithoutPasswordIsTheDemoLoginAndNeedsItOn() {
            assertEquals("gina", demo.login("gina", Optional.empty()).id());
            assertEquals("gina", demo.login("gina", Optional.of("gina")).id(), "the same user as with the name as password");
            assertInvalidInput("password", () -> open.login("hank", Optional.empty()));
            assertThrows(AuthenticationException.class, () -> demo.login("gina", Optional.of("not-gina-1")));
        }
    }
}
