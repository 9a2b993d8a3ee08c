package io.rtcgate.app.persistence;

import static io.rtcgate.testkit.Concurrently.failuresOf;
import static io.rtcgate.testkit.Concurrently.successes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.testkit.Concurrently;
import io.rtcgate.testkit.Concurrently.Outcome;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.user.Role;
import io.rtcgate.domain.user.User;
import io.rtcgate.domain.user.UserStore;
import io.rtcgate.postgres.user.PostgresUserStore;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real {@link PostgresUserStore} behind the domain's {@link UserStore} port. */
@MicronautTest(transactional = false)
class PostgresUserStoreTest {

    private static final int RACERS = 8;

    @Inject
    UserStore users;

    @Test
    void theDomainPortIsThePostgresStore() {
        assertInstanceOf(PostgresUserStore.class, users);
    }

    @Test
    void everyFieldSurvivesInsertAndFind() {
        Instant now = now();
        User user = new User(WireClient.uniqueUser("store"), "$2a$10$hash", Role.ADMIN, 2, now.plusSeconds(60), now);

        users.insert(user);

        assertEquals(Optional.of(user), users.find(user.id()));
    }

    @Test
    void findOfAnUnknownUserIsEmpty() {
        assertEquals(Optional.empty(), users.find(WireClient.uniqueUser("nobody")));
    }

    @Test
    void insertingAnExistingIdIsAConflictAndKeepsTheFirstUser() {
        User first = User.create(WireClient.uniqueUser("dup"), "first-hash", Role.USER, now());
        users.insert(first);

        assertThrows(ConflictException.class,
                () -> users.insert(User.create(first.id(), "second-hash", Role.ADMIN, now())));
        assertEquals(Optional.of(first), users.find(first.id()));
    }

    @Test
    void ofConcurrentRegistrationsOfOneIdExactlyOneSucceeds() {
        String id = WireClient.uniqueUser("race");

        List<Outcome<String>> outcomes = Concurrently.run(RACERS,
                () -> User.create(id, "hash-" + Thread.currentThread().getId(), Role.USER, now()),
                user -> {
                    users.insert(user);
                    return user.passwordHash();
                });

        assertEquals(1, successes(outcomes), outcomes.toString());
        assertEquals(RACERS - 1, failuresOf(outcomes, ConflictException.class), outcomes.toString());
        String winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
        assertEquals(winner, users.find(id).orElseThrow().passwordHash());
    }

    @Test
    void updateSavesFailedLoginsLockAndRole() {
        User user = User.create(WireClient.uniqueUser("upd"), "hash", Role.USER, now());
        users.insert(user);
        User changed = new User(user.id(), "new-hash", Role.ADMIN, 3, now().plusSeconds(300), user.createdAt());

        users.update(changed);

        assertEquals(Optional.of(changed), users.find(user.id()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
