package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.emulator.tencent.TencentUserSigs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UserSigs from the issuer, decoded and verified by the emulator's independent verifier. */
class TencentTokenIssuerTest {

    private static final long SDK_APP_ID = 1400000000L;
    private static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    private static final Duration TTL = Duration.ofHours(2);

    private final TencentTokenIssuer issuer = new TencentTokenIssuer(new TencentSettings(SDK_APP_ID, KEY, "AKIDexample",
            "secret", "ap-guangzhou", null, null, Duration.ofSeconds(5)));

    @Test
    void issuesAUserSigForTheUserInTheStringRoom() {
        Instant before = Instant.now();

        JoinCredential credential = issuer.issue(new JoinRequest("room-1", "alice", ParticipantRole.COHOST, TTL));

        assertEquals(Vendor.TENCENT, credential.vendor());
        assertEquals("1400000000", credential.appId());
        assertEquals("room-1", credential.channel());
        assertEquals("alice", credential.userId());
        assertEquals(Optional.empty(), credential.uid());
        assertEquals(ParticipantRole.COHOST, credential.role());
        assertTrue(credential.urls().isEmpty());
        var decoded = TencentUserSigs.decode(credential.token());
        assertEquals("alice", decoded.identifier());
        assertEquals(SDK_APP_ID, decoded.sdkAppId());
        assertEquals(TTL.toSeconds(), decoded.expire());
        assertFalse(credential.expiresAt().isAfter(decoded.expiresAt()), "the stated expiry is never late");
        assertFalse(credential.expiresAt().isBefore(before.plus(TTL).minusSeconds(1)));
    }

    @Test
    void theUserSigVerifiesWithTheApplicationKey() {
        String userSig = issue("alice", TTL);

        assertEquals(Optional.empty(), TencentUserSigs.verify(userSig, SDK_APP_ID, KEY, "alice", Instant.now()));
    }

    @Test
    void theUserSigIsRefusedWithAnotherKey() {
        assertEquals(Optional.of("sig not match"),
                TencentUserSigs.verify(issue("alice", TTL), SDK_APP_ID, KEY.replace('b', 'c'), "alice", Instant.now()));
    }

    @Test
    void theUserSigIsRefusedForAnotherUser() {
        assertEquals(Optional.of("identifier not match"),
                TencentUserSigs.verify(issue("alice", TTL), SDK_APP_ID, KEY, "mallory", Instant.now()));
    }

    @Test
    void theUserSigIsRefusedOnceExpired() {
        String userSig = issue("alice", Duration.ofMinutes(1));

        assertEquals(Optional.of("expired"),
                TencentUserSigs.verify(userSig, SDK_APP_ID, KEY, "alice", Instant.now().plus(Duration.ofMinutes(2))));
    }

    @Test
    void refusesATtlShorterThanASecond() {
        assertThrows(IllegalArgumentException.class, () -> issue("alice", Duration.ofMillis(500)));
    }

    @Test
    void isTencents() {
        assertEquals(Vendor.TENCENT, issuer.vendor());
    }

    @Test
    void keepsTheUserSigOutOfToString() {
        JoinCredential credential = issuer.issue(new JoinRequest("room-1", "alice", ParticipantRole.HOST, TTL));

        assertFalse(credential.toString().contains(credential.token()));
    }

    private String issue(String userId, Duration ttl) {
        return issuer.issue(new JoinRequest("room-1", userId, ParticipantRole.AUDIENCE, ttl)).token();
    }
}
