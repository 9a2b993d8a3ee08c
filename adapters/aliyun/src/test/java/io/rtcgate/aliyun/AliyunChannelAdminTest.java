package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Participant;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.aliyun.ArtcJoinRefusedException;
import io.rtcgate.emulator.aliyun.ForbiddenStream;
import io.rtcgate.emulator.aliyun.LiveStreamRef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel admin through the real Aliyun SDK against a started emulator, over HTTP. */
class AliyunChannelAdminTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final ChannelRef ROOM = new ChannelRef("room-1", "room-1-live", "alice");

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final AliyunEmulator emulator = AliyunEmulator.withRandomCredentials(Clock.systemUTC()).start();
    private final AliyunSettings settings = TestSettings.forEmulator(emulator, emulator.credentials().accessKeySecret(), TIMEOUT);
    private final AliyunChannelAdmin admin = admin(settings, Clock.fixed(now, ZoneOffset.UTC));
    private final AliyunParticipantLister lister = new AliyunParticipantLister(settings, new AliyunLiveClient(settings));
    private final AliyunArtcTokenIssuer issuer = new AliyunArtcTokenIssuer(settings, Clock.systemUTC());

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void join(String userId, ParticipantRole role) {
        String token = issuer.issue(new JoinRequest(ROOM.channel(), userId, role, Duration.ofHours(1))).token();
        emulator.joinChannel(ROOM.channel(), userId, token, role.publishes());
    }

    private String camera(String userId) {
        return emulator.credentials().artcAppId() + "_" + ROOM.channel() + "_" + userId + "_camera";
    }

    @Test
    void kickForbidsTheUsersCameraStreamUntilTheBanEnds() {
        join("alice", ParticipantRole.HOST);
        join("bob", ParticipantRole.COHOST);

        admin.kick(ROOM, "bob", Duration.ofMinutes(10));

        LiveStreamRef bobsCamera = new LiveStreamRef("push.example.com", "live", camera("bob"));
        assertEquals(List.of(new ForbiddenStream(bobsCamera, Optional.of(now.plus(Duration.ofMinutes(10))))), emulator.forbiddenStreams());
        RecordedRequest forbid = emulator.requests().get(0);
        assertEquals("ForbidLiveStream", forbid.action());
        assertEquals(200, forbid.status());
        Map<String, String> query = query(forbid);
        assertEquals(camera("bob"), query.get("StreamName"));
        assertEquals("publisher", query.get("LiveStreamType"));
        assertEquals(now.plus(Duration.ofMinutes(10)).toString(), query.get("ResumeTime"));
        assertFalse(query.containsKey("Oneshot"));
        assertEquals(new Participants(users("alice"), users()), lister.participants(ROOM));
        assertThrows(ArtcJoinRefusedException.class, () -> join("bob", ParticipantRole.COHOST));
    }

    @Test
    void participantsMapsInteractiveUsersToHostsAndLiveUsersToTheAudience() {
        join("alice", ParticipantRole.HOST);
        join("bob", ParticipantRole.COHOST);
        join("carol", ParticipantRole.AUDIENCE);

        assertEquals(new Participants(users("alice", "bob"), users("carol")), lister.participants(ROOM));
        Map<String, String> query = query(emulator.requests().get(0));
        assertEquals("DescribeChannelUsers", query.get("Action"));
        assertEquals(emulator.credentials().artcAppId(), query.get("AppId"));
        assertEquals("room-1", query.get("ChannelId"));
    }

    @Test
    void participantsOfAChannelNobodyIsInAreNone() {
        assertEquals(new Participants(users(), users()), lister.participants(ROOM));
    }

    @Test
    void closeDeletesTheChannelAndCutsTheAnchorsStreamOnce() {
        join("alice", ParticipantRole.HOST);
        join("carol", ParticipantRole.AUDIENCE);

        admin.close(ROOM);

        assertFalse(emulator.channelUsers(ROOM.channel()).exists());
        assertEquals(List.of(new LiveStreamRef("push.example.com", "live", "room-1-live")), emulator.cutStreams());
        assertEquals(List.of(), emulator.forbiddenStreams());
        assertEquals(List.of("DeleteChannel", "ForbidLiveStream"), emulator.requests().stream().map(RecordedRequest::action).toList());
        assertEquals("yes", query(emulator.requests().get(1)).get("Oneshot"));
    }

    @Test
    void aWrongAccessKeySecretIsRejectedWithSignatureDoesNotMatch() {
        AliyunSettings wrong = TestSettings.forEmulator(emulator, "not-the-secret", TIMEOUT);
        AliyunParticipantLister wrongSecret = new AliyunParticipantLister(wrong, new AliyunLiveClient(wrong));

        VendorException failure = assertThrows(VendorException.class, () -> wrongSecret.participants(ROOM));

        assertFailure(failure, "participants", Kind.REJECTED, "SignatureDoesNotMatch");
        assertFalse(failure.getMessage().contains("not-the-secret"), failure.getMessage());
        assertFalse(failure.getMessage().contains("string to sign"), failure.getMessage());
    }

    @Test
    void aClockFarFromAliyunsIsRejectedWithInvalidTimeStampExpired() {
        try (AliyunEmulator skewed = new AliyunEmulator(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20)), emulator.credentials())) {
            skewed.start();
            AliyunChannelAdmin admin = admin(
                    TestSettings.forEmulator(skewed, skewed.credentials().accessKeySecret(), TIMEOUT), Clock.systemUTC());

            VendorException failure = assertThrows(VendorException.class, () -> admin.close(ROOM));

            assertFailure(failure, "close", Kind.REJECTED, "InvalidTimeStamp.Expired");
        }
    }

    @Test
    void refusedConnectionsAreTransportFailuresUntilTheListenerIsBack() {
        emulator.refuseConnectionsFor(Duration.ofMillis(300));

        VendorException failure = assertThrows(VendorException.class, () -> lister.participants(ROOM));

        assertFailure(failure, "participants", Kind.TRANSPORT, "SDK.ServerUnreachable");
        assertFalse(failure.getMessage().contains("Signature="), failure.getMessage());
        assertTrue(eventuallySucceeds(Duration.ofSeconds(3)), "the emulator listens again after the period");
    }

    @Test
    void aDroppedConnectionIsATransportFailureAndTheNextCallSucceeds() {
        assertFailsOnceThenSucceeds(() -> emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 1), Kind.TRANSPORT, "SDK.ServerUnreachable");
    }

    @Test
    void aServerErrorIsAServerErrorAndTheNextCallSucceeds() {
        assertFailsOnceThenSucceeds(() -> emulator.faults().failNext(FaultKind.SERVER_ERROR, 1), Kind.SERVER_ERROR, "ServiceUnavailable");
    }

    @Test
    void throttlingIsThrottledAndTheNextCallSucceeds() {
        assertFailsOnceThenSucceeds(() -> emulator.faults().failNext(FaultKind.THROTTLE, 1), Kind.THROTTLED, "Throttling.User");
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsATimeoutAndTheNextCallSucceeds() {
        assertFailsOnceThenSucceeds(() -> emulator.faults().delayNext(TIMEOUT.plusMillis(500), 1), Kind.TIMEOUT, "SDK.ReadTimeout");
    }

    @Test
    void anAnswerWithinTheTimeoutSucceeds() {
        join("alice", ParticipantRole.HOST);
        emulator.faults().delayNext(Duration.ofMillis(200), 1);

        assertEquals(new Participants(users("alice"), users()), lister.participants(ROOM));
    }

    @Test
    void aliyunsFactoryOffersTokensChannelAdminParticipantListsStreamUrlsAndStreamCallbacks() {
        var ports = AliyunPorts.create(settings, Clock.systemUTC());

        assertEquals(List.of(AliyunArtcTokenIssuer.class, AliyunChannelAdmin.class, AliyunParticipantLister.class,
                AliyunTypeAUrlSigner.class, AliyunStreamCallbacks.class), ports.stream().map(Object::getClass).toList());
        assertTrue(ports.stream().allMatch(port -> port.vendor() == Vendor.ALIYUN));
    }

    private static List<Participant> users(String... userIds) {
        return Stream.of(userIds).map(Participant::user).toList();
    }

    private static AliyunChannelAdmin admin(AliyunSettings settings, Clock clock) {
        return new AliyunChannelAdmin(settings, clock, new AliyunLiveClient(settings));
    }

    /** One failing call reaches the emulator exactly once (no SDK retries); the call after it goes through. */
    private void assertFailsOnceThenSucceeds(Runnable armFault, Kind kind, String vendorCode) {
        armFault.run();

        VendorException failure = assertThrows(VendorException.class, () -> admin.kick(ROOM, "bob", Duration.ofMinutes(1)));

        assertFailure(failure, "kick", kind, vendorCode);
        admin.kick(ROOM, "bob", Duration.ofMinutes(1));
        assertEquals(1, emulator.forbiddenStreams().size());
        // A delayed request is recorded when its late answer goes out, after the next call's.
        awaitRecordedRequests(2, TIMEOUT);
        assertEquals(2, emulator.requests().size(), "one failed attempt and one successful call, no retries");
    }

    private void awaitRecordedRequests(int count, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (emulator.requests().size() < count && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(20));
        }
    }

    private static void assertFailure(VendorException failure, String operation, Kind kind, String vendorCode) {
        assertEquals(Vendor.ALIYUN, failure.vendor());
        assertEquals(operation, failure.operation());
        assertEquals(kind, failure.kind());
        assertEquals(vendorCode, failure.vendorCode());
    }

    private boolean eventuallySucceeds(Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try {
                lister.participants(ROOM);
                return true;
            } catch (VendorException stillRefused) {
                sleep(Duration.ofMillis(50));
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Map<String, String> query(RecordedRequest request) {
        return Arrays.stream(request.query().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
