package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.emulator.agora.AgoraCredentials;
import io.rtcgate.emulator.agora.DecodedToken;
import io.rtcgate.emulator.agora.RtcPrivilege;
import io.rtcgate.emulator.agora.RtcTokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issued tokens, checked by the emulator's verifier, which decodes them without Agora's library. */
class AgoraTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2030-03-04T05:06:07.890Z");
    private static final Instant NOW_IN_SECONDS = Instant.parse("2030-03-04T05:06:07Z");
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final String CHANNEL = "room-42";

    private final AgoraCredentials project = AgoraCredentials.random();
    private final InMemoryNumericUidRegistry uids = new InMemoryNumericUidRegistry(3_000_000_000L);
    private final AgoraTokenIssuer issuer = issuer(uids);

    @Test
    void credentialNamesTheUserAndTheirUid() {
        JoinCredential credential = issuer.issue(new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, TTL));

        assertEquals(Vendor.AGORA, credential.vendor());
        assertEquals(project.appId(), credential.appId());
        assertEquals(CHANNEL, credential.channel());
        assertEquals("alice", credential.userId());
        assertEquals(Optional.of(uids.uidFor("alice")), credential.uid());
        assertEquals(ParticipantRole.HOST, credential.role());
        assertEquals(NOW_IN_SECONDS.plus(TTL), credential.expiresAt());
        assertEquals(Map.of(), credential.urls());
        assertTrue(credential.token().startsWith("007"));
    }

    @Test
    void tokenIsIssuedNowForTheTtlWithEveryPrivilegeAsLong() {
        JoinCredential credential = issuer.issue(new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, TTL));

        DecodedToken token = DecodedToken.decode(credential.token());
        assertEquals(project.appId(), token.appId());
        assertEquals(NOW_IN_SECONDS.getEpochSecond(), token.issueTs());
        assertEquals(TTL.toSeconds(), token.expire());
        assertTrue(token.isSignedWith(project.appCertificate()));
        DecodedToken.Service rtc = token.service(DecodedToken.SERVICE_RTC).orElseThrow();
        assertEquals(List.of(CHANNEL, "3000000000"), rtc.fields(), "uids above 2^31 are written unsigned");
        assertEquals(Map.of(1, 1800L, 2, 1800L, 3, 1800L, 4, 1800L), rtc.privileges());
        assertEquals(1, token.services().size());
    }

    @Test
    void hostsAndCohostsMayPublish() {
        for (ParticipantRole role : List.of(ParticipantRole.HOST, ParticipantRole.COHOST)) {
            JoinCredential credential = issuer.issue(new JoinRequest(CHANNEL, "user-" + role, role, TTL));

            assertEquals(Set.of(RtcPrivilege.JOIN_CHANNEL, RtcPrivilege.PUBLISH_AUDIO_STREAM, RtcPrivilege.PUBLISH_VIDEO_STREAM,
                    RtcPrivilege.PUBLISH_DATA_STREAM), privileges(credential), role.name());
            assertEquals(Optional.empty(), verifierAt(NOW).verify(credential.token(), CHANNEL, credential.uid().orElseThrow(), true));
        }
    }

    @Test
    void theAudienceMayOnlyJoin() {
        JoinCredential credential = issuer.issue(new JoinRequest(CHANNEL, "bob", ParticipantRole.AUDIENCE, TTL));
        long uid = credential.uid().orElseThrow();

        assertEquals(Set.of(RtcPrivilege.JOIN_CHANNEL), privileges(credential));
        assertEquals(Optional.empty(), verifierAt(NOW).verify(credential.token(), CHANNEL, uid, false));
        assertTrue(verifierAt(NOW).verify(credential.token(), CHANNEL, uid, true).orElseThrow().contains("publish"));
    }

    @Test
    void tokenAdmitsOnlyItsUserToItsChannelUntilItExpires() {
        JoinCredential credential = issuer.issue(new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, TTL));
        long uid = credential.uid().orElseThrow();
        RtcTokenVerifier now = verifierAt(NOW);

        assertTrue(now.verify(credential.token(), "other-room", uid, false).isPresent());
        assertTrue(now.verify(credential.token(), CHANNEL, uids.uidFor("mallory"), false).isPresent());
        assertEquals(Optional.empty(), verifierAt(credential.expiresAt().minusSeconds(1)).verify(credential.token(), CHANNEL, uid, true));
        assertTrue(verifierAt(credential.expiresAt()).verify(credential.token(), CHANNEL, uid, false).orElseThrow().contains("expired"));
    }

    @Test
    void anotherCertificateDoesNotVerify() {
        JoinCredential credential = issuer.issue(new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, TTL));
        RtcTokenVerifier otherCertificate = new RtcTokenVerifier(project.appId(), AgoraCredentials.random().appCertificate(), fixed(NOW));

        assertEquals(Optional.of("token signature does not match the app certificate"),
                otherCertificate.verify(credential.token(), CHANNEL, credential.uid().orElseThrow(), false));
    }

    @Test
    void everyTokenHasItsOwnSalt() {
        JoinRequest request = new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, TTL);

        assertNotEquals(DecodedToken.decode(issuer.issue(request).token()).salt(), DecodedToken.decode(issuer.issue(request).token()).salt());
    }

    @Test
    void ttlRunsFromOneSecondToADay() {
        assertEquals(NOW_IN_SECONDS.plusSeconds(86_400),
                issuer.issue(new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, Duration.ofHours(24))).expiresAt());
        assertEquals(NOW_IN_SECONDS.plusSeconds(1),
                issuer.issue(new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, Duration.ofSeconds(1))).expiresAt());
        for (Duration ttl : List.of(Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5), Duration.ofHours(24).plusSeconds(1))) {
            assertThrows(IllegalArgumentException.class,
                    () -> issuer.issue(new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, ttl)), ttl.toString());
        }
    }

    @Test
    void uidsAgoraCannotTakeAreRefused() {
        for (long impossible : new long[] {0, -1, 1L << 32}) {
            AgoraTokenIssuer badRegistry = issuer(new FixedUidRegistry(impossible));

            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> badRegistry.issue(new JoinRequest(CHANNEL, "alice", ParticipantRole.HOST, TTL)));
            assertTrue(error.getMessage().contains(Long.toString(impossible)), error.getMessage());
        }
    }

    @Test
    void isAgoras() {
        assertEquals(Vendor.AGORA, issuer.vendor());
    }

    private AgoraTokenIssuer issuer(NumericUidRegistry registry) {
        AgoraSettings settings = new AgoraSettings(project.appId(), project.appCertificate(), project.customerKey(),
                project.customerSecret(), AgoraSettings.DEFAULT_BASE_URL, Duration.ofSeconds(5));
        return new AgoraTokenIssuer(settings, registry, fixed(NOW));
    }

    private RtcTokenVerifier verifierAt(Instant instant) {
        return new RtcTokenVerifier(project.appId(), project.appCertificate(), fixed(instant));
    }

    private static Set<RtcPrivilege> privileges(JoinCredential credential) {
        Set<Integer> codes = DecodedToken.decode(credential.token()).service(DecodedToken.SERVICE_RTC).orElseThrow().privileges().keySet();
        return Arrays.stream(RtcPrivilege.values()).filter(privilege -> codes.contains(privilege.code()))
                .collect(Collectors.toSet());
    }

    private static Clock fixed(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A registry that hands every user the same uid, to see what the issuer does with a bad one. */
    private record FixedUidRegistry(long uid) implements NumericUidRegistry {

        @Override
        public long uidFor(String userId) {
            return uid;
        }

        @Override
        public Optional<String> userFor(long uid) {
            return Optional.empty();
        }
    }
}
