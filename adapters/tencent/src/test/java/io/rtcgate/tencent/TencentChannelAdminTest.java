package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtcgate.domain.vendor.ParticipantLister;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.tencent.TencentEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The adapter through Tencent's real SDK against the emulator on loopback, with a 1 s call timeout. */
class TencentChannelAdminTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final ChannelRef ROOM = new ChannelRef("room-1", "stream-1", "alice");

    private TencentEmulator emulator;
    private TencentSettings settings;
    private TencentChannelAdmin admin;

    @BeforeEach
    void start() {
        emulator = TencentEmulator.withRandomCredentials(Clock.systemUTC()).start();
        settings = settingsWithSecretKey(emulator.credentials().secretKey());
        admin = admin(settings);
        enter("alice");
        enter("bob");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void kickRemovesTheUserFromTheRoom() {
        admin.kick(ROOM, "bob", Duration.ofMinutes(10));

        assertEquals(Set.of("alice"), emulator.usersIn(ROOM.channel()));
        RecordedRequest request = emulator.requests().get(0);
        assertEquals("RemoveUserByStrRoomId", request.header("X-TC-Action"));
        assertEquals(TencentEmulator.API_VERSION, request.header("X-TC-Version"));
        assertEquals("ap-guangzhou", request.header("X-TC-Region"));
        assertTrue(request.header("Authorization").contains("/127/tc3_request"), "the SDK signs service 127 for 127.0.0.1");
        JsonNode body = json(request.body());
        assertEquals(Set.of("SdkAppId", "RoomId", "UserIds"), fieldNames(body), "TRTC has no ban duration to send");
        assertTrue(body.get("SdkAppId").isIntegralNumber());
        assertEquals(settings.sdkAppId(), body.get("SdkAppId").longValue());
        assertEquals("room-1", body.get("RoomId").textValue());
        assertEquals("[\"bob\"]", body.get("UserIds").toString());
    }

    @Test
    void closeDismissesTheRoom() {
        admin.close(ROOM);

        assertFalse(emulator.roomExists(ROOM.channel()));
        RecordedRequest request = emulator.requests().get(0);
        assertEquals("DismissRoomByStrRoomId", request.header("X-TC-Action"));
        JsonNode body = json(request.body());
        assertEquals(Set.of("SdkAppId", "RoomId"), fieldNames(body));
        assertEquals("room-1", body.get("RoomId").textValue());
    }

    @Test
    void tencentsFactoryOffersJoinTokensChannelAdminIngestMixingAndTheCallbackEndpointButNoParticipantList() {
        var ports = TencentPorts.create(settings);

        assertEquals(List.of(TencentTokenIssuer.class, TencentChannelAdmin.class, TencentStreamIngester.class, TencentStreamMixer.class,
                        TencentRecordingCallbacks.class),
                ports.stream().map(Object::getClass).toList());
        assertTrue(ports.stream().noneMatch(port -> port instanceof ParticipantLister), "TRTC API 3.0 lists no users");
        assertTrue(ports.stream().allMatch(port -> port.vendor() == Vendor.TENCENT));
    }

    private static TencentChannelAdmin admin(TencentSettings settings) {
        return new TencentChannelAdmin(settings, TrtcClients.create(settings));
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aWrongSecretKeyIsARefusalWithTencentsCode() {
        var wrongKey = admin(settingsWithSecretKey("not-the-secret-key"));

        VendorException failure = assertThrows(VendorException.class, () -> wrongKey.kick(ROOM, "bob", Duration.ZERO));

        assertEquals(Kind.REJECTED, failure.kind());
        assertEquals("AuthFailure.SignatureFailure", failure.vendorCode());
        assertEquals("kick", failure.operation());
        assertFalse(failure.getMessage().contains("not-the-secret-key"), failure.getMessage());
        assertEquals(Set.of("alice", "bob"), emulator.usersIn(ROOM.channel()));
    }

    @Test
    void aRoomThatDoesNotExistIsARefusal() {
        VendorException failure = assertThrows(VendorException.class,
                () -> admin.close(new ChannelRef("no-such-room", "stream", "anchor")));

        assertEquals(Kind.REJECTED, failure.kind());
        assertEquals("FailedOperation.RoomNotExist", failure.vendorCode());
    }

    @Test
    void aClosedListenerIsATransportFailureUntilItReopens() {
        emulator.refuseConnectionsFor(Duration.ofMillis(300));

        VendorException failure = assertThrows(VendorException.class, () -> admin.close(ROOM));

        assertEquals(Kind.TRANSPORT, failure.kind());
        assertNull(failure.vendorCode());
        eventually(() -> admin.close(ROOM));
        assertFalse(emulator.roomExists(ROOM.channel()));
    }

    static Stream<Arguments> nextCallFaults() {
        return Stream.of(
                Arguments.of(FaultKind.CONNECTION_REFUSED, Kind.TRANSPORT, null),
                Arguments.of(FaultKind.SERVER_ERROR, Kind.SERVER_ERROR, "InternalError"),
                Arguments.of(FaultKind.THROTTLE, Kind.THROTTLED, "RequestLimitExceeded"));
    }

    /** The faulty call is the first on a fresh connection; see the next test for a reused one. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("nextCallFaults")
    void aFaultOnTheNextCallFailsThatCallOnly(FaultKind fault, Kind kind, String vendorCode) {
        emulator.faults().failNext(fault, 1);

        VendorException failure = assertThrows(VendorException.class, () -> admin.kick(ROOM, "bob", Duration.ZERO));

        assertEquals(kind, failure.kind());
        assertEquals(vendorCode, failure.vendorCode());
        assertTrue(failure.kind().countsAgainstHealth());
        admin.kick(ROOM, "bob", Duration.ZERO);
        assertEquals(Set.of("alice"), emulator.usersIn(ROOM.channel()));
    }

    @Test
    void aConnectionDroppedAfterReuseIsRetriedOnceByTheSdk() {
        admin.kick(ROOM, "alice", Duration.ZERO); // leaves a pooled keep-alive connection
        emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 1);

        // okhttp (retryOnConnectionFailure) resends a request lost on a reused connection on a new one.
        admin.kick(ROOM, "bob", Duration.ZERO);
        assertEquals(List.of("RemoveUserByStrRoomId", "dropped", "RemoveUserByStrRoomId"),
                emulator.requests().stream().map(RecordedRequest::action).toList());

        // A second drop, on the new connection, reaches the caller.
        emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 2);
        VendorException failure = assertThrows(VendorException.class, () -> admin.close(ROOM));
        assertEquals(Kind.TRANSPORT, failure.kind());
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsATimeout() {
        emulator.faults().delayNext(TIMEOUT.plusMillis(500), 1);

        VendorException failure = assertThrows(VendorException.class, () -> admin.kick(ROOM, "bob", Duration.ZERO));

        assertEquals(Kind.TIMEOUT, failure.kind());
        admin.kick(ROOM, "bob", Duration.ZERO);
        assertEquals(Set.of("alice"), emulator.usersIn(ROOM.channel()));
    }

    @Test
    void anAnswerWithinTheTimeoutSucceeds() {
        emulator.faults().delayNext(Duration.ofMillis(300), 1);

        admin.kick(ROOM, "bob", Duration.ZERO);

        assertEquals(Set.of("alice"), emulator.usersIn(ROOM.channel()));
    }

    private TencentSettings settingsWithSecretKey(String secretKey) {
        var credentials = emulator.credentials();
        return new TencentSettings(credentials.sdkAppId(), credentials.userSigKey(), credentials.secretId(), secretKey,
                "ap-guangzhou", emulator.hostAndPort(), TencentSettings.HTTP, TIMEOUT);
    }

    /** A user enters with a UserSig from the issuer, as a client would. */
    private void enter(String userId) {
        var credential = new TencentTokenIssuer(settings)
                .issue(new JoinRequest(ROOM.channel(), userId, ParticipantRole.HOST, Duration.ofMinutes(5)));
        emulator.enterRoom(credential.channel(), credential.userId(), credential.token());
    }

    /** Retries until the call succeeds, for at most five seconds. */
    private static void eventually(Runnable call) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            try {
                call.run();
                return;
            } catch (VendorException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep(Duration.ofMillis(50));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
