package io.rtcgate.emulator.aliyun;

import io.rtcgate.testkit.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The live actions the fake serves, their parameter checks and the state they keep, over real HTTP. */
class AliyunEmulatorActionsTest {

    private static final AliyunEmulatorCredentials CREDENTIALS = new AliyunEmulatorCredentials("LTAItestid", "testsecret", "app1", "key1");
    private static final LiveStreamRef ROOM_STREAM = new LiveStreamRef("push.example.com", "live", "room1");

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final AliyunEmulator emulator = new AliyunEmulator(clock, CREDENTIALS).start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private RpcCall call(String action) {
        return RpcCall.of(action, CREDENTIALS, clock.instant());
    }

    private RpcCall streamCall(String action, LiveStreamRef stream) {
        return call(action)
                .with("DomainName", stream.domainName())
                .with("AppName", stream.appName())
                .with("StreamName", stream.streamName())
                .with("LiveStreamType", "publisher");
    }

    private RpcCall channelCall(String action, String channel) {
        return call(action).with("AppId", CREDENTIALS.artcAppId()).with("ChannelId", channel);
    }

    private String tokenFor(String channel, String userId) {
        long expires = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        return ArtcTokenVerifierTest.token(CREDENTIALS.artcAppId(), channel, userId, expires,
                ArtcTokenVerifier.classicToken(CREDENTIALS.artcAppId(), CREDENTIALS.artcAppKey(), channel, userId, "", expires));
    }

    private static String camera(String channel, String userId) {
        return "app1_" + channel + "_" + userId + "_camera";
    }

    @ParameterizedTest
    @ValueSource(strings = {"DomainName", "AppName", "StreamName", "LiveStreamType"})
    void forbidLiveStreamRequiresTheStreamAndItsType(String parameter) {
        RpcCall.Answer answer = streamCall("ForbidLiveStream", ROOM_STREAM).without(parameter).post(emulator);

        assertEquals(400, answer.status());
        assertEquals("Missing" + parameter, answer.code());
    }

    @ParameterizedTest
    @CsvSource({
            "LiveStreamType, subscriber, InvalidLiveStreamType.Malformed",
            "ResumeTime, 2025-03-01 09:00:00, InvalidResumeTime.Malformed",
            "ResumeTime, 2025-03-01T09:00:00+08:00, InvalidResumeTime.Malformed",
            "Oneshot, maybe, InvalidOneshot.Malformed",
    })
    void forbidLiveStreamRefusesMalformedValues(String parameter, String value, String code) {
        RpcCall.Answer answer = streamCall("ForbidLiveStream", ROOM_STREAM).with(parameter, value).post(emulator);

        assertEquals(400, answer.status());
        assertEquals(code, answer.code());
        assertTrue(emulator.forbiddenStreams().isEmpty());
    }

    @Test
    void aStreamForbiddenUntilAResumeTimeIsFreeAgainThen() {
        Instant resumeAt = clock.instant().plus(Duration.ofMinutes(10));

        streamCall("ForbidLiveStream", ROOM_STREAM).with("ResumeTime", UtcTimestamps.format(resumeAt)).post(emulator);

        assertEquals(List.of(new ForbiddenStream(ROOM_STREAM, Optional.of(resumeAt))), emulator.forbiddenStreams());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), emulator.forbiddenStreams());
    }

    @Test
    void aStreamForbiddenWithoutResumeTimeStaysForbiddenUntilResumed() {
        streamCall("ForbidLiveStream", ROOM_STREAM).post(emulator);
        clock.advance(Duration.ofDays(30));

        assertEquals(List.of(new ForbiddenStream(ROOM_STREAM, Optional.empty())), emulator.forbiddenStreams());
        assertEquals(200, streamCall("ResumeLiveStream", ROOM_STREAM).post(emulator).status());
        assertEquals(List.of(), emulator.forbiddenStreams());
    }

    @Test
    void resumeLiveStreamRequiresThePublisherStream() {
        assertEquals("MissingStreamName", streamCall("ResumeLiveStream", ROOM_STREAM).without("StreamName").post(emulator).code());
        assertEquals("InvalidLiveStreamType.Malformed",
                streamCall("ResumeLiveStream", ROOM_STREAM).with("LiveStreamType", "player").post(emulator).code());
    }

    @Test
    void aOneshotForbidCutsTheStreamWithoutBlacklistingIt() {
        streamCall("ForbidLiveStream", ROOM_STREAM).with("Oneshot", "yes").with("ResumeTime", "2030-01-01T00:00:00Z").post(emulator);

        assertEquals(List.of(ROOM_STREAM), emulator.cutStreams());
        assertEquals(List.of(), emulator.forbiddenStreams());
    }

    @Test
    void aForbiddenCameraStreamDropsThePublisherAndKeepsThemOutUntilTheResumeTime() {
        emulator.joinChannel("room1", "alice", tokenFor("room1", "alice"), true);
        emulator.joinChannel("room1", "bob", tokenFor("room1", "bob"), false);
        Instant resumeAt = clock.instant().plus(Duration.ofMinutes(5));

        streamCall("ForbidLiveStream", new LiveStreamRef("push.example.com", "live", camera("room1", "alice")))
                .with("ResumeTime", UtcTimestamps.format(resumeAt)).post(emulator);

        assertEquals(new ArtcChannelUsers(true, List.of(), List.of("bob")), emulator.channelUsers("room1"));
        ArtcJoinRefusedException refused = assertThrows(ArtcJoinRefusedException.class,
                () -> emulator.joinChannel("room1", "alice", tokenFor("room1", "alice"), true));
        assertEquals("camera stream app1_room1_alice_camera is forbidden until " + resumeAt, refused.getMessage());
        emulator.joinChannel("room1", "alice", tokenFor("room1", "alice"), false); // watching is still allowed
        clock.advance(Duration.ofMinutes(5));
        emulator.joinChannel("room1", "alice", tokenFor("room1", "alice"), true);
        assertEquals(new ArtcChannelUsers(true, List.of("alice"), List.of("bob")), emulator.channelUsers("room1"));
    }

    @Test
    void joinChannelVerifiesTheToken() {
        assertThrows(ArtcJoinRefusedException.class, () -> emulator.joinChannel("room1", "alice", tokenFor("room1", "bob"), true));
        assertFalse(emulator.channelUsers("room1").exists());
    }

    @Test
    void describeChannelUsersListsPublishersAsInteractiveAndViewersAsLive() {
        emulator.joinChannel("room1", "alice", tokenFor("room1", "alice"), true);
        emulator.joinChannel("room1", "carol", tokenFor("room1", "carol"), true);
        emulator.joinChannel("room1", "bob", tokenFor("room1", "bob"), false);

        RpcCall.Answer answer = channelCall("DescribeChannelUsers", "room1").post(emulator);

        assertEquals(200, answer.status());
        assertEquals(EmulatorJson.readTree("{\"Timestamp\":" + clock.instant().getEpochSecond() + ",\"IsChannelExists\":true,"
                + "\"InteractiveUserNumber\":2,\"LiveUserNumber\":1,\"InteractiveUserList\":[\"alice\",\"carol\"],"
                + "\"LiveUserList\":[\"bob\"]}"), withoutRequestId(answer));
        assertEquals("{\"RequestId\":\"" + answer.text("RequestId") + "\",\"Timestamp\":" + clock.instant().getEpochSecond()
                + ",\"IsChannelExists\":true,\"InteractiveUserNumber\":2,\"LiveUserNumber\":1,"
                + "\"InteractiveUserList\":[\"alice\",\"carol\"],\"LiveUserList\":[\"bob\"]}", answer.rawBody(), "Aliyun's field order");
    }

    @Test
    void describeChannelUsersOfAnUnknownChannelSaysItDoesNotExist() {
        RpcCall.Answer answer = channelCall("DescribeChannelUsers", "nobody-here").post(emulator);

        assertEquals(BooleanNode.FALSE, answer.body().get("IsChannelExists"));
        assertEquals(EmulatorJson.mapper().createArrayNode(), answer.body().get("InteractiveUserList"));
    }

    @Test
    void channelActionsRequireThisEmulatorsAppAndAChannel() {
        RpcCall.Answer otherApp = channelCall("DescribeChannelUsers", "room1").with("AppId", "someone-else").post(emulator);

        assertEquals(404, otherApp.status());
        assertEquals("InvalidAppId.NotFound", otherApp.code());
        assertEquals("MissingAppId", channelCall("DeleteChannel", "room1").without("AppId").post(emulator).code());
        assertEquals("MissingChannelId", channelCall("DeleteChannel", "room1").without("ChannelId").post(emulator).code());
    }

    @Test
    void deleteChannelEmptiesTheChannel() {
        emulator.joinChannel("room1", "alice", tokenFor("room1", "alice"), true);

        assertEquals(200, channelCall("DeleteChannel", "room1").post(emulator).status());

        assertFalse(emulator.channelUsers("room1").exists());
    }

    @Test
    void injectedFaultsAnswerWithAliyunsOwnBodies() {
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        RpcCall.Answer serverError = streamCall("ForbidLiveStream", ROOM_STREAM).post(emulator);
        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        RpcCall.Answer throttled = streamCall("ForbidLiveStream", ROOM_STREAM).post(emulator);

        assertEquals(503, serverError.status());
        assertEquals("ServiceUnavailable", serverError.code());
        assertEquals(400, throttled.status());
        assertEquals("Throttling.User", throttled.code());
        assertEquals(List.of("ForbidLiveStream", "ForbidLiveStream"), emulator.requests().stream().map(RecordedRequest::action).toList());
        assertEquals(200, streamCall("ForbidLiveStream", ROOM_STREAM).post(emulator).status());
    }

    private static JsonNode withoutRequestId(RpcCall.Answer answer) {
        ObjectNode body = answer.body().deepCopy();
        body.remove("RequestId");
        return body;
    }
}
