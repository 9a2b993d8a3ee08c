package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.emulator.aliyun.ArtcJoinRefusedException;
import io.rtcgate.emulator.aliyun.ArtcTokenVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ARTC join credentials, against vendors.md §3.3 and the emulator's independent verifier. */
class AliyunArtcTokenIssuerTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final long IN_AN_HOUR = NOW.getEpochSecond() + 3600;

    private final AliyunArtcTokenIssuer issuer = new AliyunArtcTokenIssuer(TestSettings.with("app1", "key1"), fixedAt(NOW));

    private static Clock fixedAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void classicTokenMatchesTheDocumentedVector() {
        assertEquals("3c9ee8d9f8734f0b7560ed8022a0590659113955819724fc9345ab8eedf84f31",
                AliyunArtcTokenIssuer.classicToken("abc", "abckey", "abcChannel", "abcUser", "", 1699423634L));
    }

    @Test
    void theTokenIsBase64OfTheSingleParameterJsonInItsKeyOrder() {
        JoinCredential credential = issuer.issue(new JoinRequest("room-1", "alice_01", ParticipantRole.HOST, Duration.ofHours(1)));

        String hash = AliyunArtcTokenIssuer.classicToken("app1", "key1", "room-1", "alice_01", "", IN_AN_HOUR);
        assertEquals("{\"appid\":\"app1\",\"channelid\":\"room-1\",\"userid\":\"alice_01\",\"nonce\":\"\",\"timestamp\":" + IN_AN_HOUR
                + ",\"token\":\"" + hash + "\"}", new String(Base64.getDecoder().decode(credential.token()), StandardCharsets.UTF_8));
        assertEquals(Vendor.ALIYUN, credential.vendor());
        assertEquals("app1", credential.appId());
        assertEquals(Optional.empty(), credential.uid());
        assertEquals(Instant.ofEpochSecond(IN_AN_HOUR), credential.expiresAt());
        assertEquals(ParticipantRole.HOST, credential.role());
    }

    @Test
    void hostsAndCoHostsGetPushAndPullCoHostUrls() {
        for (ParticipantRole role : new ParticipantRole[] {ParticipantRole.HOST, ParticipantRole.COHOST}) {
            JoinCredential credential = issuer.issue(new JoinRequest("room-1", "bob", role, Duration.ofHours(1)));

            String query = "?sdkAppId=app1&userId=bob&timestamp=" + IN_AN_HOUR + "&token="
                    + AliyunArtcTokenIssuer.classicToken("app1", "key1", "room-1", "bob", "", IN_AN_HOUR);
            assertEquals(Map.of(
                    "rtc_push_url", "artc://live.aliyun.com/push/room-1" + query,
                    "rtc_pull_url", "artc://live.aliyun.com/play/room-1" + query), credential.urls());
        }
    }

    @Test
    void theAudienceGetsOnlyThePullUrl() {
        JoinCredential credential = issuer.issue(new JoinRequest("room-1", "carol", ParticipantRole.AUDIENCE, Duration.ofHours(1)));

        assertEquals(Set.of(AliyunArtcTokenIssuer.PULL_URL), credential.urls().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "dot.ted", "中文", "slash/ed"})
    void refusesIdsArtcWouldRefuseNamingTheIdAsARejection(String id) {
        VendorException badChannel = assertThrows(VendorException.class,
                () -> issuer.issue(new JoinRequest(id, "alice", ParticipantRole.HOST, Duration.ofHours(1))));
        VendorException badUser = assertThrows(VendorException.class,
                () -> issuer.issue(new JoinRequest("room-1", id, ParticipantRole.HOST, Duration.ofHours(1))));

        assertEquals(VendorException.Kind.REJECTED, badChannel.kind());
        assertTrue(badChannel.getMessage().contains("a channel of 1-64 characters"), badChannel.getMessage());
        assertTrue(badUser.getMessage().contains("a user_id of 1-64 characters"), badUser.getMessage());
    }

    @Test
    void idsMayBeSixtyFourCharactersLongButNoLonger() {
        String longest = "A".repeat(64);

        assertEquals(longest, issuer.issue(new JoinRequest(longest, longest, ParticipantRole.HOST, Duration.ofHours(1))).channel());
        assertThrows(VendorException.class,
                () -> issuer.issue(new JoinRequest(longest + "A", "alice", ParticipantRole.HOST, Duration.ofHours(1))));
    }

    @Test
    void ttlIsCutToTheTwentyFourHoursArtcAcceptsAndMustBePositive() {
        JoinCredential credential = issuer.issue(new JoinRequest("room-1", "alice", ParticipantRole.HOST, Duration.ofDays(3)));

        assertEquals(NOW.plus(Duration.ofHours(24)), credential.expiresAt());
        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue(new JoinRequest("room-1", "alice", ParticipantRole.HOST, Duration.ZERO)));
    }

    @Test
    void offersJoinCredentials() {
        assertEquals(Vendor.ALIYUN, issuer.vendor());
    }

    @Test
    void anIssuedTokenVerifiesInTheEmulator() {
        JoinCredential credential = issuer.issue(new JoinRequest("room-1", "alice", ParticipantRole.COHOST, Duration.ofHours(1)));

        Instant expiresAt = new ArtcTokenVerifier("app1", "key1", fixedAt(NOW)).verify(credential.token(), "room-1", "alice");

        assertEquals(credential.expiresAt(), expiresAt);
    }

    @Test
    void theEmulatorRejectsTamperedAndExpiredTokens() {
        JoinCredential credential = issuer.issue(new JoinRequest("room-1", "alice", ParticipantRole.HOST, Duration.ofHours(1)));
        String json = new String(Base64.getDecoder().decode(credential.token()), StandardCharsets.UTF_8);
        String tampered = Base64.getEncoder().encodeToString(json.replace("\"userid\":\"alice\"", "\"userid\":\"mallory\"")
                .getBytes(StandardCharsets.UTF_8));

        ArtcTokenVerifier now = new ArtcTokenVerifier("app1", "key1", fixedAt(NOW));
        ArtcTokenVerifier later = new ArtcTokenVerifier("app1", "key1", fixedAt(NOW.plus(Duration.ofHours(2))));
        ArtcTokenVerifier otherKey = new ArtcTokenVerifier("app1", "key2", fixedAt(NOW));

        assertThrows(ArtcJoinRefusedException.class, () -> now.verify(tampered, "room-1", "mallory"));
        assertThrows(ArtcJoinRefusedException.class, () -> later.verify(credential.token(), "room-1", "alice"));
        assertThrows(ArtcJoinRefusedException.class, () -> otherKey.verify(credential.token(), "room-1", "alice"));
    }
}
