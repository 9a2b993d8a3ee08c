package io.rtcgate.domain.user;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.TooManyAttemptsException;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.audit.AuditActions;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Logging in and managing users. */
public final class UserService {

    private static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final String WRONG_CREDENTIALS = "wrong username or password";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final LoginPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public UserService(UserStore users, PasswordHasher hasher, LoginPolicy policy, AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A login whose password may be left out (seed 001's {@code /login}): without one, it is the demo login of the
     * user whose password is their name, so only with demo login on; otherwise as {@link #login}.
     *
     * @throws InvalidInputException naming {@code password} when it is left out and demo login is off
     */
    public User login(String username, Optional<String> password) {
        if (password.isEmpty() && !policy.demoLogin()) {
            throw new InvalidInputException("password", "password is required (it may be left out only with demo login on)");
        }
        return login(username, password.orElse(username));
    }

    /**
     * Checks a username and password. Repeated failures lock the user for a while; with open
     * registration an unknown username becomes a new user. With demo login, an unknown username whose
     * password is the username becomes a new user with that password, however short; an existing user's
     * password is checked as always, so demo login never opens an account someone gave a real password.
     */
    public User login(String username, String password) {
        Validation.required(username, "username");
        Validation.required(password, "password");
        Instant now = clock.instant();
        var existing = users.find(username);
        if (existing.isEmpty()) {
            if (policy.demoLogin() && password.equals(username)) {
                return registerDemoUser(username, now);
            }
            if (!policy.openRegistration()) {
                throw new AuthenticationException(WRONG_CREDENTIALS);
            }
            return register(username, password, Role.USER, now);
        }
        User user = existing.get();
        var lockedUntil = user.lockedAt(now);
        if (lockedUntil.isPresent()) {
            throw new TooManyAttemptsException("too many failed logins; try again later",
                    Duration.between(now, lockedUntil.get()));
        }
        if (!hasher.matches(password, user.passwordHash())) {
            users.update(user.afterFailedLogin(policy, now));
            throw new AuthenticationException(WRONG_CREDENTIALS);
        }
        if (user.failedLogins() > 0) {
            user = user.afterSuccessfulLogin();
            users.update(user);
        }
        return user;
    }

    /** An admin creates a user, and the audit log says so (with the role, never the password). */
    public User create(Caller caller, String username, String password, Role role) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins may create users");
        }
        Validation.required(username, "username");
        return audit.recordWith(() -> {
            if (users.find(username).isPresent()) {
                throw new ConflictException("user " + username + " already exists");
            }
            return register(username, password, role, clock.instant());
        }, user -> AuditEntry.of(caller, AuditActions.USER_CREATE, AuditEntry.target("user", user.id()), null,
                Map.of("role", user.role().name().toLowerCase(Locale.ROOT)), user.createdAt()));
    }

    /**
     * Makes sure the configured admin exists with the configured password, so an operator can always
     * get in with what the configuration says.
     */
    public User ensureAdmin(String username, String password) {
        Validation.required(username, "username");
        var existing = users.find(username);
        if (existing.isEmpty()) {
            return register(username, password, Role.ADMIN, clock.instant());
        }
        User user = existing.get();
        checkPassword(password);
        User admin = hasher.matches(password, user.passwordHash()) ? user : user.withPassword(hasher.hash(password));
        admin = admin.withRole(Role.ADMIN);
        if (!admin.equals(user)) {
            users.update(admin);
        }
        return admin;
    }

    public User find(String username) {
        return users.find(username).orElseThrow(() -> new AuthenticationException("unknown user"));
    }

    /** A demo user's password is their username, exempt from the length rule the AUI demo apps cannot meet. */
    private User registerDemoUser(String username, Instant now) {
        UserIds.require(username, "username");
        User user = User.create(username, hasher.hash(username), Role.USER, now);
        users.insert(user);
        return user;
    }

    private User register(String username, String password, Role role, Instant now) {
        UserIds.require(username, "username");
        checkPassword(password);
        User user = User.create(username, hasher.hash(password), role, now);
        users.insert(user);
        return user;
    }

    private static void checkPassword(String password) {
        Validation.required(password, "password");
        if (password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password", "password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }
}
