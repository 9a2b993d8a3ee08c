package io.rtcgate.emulator.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.tencentyun.TLSSigAPIv2;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.FaultKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The emulator over real HTTP: what §4.2 of vendors.md says a fake Tencent must check. */
class TencentEmulatorTest {

    private static final String ROOM = "room-1";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A DismissRoomByStrRoomId body. */
    record RoomBody(@JsonProperty("SdkAppId") long sdkAppId, @JsonProperty("RoomId") String roomId) {
    }

    private TencentEmulator emulator;

    @BeforeEach
    void start() {
        emulator = TencentEmulator.withRandomCredentials(Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void removeUserTakesTheUsersOutOfTheRoom() {
        enter(ROOM, "alice");
        enter(ROOM, "bob");
        enter(ROOM, "carol");

        JsonNode response = removeUsers(ROOM, List.of("alice", "bob")).send();

        assertEquals(Set.of("RequestId"), names(response), "success carries only the RequestId");
        UUID.fromString(response.get("RequestId").textValue());
        assertEquals(Set.of("carol"), emulator.usersIn(ROOM));
    }

    @Test
    void dismissRoomEndsTheRoomForEveryone() {
        enter(ROOM, "alice");

        assertNull(dismiss(ROOM).errorCode());

        assertFalse(emulator.roomExists(ROOM));
        assertEquals(Set.of(), emulator.usersIn(ROOM));
    }

    @Test
    void aRoomThatDoesNotExistCannotBeActedOn() {
        assertEquals("FailedOperation.RoomNotExist", removeUsers(ROOM, List.of("alice")).errorCode());
        assertEquals("FailedOperation.RoomNotExist", dismiss(ROOM).errorCode());
    }

    @Test
    void recordsTheActionOfEachRequest() {
        enter(ROOM, "alice");
        dismiss(ROOM).send();

        var recorded = emulator.requests().get(0);
        assertEquals(TrtcRoomActions.DISMISS_ROOM, recorded.action());
        assertEquals("POST", recorded.method());
        assertEquals(TencentEmulator.API_VERSION, recorded.header("X-TC-Version"));
    }

    @Test
    void enterRoomRefusesAUserSigTrtcWouldRefuse() {
        String otherKey = new TLSSigAPIv2(emulator.credentials().sdkAppId(), "another-key").genUserSig("alice", 600);

        var refused = assertThrows(IllegalArgumentException.class, () -> emulator.enterRoom(ROOM, "alice", otherKey));

        assertTrue(refused.getMessage().endsWith("sig not match"), refused.getMessage());
        assertFalse(emulator.roomExists(ROOM));
    }

    @Test
    void enterRoomRefusesAUserSigExpiredOnTheEmulatorClock() {
        String userSig = userSig("alice", 60);
        try (var later = new TencentEmulator(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)), emulator.credentials())) {
            var refused = assertThrows(IllegalArgumentException.class, () -> later.enterRoom(ROOM, "alice", userSig));
            assertTrue(refused.getMessage().endsWith("expired"), refused.getMessage());
        }
    }

    @Test
    void acceptsTheServiceOfAnyCredentialScope() {
        enter(ROOM, "alice");
        enter("room-2", "bob");

        // The SDK signs "127" against 127.0.0.1:<port>, "trtc" against its default endpoint.
        assertNull(dismiss(ROOM).service("127").errorCode());
        assertNull(dismiss("room-2").service("trtc").errorCode());
    }

    @Test
    void refusesASignatureMadeWithAnotherSecretKey() {
        assertEquals("AuthFailure.SignatureFailure", dismiss(ROOM).secretKey("not-the-key").errorCode());
    }

    @Test
    void refusesAnUnknownSecretId() {
        assertEquals("AuthFailure.SecretIdNotFound", dismiss(ROOM).secretId("AKIDunknown").errorCode());
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        enter(ROOM, "alice");
        String signed = roomBody(ROOM);
        String sent = roomBody("room-2");

        assertEquals("AuthFailure.SignatureFailure", dismiss(ROOM).body(sent).signedBody(signed).errorCode());
    }

    @Test
    void refusesASignatureOverAnotherHost() {
        assertEquals("AuthFailure.SignatureFailure", dismiss(ROOM).signedHost("trtc.tencentcloudapi.com").errorCode());
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301})
    void refusesATimestampMoreThanFiveMinutesAway(long skewSeconds) {
        long timestamp = Instant.now().getEpochSecond() + skewSeconds;

        assertEquals("AuthFailure.SignatureExpire", dismiss(ROOM).timestamp(timestamp).errorCode());
    }

    @ParameterizedTest
    @ValueSource(longs = {-290, 290})
    void acceptsATimestampWithinFiveMinutes(long skewSeconds) {
        enter(ROOM, "alice");
        long timestamp = Instant.now().getEpochSecond() + skewSeconds;

        assertNull(dismiss(ROOM).timestamp(timestamp).errorCode());
    }

    @Test
    void refusesAScopeDateOtherThanTheDateOfTheTimestamp() {
        long timestamp = Instant.now().getEpochSecond();
        String yesterday = Tc3Signature.utcDate(timestamp - 86400);

        assertEquals("AuthFailure.SignatureFailure", dismiss(ROOM).scopeDate(yesterday).errorCode());
    }

    @Test
    void refusesAnAuthorizationOfAnotherShape() {
        assertEquals("AuthFailure.InvalidAuthorization", dismiss(ROOM).authorization("Basic dXNlcjpwYXNz").errorCode());
        assertEquals("AuthFailure.InvalidAuthorization",
                dismiss(ROOM).authorization("TC3-HMAC-SHA256 Credential=AKID/2024-01-01/trtc/tc3_request, "
                        + "SignedHeaders=content-type;host;x-tc-action, Signature=00").errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "X-TC-Action", "X-TC-Timestamp", "X-TC-Version", "X-TC-Region"})
    void requiresEachCommonHeader(String header) {
        JsonNode error = dismiss(ROOM).without(header).send().get("Error");

        assertEquals("MissingParameter", error.get("Code").textValue());
        assertTrue(error.get("Message").textValue().contains(header), error.toString());
    }

    @Test
    void refusesAnotherApiVersion() {
        assertEquals("NoSuchVersion", dismiss(ROOM).version("2017-03-12").errorCode());
    }

    @Test
    void refusesAnUnknownAction() {
        assertEquals("InvalidAction", dismiss(ROOM).action("DescribeRoomInfo").errorCode());
    }

    @Test
    void servesPostOnly() {
        assertEquals("UnsupportedProtocol", dismiss(ROOM).method("PUT").errorCode());
    }

    static Stream<Arguments> badRemoveUserBodies() {
        return Stream.of(
                Arguments.of("no SdkAppId", "{\"RoomId\":\"room-1\",\"UserIds\":[\"alice\"]}", "MissingParameter"),
                Arguments.of("another SdkAppId", "{\"SdkAppId\":1,\"RoomId\":\"room-1\",\"UserIds\":[\"alice\"]}",
                        "InvalidParameter.SdkAppId"),
                Arguments.of("SdkAppId as text", "{\"SdkAppId\":\"%d\",\"RoomId\":\"room-1\",\"UserIds\":[\"alice\"]}",
                        "InvalidParameter.SdkAppId"),
                Arguments.of("no RoomId", "{\"SdkAppId\":%d,\"UserIds\":[\"alice\"]}", "MissingParameter"),
                Arguments.of("numeric RoomId", "{\"SdkAppId\":%d,\"RoomId\":1234,\"UserIds\":[\"alice\"]}",
                        "InvalidParameter.RoomId"),
                Arguments.of("empty RoomId", "{\"SdkAppId\":%d,\"RoomId\":\"\",\"UserIds\":[\"alice\"]}",
                        "InvalidParameter.RoomId"),
                Arguments.of("no UserIds", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\"}", "MissingParameter"),
                Arguments.of("no user", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\",\"UserIds\":[]}", "InvalidParameter.UserIds"),
                Arguments.of("eleven users", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\",\"UserIds\":"
                        + EmulatorJson.write(Collections.nCopies(11, "u")) + "}", "InvalidParameter.UserIds"),
                Arguments.of("empty user id", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\",\"UserIds\":[\"\"]}",
                        "InvalidParameter.UserIds"),
                Arguments.of("numeric user id", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\",\"UserIds\":[7]}",
                        "InvalidParameter.UserIds"),
                Arguments.of("UserIds not a list", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\",\"UserIds\":\"alice\"}",
                        "InvalidParameter.UserIds"),
                Arguments.of("unknown field", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\",\"UserIds\":[\"alice\"],\"Ban\":60}",
                        "UnknownParameter"),
                Arguments.of("SdkAppId as a decimal", "{\"SdkAppId\":%d.0,\"RoomId\":\"room-1\",\"UserIds\":[\"alice\"]}",
                        "InvalidParameter.SdkAppId"),
                Arguments.of("null RoomId", "{\"SdkAppId\":%d,\"RoomId\":null,\"UserIds\":[\"alice\"]}", "InvalidParameter.RoomId"),
                Arguments.of("RoomId twice", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\",\"RoomId\":\"room-2\",\"UserIds\":[\"alice\"]}",
                        "InvalidParameter"),
                Arguments.of("text after the object", "{\"SdkAppId\":%d,\"RoomId\":\"room-1\",\"UserIds\":[\"alice\"]} x",
                        "InvalidParameter"),
                Arguments.of("an array", "[%d]", "InvalidParameter"),
                Arguments.of("not JSON", "SdkAppId=%d", "InvalidParameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRemoveUserBodies")
    void validatesRemoveUserParameters(String name, String bodyTemplate, String code) {
        enter(ROOM, "alice");
        String body = bodyTemplate.formatted(emulator.credentials().sdkAppId());

        assertEquals(code, TrtcCall.to(emulator).action(TrtcRoomActions.REMOVE_USER).body(body).errorCode());
        assertEquals(Set.of("alice"), emulator.usersIn(ROOM), "a refused call changes nothing");
    }

    @Test
    void aRefusedSdkAppIdIsQuotedAsSent() {
        String body = "{\"SdkAppId\":\"1400000001\",\"RoomId\":\"room-1\",\"UserIds\":[\"alice\"]}";

        JsonNode error = TrtcCall.to(emulator).action(TrtcRoomActions.REMOVE_USER).body(body).send().get("Error");

        assertEquals("SdkAppId `1400000001` is not an application of this account.", error.get("Message").textValue());
    }

    @Test
    void answersInTheEnvelopeTencentDocuments() {
        enter(ROOM, "alice");

        assertTrue(dismiss(ROOM).sendForBody().matches("\\{\"Response\":\\{\"RequestId\":\"" + UUID_PATTERN + "\"}}"));
        assertTrue(dismiss(ROOM).sendForBody().matches("\\{\"Response\":\\{\"Error\":\\{\"Code\":\"FailedOperation.RoomNotExist\","
                + "\"Message\":\"The room `room-1` does not exist.\"},\"RequestId\":\"" + UUID_PATTERN + "\"}}"));
    }

    @Test
    void acceptsTenUsersAtOnce() {
        enter(ROOM, "alice");
        List<String> ten = Collections.nCopies(10, "alice");

        assertNull(removeUsers(ROOM, ten).errorCode());
    }

    @Test
    void answersAServerErrorAsInternalErrorWithHttp200() {
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);

        assertEquals("InternalError", dismiss(ROOM).errorCode());
    }

    @Test
    void answersThrottlingAsRequestLimitExceededWithHttp200() {
        emulator.faults().failNext(FaultKind.THROTTLE, 1);

        assertEquals("RequestLimitExceeded", dismiss(ROOM).errorCode());
    }

    @Test
    void randomCredentialsLookRealAndStayOutOfToString() {
        var credentials = TencentEmulatorCredentials.random();

        assertTrue(credentials.secretId().matches("AKID[A-Za-z0-9]{32}"), credentials.secretId());
        assertTrue(credentials.sdkAppId() >= 1_400_000_000L && credentials.sdkAppId() < 1_500_000_000L);
        assertTrue(credentials.userSigKey().matches("[0-9a-f]{64}"));
        assertFalse(credentials.toString().contains(credentials.secretKey()));
        assertFalse(credentials.toString().contains(credentials.userSigKey()));
    }

    private void enter(String roomId, String userId) {
        emulator.enterRoom(roomId, userId, userSig(userId, 600));
    }

    private String userSig(String userId, long validitySeconds) {
        var credentials = emulator.credentials();
        return new TLSSigAPIv2(credentials.sdkAppId(), credentials.userSigKey()).genUserSig(userId, validitySeconds);
    }

    private TrtcCall dismiss(String roomId) {
        return TrtcCall.to(emulator).action(TrtcRoomActions.DISMISS_ROOM).body(roomBody(roomId));
    }

    private TrtcCall removeUsers(String roomId, List<String> userIds) {
        return TrtcCall.to(emulator).action(TrtcRoomActions.REMOVE_USER).parameters(Map.of("RoomId", roomId, "UserIds", userIds));
    }

    private String roomBody(String roomId) {
        return EmulatorJson.write(new RoomBody(emulator.credentials().sdkAppId(), roomId));
    }

    private static Set<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
