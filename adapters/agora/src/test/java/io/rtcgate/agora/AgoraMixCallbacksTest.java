package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.cohost.MixResultCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Agora's mixing news: RTC channel events (productId 1) and Media Push events (productId 5) with the payloads of the
 * references' examples (vendors.md §1.5; docs-portal {@code media-push/build/receive-notifications.md}), verified at the
 * shared endpoint by the recording callbacks and read as mix notices.
 */
class AgoraMixCallbacksTest {

    private static final String SECRET = AgoraRecordingCallbacksTest.SECRET;
    private static final long NOTIFY_MS = 1_603_456_600_000L;
    private static final String CONVERTER = "4c014467d647bb87b60b719f6fa57686";
    private static final String CHANNEL = "show68";
    private static final long ANCHOR_UID = 7001;
    /** 1 Converter created, the reference's example payload, shortened to what it says of the converter. */
    private static final String CREATED = "{\"converter\":{\"id\":\"" + CONVERTER + "\",\"name\":\"show68_vertical\","
            + "\"transcodeOptions\":{\"rtcChannel\":\"" + CHANNEL + "\",\"audioOptions\":{\"rtcStreamUids\":[201,202]},"
            + "\"videoOptions\":{\"canvas\":{\"width\":360,\"height\":640,\"color\":0},\"layout\":[],\"bitrate\":400}},"
            + "\"rtmpUrl\":\"rtmp://example.agora.io/live/show68\",\"idleTimeout\":300,\"createTs\":1591786766,"
            + "\"updateTs\":1591786835,\"state\":\"connecting\"},\"lts\":1603456600000,\"xRequestId\":\"7bbcc8a4acce48c78b53c5a261a8a564\"}";
    /** 3 Converter status changed, the reference's example payload (its lts in ms, as its text says). */
    private static final String STATE_CHANGED = "{\"converter\":{\"id\":\"" + CONVERTER + "\",\"createTs\":1603456600,"
            + "\"updateTs\":1603456600,\"state\":\"running\"},\"lts\":1603456601000,\"fields\":\"id,createTs,updateTs,state\"}";
    /** 4 Converter destroyed, the reference's example payload. */
    private static final String DESTROYED = "{\"converter\":{\"id\":\"" + CONVERTER + "\",\"name\":\"show68_vertical\","
            + "\"createTs\":1603456600,\"updateTs\":1603456600},\"lts\":1603456602000,\"destroyReason\":\"Delete Request\","
            + "\"fields\":\"id,name,createTs,updateTs\"}";

    private final InMemoryNumericUidRegistry uids = new InMemoryNumericUidRegistry(ANCHOR_UID);
    private final String anchor = registered("anchor-7");
    private final AgoraMixChannels channels = new AgoraMixChannels();
    private final AgoraMixCallbacks reader = new AgoraMixCallbacks(uids, channels);
    private final AgoraRecordingCallbacks verifier = AgoraRecordingCallbacksTest.callbacksWith(SECRET);

    @Test
    void aBroadcasterJoiningIsTheMainStreamAvailableForTheGatewayUserOfItsUid() {
        CallbackRequest join = signed(rtc(103, userPayload(ANCHOR_UID)));

        verifier.verify(join, Instant.ofEpochMilli(NOTIFY_MS));

        assertEquals(Optional.of(MixNotice.ofChannel(CHANNEL, anchor, true, Instant.ofEpochSecond(1_603_456_599L))), reader.read(join));
        assertEquals(Optional.empty(), verifier.read(join), "no recording's news");
    }

    @ParameterizedTest(name = "eventType {0} -> available {1}")
    @CsvSource({"103, true", "104, false", "111, true", "112, false"})
    void broadcasterEventsAndRoleChangesSayWhetherTheUsersStreamIsThere(int eventType, boolean available) {
        MixNotice notice = reader.read(signed(rtc(eventType, userPayload(ANCHOR_UID)))).orElseThrow();

        assertEquals(available ? MixNotice.Type.AVAILABLE : MixNotice.Type.UNAVAILABLE, notice.type());
        assertEquals(Optional.of(CHANNEL), notice.channel());
        assertEquals(Optional.of(anchor), notice.userId());
    }

    @ParameterizedTest(name = "eventType {0}")
    @CsvSource({"101", "102", "105", "106", "107", "108"})
    void otherChannelEventsSayNothingOfMixing(int eventType) {
        assertEquals(Optional.empty(), reader.read(signed(rtc(eventType, userPayload(ANCHOR_UID)))));
    }

    @Test
    void aUidTheGatewayNeverHandedOutIsNobodyItMixes() {
        assertEquals(Optional.empty(), reader.read(signed(rtc(103, userPayload(3_000_000_001L)))));
    }

    @Test
    void aConverterCreatedConnectingSaysNothingYetButTeachesItsChannelForTheEventsThatDoNotNameIt() {
        assertEquals(Optional.empty(), reader.read(signed(push(1, CREATED))));

        assertEquals(Optional.of(MixNotice.taskResult(CHANNEL, CONVERTER, MixResultCode.SUCCESS, "media-push 3 converter running",
                Instant.ofEpochMilli(1_603_456_601_000L))), reader.read(signed(push(3, STATE_CHANGED))));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "3, running, SUCCESS",
            "3, failed, INTERNAL_ERROR",
            "2, running, SUCCESS",
            "2, failed, INTERNAL_ERROR",
            "1, running, SUCCESS"})
    void aConvertersStateIsTheTasksResult(int eventType, String state, MixResultCode code) {
        channels.remember(CONVERTER, CHANNEL);

        MixNotice notice = reader.read(signed(push(eventType, STATE_CHANGED.replace("running", state)))).orElseThrow();

        assertEquals(MixNotice.Type.RESULT, notice.type());
        assertEquals(Optional.of(code), notice.code());
        assertEquals(Optional.of(CONVERTER), notice.taskId());
        assertEquals(Optional.of(CHANNEL), notice.channel());
    }

    @Test
    void aConverterStillConnectingSaysNothing() {
        channels.remember(CONVERTER, CHANNEL);

        assertEquals(Optional.empty(), reader.read(signed(push(3, STATE_CHANGED.replace("running", "connecting")))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Idle Timeout, MAIN_STREAM_NOT_EXIST", "Internal Error, INTERNAL_ERROR", "Hardware Failure, INTERNAL_ERROR"})
    void aDestroyedConverterIsAResultByItsReason(String reason, MixResultCode code) {
        channels.remember(CONVERTER, CHANNEL);

        MixNotice notice = reader.read(signed(push(4, DESTROYED.replace("Delete Request", reason)))).orElseThrow();

        assertEquals(MixNotice.taskResult(CHANNEL, CONVERTER, code, "media-push 4 converter destroyed (" + reason + ")",
                Instant.ofEpochMilli(1_603_456_602_000L)), notice);
    }

    @Test
    void theGatewaysOwnDeleteIsNoResult() {
        channels.remember(CONVERTER, CHANNEL);

        assertEquals(Optional.empty(), reader.read(signed(push(4, DESTROYED))));
    }

    @Test
    void aResultForAConverterWhoseChannelThisNodeDoesNotKnowNamesTheTaskAlone() {
        MixNotice notice = reader.read(signed(push(3, STATE_CHANGED))).orElseThrow();

        assertEquals(Optional.empty(), notice.channel(), "another node started it, or this one restarted");
        assertEquals(Optional.of(CONVERTER), notice.taskId());
        assertEquals(Optional.of(MixResultCode.SUCCESS), notice.code());
    }

    @Test
    void anUnreadableDeliveryNamesTheField() {
        assertEquals("payload.uid has the wrong type", problem(rtc(103, userPayload(ANCHOR_UID).replace(
                "\"uid\":" + ANCHOR_UID, "\"uid\":\"" + ANCHOR_UID + "\""))));
        assertEquals("payload.channelName is required", problem(rtc(104, "{\"uid\":" + ANCHOR_UID + ",\"ts\":1603456599}")));
        assertEquals("payload.converter is required", problem(push(3, "{\"lts\":1}")));
        assertEquals("payload.converter.id is required", problem(push(3, "{\"converter\":{\"state\":\"running\"}}")));
        assertEquals("payload.converter.state is required", problem(push(3, "{\"converter\":{\"id\":\"x\"}}")));
        assertEquals("payload.destroyReason is required", problem(push(4, "{\"converter\":{\"id\":\"x\"}}")));
    }

    @Test
    void otherProductsSayNothingOfMixing() {
        String recording = "{\"noticeId\":\"n\",\"productId\":3,\"eventType\":40,\"notifyMs\":" + NOTIFY_MS + ",\"payload\":{}}";
        String mediaPull = recording.replace("\"productId\":3", "\"productId\":4");

        assertEquals(Optional.empty(), reader.read(signed(recording)));
        assertEquals(Optional.empty(), reader.read(signed(mediaPull)));
    }

    @Test
    void theDeliveryIsVerifiedAtTheSharedEndpointNotHere() {
        CallbackRequest good = signed(rtc(103, userPayload(ANCHOR_UID)));
        Instant sent = Instant.ofEpochMilli(NOTIFY_MS);

        assertThrows(UnsupportedOperationException.class, () -> reader.verify(good, sent));
        assertEquals("rtc-103", verifier.verify(good, sent).dedupeKey());
        CallbackRequest forged = new CallbackRequest("POST", "", Map.of("Agora-Signature-V2",
                AgoraRecordingCallbacks.signatureV2("another-secret", good.body())), good.body());
        assertThrows(AuthenticationException.class, () -> verifier.verify(forged, sent));
        assertThrows(AuthenticationException.class, () -> verifier.verify(good, sent.plus(Duration.ofMinutes(11))), "stale");
        String noNoticeId = good.body().replace("\"noticeId\":\"rtc-103\",", "");
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> verifier.verify(signed(noNoticeId), sent));
        assertEquals("noticeId", missing.field());
    }

    private String problem(String body) {
        String message = assertThrows(IllegalArgumentException.class, () -> reader.read(signed(body))).getMessage();
        return message.substring(0, message.indexOf(" in an Agora "));
    }

    private String registered(String userId) {
        uids.uidFor(userId);
        return userId;
    }

    /** An RTC channel event as NCS posts it, with the session id RTC events carry. */
    private static String rtc(int eventType, String payload) {
        return "{\"noticeId\":\"rtc-" + eventType + "\",\"productId\":1,\"eventType\":" + eventType + ",\"notifyMs\":" + NOTIFY_MS
                + ",\"sid\":\"38f8e3cfdc474cd56fc1ceba380d7e1a\",\"payload\":" + payload + "}";
    }

    /** A join's payload, as vendors.md §1.5 lists it; a leave adds reason and duration, which are not read. */
    private static String userPayload(long uid) {
        return "{\"channelName\":\"" + CHANNEL + "\",\"uid\":" + uid + ",\"platform\":1,\"clientSeq\":5,\"ts\":1603456599,"
                + "\"account\":\"" + uid + "\"}";
    }

    private static String push(int eventType, String payload) {
        return "{\"noticeId\":\"push-" + eventType + "\",\"productId\":5,\"eventType\":" + eventType + ",\"notifyMs\":" + NOTIFY_MS
                + ",\"payload\":" + payload + "}";
    }

    private static CallbackRequest signed(String body) {
        return AgoraRecordingCallbacksTest.signed(body);
    }
}
