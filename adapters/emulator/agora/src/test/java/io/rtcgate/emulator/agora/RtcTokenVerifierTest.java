package io.rtcgate.emulator.agora;

import static io.rtcgate.emulator.agora.PublishedTokens.APP_CERTIFICATE;
import static io.rtcgate.emulator.agora.PublishedTokens.APP_ID;
import static io.rtcgate.emulator.agora.PublishedTokens.CHANNEL;
import static io.rtcgate.emulator.agora.PublishedTokens.UID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator's RTC token checks, driven by the published vectors at a time inside their 600 s. */
class RtcTokenVerifierTest {

    private static final Clock DURING = at(PublishedTokens.ISSUE_TS + 300);
    private static final AgoraCredentials PUBLISHED =
            new AgoraCredentials(APP_ID, APP_CERTIFICATE, "customer-key", "customer-secret");

    private final AgoraEmulator emulator = new AgoraEmulator(DURING, PUBLISHED);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aJoinTokenAdmitsItsUidToItsChannel() {
        assertEquals(Optional.empty(), emulator.verifyRtcToken(PublishedTokens.RTC_JOIN, CHANNEL, UID, false));
    }

    @Test
    void aJoinOnlyTokenDoesNotLetItsHolderPublish() {
        assertEquals(Optional.of("token grants no publish audio stream privilege"),
                emulator.verifyRtcToken(PublishedTokens.RTC_JOIN, CHANNEL, UID, true));
    }

    @Test
    void aPublisherTokenLetsItsHolderPublish() {
        assertEquals(Optional.empty(), emulator.verifyRtcToken(PublishedTokens.RTC_PUBLISH_RTM_CHAT, CHANNEL, UID, true));
    }

    @Test
    void aTokenForUidZeroAdmitsAnyUid() {
        assertEquals(Optional.empty(), emulator.verifyRtcToken(PublishedTokens.RTC_ANY_UID_JOIN, CHANNEL, 12345, false));
    }

    @Test
    void wrongCertificateIsRefused() {
        var otherCertificate = new AgoraCredentials(APP_ID, "00000000000000000000000000000000", "k", "s");
        try (AgoraEmulator other = new AgoraEmulator(DURING, otherCertificate)) {
            assertEquals(Optional.of("token signature does not match the app certificate"),
                    other.verifyRtcToken(PublishedTokens.RTC_JOIN, CHANNEL, UID, false));
        }
    }

    @Test
    void wrongAppIdIsRefused() {
        var otherApp = new AgoraCredentials("0123456789abcdef0123456789abcdef", APP_CERTIFICATE, "k", "s");
        try (AgoraEmulator other = new AgoraEmulator(DURING, otherApp)) {
            assertTrue(other.verifyRtcToken(PublishedTokens.RTC_JOIN, CHANNEL, UID, false).orElseThrow().contains("app id"));
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        long expiry = PublishedTokens.ISSUE_TS + PublishedTokens.EXPIRE;
        try (AgoraEmulator lastSecond = new AgoraEmulator(at(expiry - 1), PUBLISHED);
             AgoraEmulator expired = new AgoraEmulator(at(expiry), PUBLISHED)) {
            assertEquals(Optional.empty(), lastSecond.verifyRtcToken(PublishedTokens.RTC_JOIN, CHANNEL, UID, false));
            assertEquals(Optional.of("token expired at " + Instant.ofEpochSecond(expiry)),
                    expired.verifyRtcToken(PublishedTokens.RTC_JOIN, CHANNEL, UID, false));
        }
    }

    @Test
    void aTokenForAnotherChannelOrUidIsRefused() {
        assertEquals(Optional.of("token is for channel " + CHANNEL + ", not other"),
                emulator.verifyRtcToken(PublishedTokens.RTC_JOIN, "other", UID, false));
        assertEquals(Optional.of("token is for uid " + UID + ", not 7"),
                emulator.verifyRtcToken(PublishedTokens.RTC_JOIN, CHANNEL, 7, false));
    }

    @Test
    void aTokenWithoutAnRtcServiceIsRefused() {
        assertEquals(Optional.of("token has no RTC service"), emulator.verifyRtcToken(PublishedTokens.RTM, CHANNEL, UID, false));
    }

    @Test
    void aMalformedTokenIsRefused() {
        assertTrue(emulator.verifyRtcToken("not a token", CHANNEL, UID, false).isPresent());
    }

    @Test
    void joiningWithATokenChecksItFirst() {
        JoinResult refused = emulator.joinChannel(CHANNEL, UID, true, PublishedTokens.RTC_JOIN);
        JoinResult audience = emulator.joinChannel(CHANNEL, UID, false, PublishedTokens.RTC_JOIN);

        assertFalse(refused.joined());
        assertTrue(refused.refusal().orElseThrow().contains("publish"));
        assertTrue(audience.joined());
        assertTrue(emulator.isInChannel(CHANNEL, UID));
    }

    @Test
    void everyoneInACommunicationChannelPublishes() {
        emulator.setChannelProfile(CHANNEL, ChannelProfile.COMMUNICATION);

        assertFalse(emulator.joinChannel(CHANNEL, UID, false, PublishedTokens.RTC_JOIN).joined());
        assertTrue(emulator.joinChannel(CHANNEL, UID, false, PublishedTokens.RTC_PUBLISH_RTM_CHAT).joined());
    }

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
