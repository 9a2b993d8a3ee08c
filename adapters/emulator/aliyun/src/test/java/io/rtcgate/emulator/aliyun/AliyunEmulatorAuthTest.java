package io.rtcgate.emulator.aliyun;

import io.rtcgate.testkit.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the fake gateway authenticates RPC calls (vendors.md §3.1, §4.3), over real HTTP. */
class AliyunEmulatorAuthTest {

    private static final AliyunEmulatorCredentials CREDENTIALS = new AliyunEmulatorCredentials("LTAItestid", "testsecret", "app1", "key1");

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final AliyunEmulator emulator = new AliyunEmulator(clock, CREDENTIALS).start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private RpcCall forbid() {
        return forbidAt(clock.instant());
    }

    private RpcCall forbidAt(Instant timestamp) {
        return RpcCall.of("ForbidLiveStream", CREDENTIALS, timestamp)
                .with("DomainName", "push.example.com")
                .with("AppName", "live")
                .with("StreamName", "room1")
                .with("LiveStreamType", "publisher");
    }

    /** A ForbidLiveStream whose stream is named in a form body. */
    private RpcCall forbidInForm(String streamName) {
        return RpcCall.of("ForbidLiveStream", CREDENTIALS, clock.instant())
                .with("LiveStreamType", "publisher")
                .withFormParameter("DomainName", "push.example.com")
                .withFormParameter("AppName", "live")
                .withFormParameter("StreamName", streamName);
    }

    @Test
    void acceptsSignedPostAndGetCalls() {
        RpcCall.Answer post = forbid().post(emulator);
        RpcCall.Answer get = forbid().get(emulator);

        assertEquals(200, post.status());
        assertEquals(200, get.status());
        assertEquals(Set.of("RequestId"), post.fieldNames());
        assertEquals("ForbidLiveStream", emulator.requests().get(0).action());
    }

    @Test
    void signsFormBodyParametersTooAndWithTheRequestMethod() {
        RpcCall inForm = forbidInForm("room1");

        assertEquals(200, inForm.post(emulator).status());
        // A GET-signed call sent as POST must fail: the method is part of what is signed.
        RpcCall signedForGet = forbid();
        assertEquals("SignatureDoesNotMatch", signedForGet.with("Signature", signedForGet.signature("GET")).unsigned()
                .post(emulator).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce",
            "Timestamp", "Format"})
    void requiresEveryCommonParameter(String parameter) {
        RpcCall.Answer answer = forbid().without(parameter).post(emulator);

        assertEquals(400, answer.status());
        assertEquals("Missing" + parameter, answer.code());
    }

    @Test
    void requiresASignature() {
        RpcCall.Answer answer = forbid().unsigned().post(emulator);

        assertEquals(400, answer.status());
        assertEquals("MissingSignature", answer.code());
    }

    @Test
    void refusesOtherVersionsAndSignatureAlgorithms() {
        assertEquals("InvalidVersion.Malformed", forbid().with("Version", "2014-05-26").post(emulator).code());
        assertEquals("InvalidSignatureMethod.Malformed", forbid().with("SignatureMethod", "HMAC-SHA256").post(emulator).code());
        assertEquals("InvalidSignatureVersion.Malformed", forbid().with("SignatureVersion", "2.0").post(emulator).code());
    }

    @Test
    void unknownAccessKeyIsNotFound() {
        RpcCall.Answer answer = forbid().with("AccessKeyId", "LTAIunknown").post(emulator);

        assertEquals(404, answer.status());
        assertEquals("InvalidAccessKeyId.NotFound", answer.code());
    }

    @Test
    void wrongSecretDoesNotMatchAndTheServerStringToSignIsEchoed() {
        RpcCall call = forbid().signedWith("wrong-secret");

        RpcCall.Answer answer = call.post(emulator);

        assertEquals(400, answer.status());
        assertEquals("SignatureDoesNotMatch", answer.code());
        assertTrue(answer.text("Message").contains("server string to sign is:POST&%2F&AccessKeyId%3DLTAItestid"),
                answer.rawBody());
    }

    @Test
    void aParameterChangedAfterSigningDoesNotMatch() {
        RpcCall call = forbid();
        String signature = call.signature("POST");

        RpcCall.Answer answer = call.with("StreamName", "someone-else").with("Signature", signature).unsigned().post(emulator);

        assertEquals("SignatureDoesNotMatch", answer.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01 08:00:00", "2025-03-01T08:00:00", "2025-03-01T08:00:00.000Z", "2025-02-30T08:00:00Z",
            "1740816000"})
    void malformedTimestampIsRefused(String timestamp) {
        RpcCall.Answer answer = forbid().with("Timestamp", timestamp).post(emulator);

        assertEquals(400, answer.status());
        assertEquals("InvalidTimeStamp.Format", answer.code());
    }

    @Test
    void timestampsMoreThanFifteenMinutesFromTheEmulatorClockAreExpired() {
        Instant now = clock.instant();

        assertEquals("InvalidTimeStamp.Expired", forbidAt(now.minus(Duration.ofMinutes(16))).post(emulator).code());
        assertEquals("InvalidTimeStamp.Expired", forbidAt(now.plus(Duration.ofMinutes(16))).post(emulator).code());
        assertEquals(200, forbidAt(now.minus(Duration.ofMinutes(14))).post(emulator).status());
        assertEquals(200, forbidAt(now.plus(Duration.ofMinutes(14))).post(emulator).status());
    }

    @Test
    void aNonceIsUsableOnceWithinFifteenMinutes() {
        RpcCall call = forbid();

        assertEquals(200, call.post(emulator).status());
        RpcCall.Answer replay = call.post(emulator);
        assertEquals(400, replay.status());
        assertEquals("SignatureNonceUsed", replay.code());

        clock.advance(Duration.ofMinutes(15));
        assertEquals(200, call.with("Timestamp", UtcTimestamps.format(clock.instant())).post(emulator).status());
    }

    @Test
    void aRefusedSignatureDoesNotUseUpTheNonce() {
        RpcCall call = forbid();

        assertEquals("SignatureDoesNotMatch", call.signedWith("wrong-secret").post(emulator).code());
        assertEquals(200, call.signedWith(CREDENTIALS.accessKeySecret()).post(emulator).status());
    }

    @Test
    void unknownActionsPathsAndMethodsAreNotFound() {
        RpcCall.Answer unknownAction = RpcCall.of("StartLiveMix", CREDENTIALS, clock.instant()).post(emulator);
        RpcCall.Answer otherPath = forbid().send(emulator, "POST", "/live");
        RpcCall.Answer otherMethod = forbid().send(emulator, "PUT", "/");

        for (RpcCall.Answer answer : new RpcCall.Answer[] {unknownAction, otherPath, otherMethod}) {
            assertEquals(404, answer.status());
            assertEquals("InvalidApi.NotFound", answer.code());
        }
    }

    @Test
    void errorBodiesHaveAliyunsShape() {
        RpcCall.Answer answer = forbid().with("AccessKeyId", "LTAIunknown").post(emulator);

        assertEquals(Set.of("RequestId", "HostId", "Code", "Message", "Recommend"), answer.fieldNames());
        assertEquals("live.aliyuncs.com", answer.text("HostId"));
        assertTrue(answer.text("RequestId").matches("[0-9A-F-]{36}"));
        assertTrue(answer.rawBody().matches("\\{\"RequestId\":\"[0-9A-F-]{36}\",\"HostId\":\"live.aliyuncs.com\","
                + "\"Code\":\"InvalidAccessKeyId.NotFound\",\"Message\":\"Specified access key is not found.\",\"Recommend\":\"\"}"),
                "Aliyun's field order: " + answer.rawBody());
    }

    @Test
    void malformedPercentEncodingInTheFormBodyIsRefused() {
        RpcCall.Answer answer = forbid().withRawFormBody("DomainName=push%zz.example.com").post(emulator);

        assertEquals(400, answer.status());
        assertEquals("InvalidParameter.Malformed", answer.code());
        assertEquals("The request contains malformed percent-encoding.", answer.text("Message"));
    }

    @Test
    void aFormBodyIsReadAsFormEncoding() {
        RpcCall inForm = forbidInForm("room 1");

        assertEquals(200, inForm.withRawFormBody("DomainName=push.example.com&&AppName=live&StreamName=room+1").post(emulator).status());
        assertEquals(List.of(new ForbiddenStream(new LiveStreamRef("push.example.com", "live", "room 1"), Optional.empty())),
                emulator.forbiddenStreams());
    }
}
