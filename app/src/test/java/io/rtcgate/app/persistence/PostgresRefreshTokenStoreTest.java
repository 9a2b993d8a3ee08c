package io.rtcgate.app.persistence;

import static io.rtcgate.testkit.Concurrently.successes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.testkit.Concurrently;
import io.rtcgate.testkit.Concurrently.Outcome;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.domain.session.Device;
import io.rtcgate.domain.session.DeviceType;
import io.rtcgate.domain.session.RefreshToken;
import io.rtcgate.domain.session.RefreshTokenStore;
import io.rtcgate.domain.user.Role;
import io.rtcgate.domain.user.User;
import io.rtcgate.domain.user.UserStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real PostgreSQL refresh-token store: one-time use must hold under concurrency. */
@MicronautTest(transactional = false)
class PostgresRefreshTokenStoreTest {

    private static final int RACERS = 8;

    @Inject
    RefreshTokenStore tokens;
    @Inject
    UserStore users;

    private Device device;

    @BeforeEach
    void newOwner() {
        String userId = WireClient.uniqueUser("rt");
        users.insert(User.create(userId, "hash", Role.USER, now()));
        device = new Device(userId, "device-1", DeviceType.WEB);
    }

    @Test
    void everyFieldSurvivesInsertAndFind() {
        RefreshToken token = new RefreshToken(newHash(), UUID.randomUUID(), device, now(),
                now().plus(Duration.ofDays(30)), null, null);

        tokens.insert(token);

        assertEquals(Optional.of(token), tokens.findByHash(token.tokenHash()));
    }

    @Test
    void findOfAnUnknownHashIsEmpty() {
        assertEquals(Optional.empty(), tokens.findByHash(newHash()));
    }

    @Test
    void aTokenIsMarkedUsedOnlyOnce() {
        RefreshToken token = insertFresh(UUID.randomUUID());
        Instant usedAt = now();

        assertTrue(tokens.markUsed(token.tokenHash(), usedAt));
        assertFalse(tokens.markUsed(token.tokenHash(), usedAt.plusSeconds(1)));
        assertEquals(usedAt, tokens.findByHash(token.tokenHash()).orElseThrow().usedAt());
    }

    @Test
    void ofConcurrentMarkUsedCallsExactlyOneWins() {
        for (int round = 0; round < 5; round++) {
            RefreshToken token = insertFresh(UUID.randomUUID());

            List<Outcome<Boolean>> outcomes = Concurrently.run(RACERS,
                    () -> token.tokenHash(),
                    hash -> tokens.markUsed(hash, now()));

            assertEquals(RACERS, successes(outcomes), "no call may fail: " + outcomes);
            assertEquals(1, outcomes.stream().filter(outcome -> outcome.value()).count(), "round " + round + ": " + outcomes);
        }
    }

    @Test
    void markUsedOfAnUnknownTokenIsRefused() {
        assertFalse(tokens.markUsed(newHash(), now()));
    }

    @Test
    void revokingAFamilyRevokesAllOfItAndNothingElse() {
        UUID family = UUID.randomUUID();
        RefreshToken first = insertFresh(family);
        RefreshToken second = insertFresh(family);
        RefreshToken stranger = insertFresh(UUID.randomUUID());
        Instant revokedAt = now();

        tokens.revokeFamily(family, revokedAt);

        assertEquals(revokedAt, tokens.findByHash(first.tokenHash()).orElseThrow().revokedAt());
        assertEquals(revokedAt, tokens.findByHash(second.tokenHash()).orElseThrow().revokedAt());
        assertNull(tokens.findByHash(stranger.tokenHash()).orElseThrow().revokedAt());
        assertFalse(tokens.findByHash(first.tokenHash()).orElseThrow().isUsable(now()));
    }

    private RefreshToken insertFresh(UUID family) {
        RefreshToken token = new RefreshToken(newHash(), family, device, now(), now().plus(Duration.ofDays(1)), null, null);
        tokens.insert(token);
        return token;
    }

    /** A random 64-hex-digit value, shaped like the SHA-256 hashes the store keeps. */
    private static String newHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
