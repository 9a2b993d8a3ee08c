package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StreamNotice;
import io.rtcgate.domain.callback.VerifiedCallback;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Aliyun's stream callbacks: the signature against the documented example, freshness, parameters, relays. */
class AliyunStreamCallbacksTest {

    private static final String DOMAIN = "push.example.com";
    private static final String KEY = "callback-key";
    private static final String APP_ID = "artcapp";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    private static final String QUERY = "action=publish&ip=192.168.0.1&id=room-1&app=" + DOMAIN
            + "&appname=live&time=1699999990&usrargs=auth_key=1-0-0-abc&id=someone-else&node=cdn01";

    private final AliyunStreamCallbacks callbacks = callbacksWithKey(KEY);

    /** vendors.md §3.4: the help page's inputs {@code learn.aliyundoc.com|1519375990|yourkey}. */
    @Test
    void theSignatureIsTheMd5OfDomainTimestampAndKey() {
        assertEquals("9e226fc2c250be266e3657e156f68c12", AliyunStreamCallbacks.signature("learn.aliyundoc.com", "1519375990", "yourkey"));
        assertEquals("0dcbb998923083403ac488dba5ddfeab", AliyunStreamCallbacks.signature("example.aliyundoc.com", "1519375990", "yourkey"));
    }

    @Test
    void aSignedFreshDeliveryIsVerifiedAndKeepsOnlyTheHeadersOfInterest() {
        Map<String, String> headers = signedHeaders(NOW.getEpochSecond());
        headers.put("Authorization", "Bearer not-for-the-inbox");
        headers.put("User-Agent", "aliyun");

        VerifiedCallback verified = callbacks.verify(new CallbackRequest("GET", QUERY, headers, ""), NOW);

        assertEquals(Map.of("ali-live-timestamp", String.valueOf(NOW.getEpochSecond()),
                "ali-live-signature", AliyunStreamCallbacks.signature(DOMAIN, String.valueOf(NOW.getEpochSecond()), KEY),
                "user-agent", "aliyun"), verified.recorded().headers());
        assertEquals(QUERY, verified.recorded().query());
    }

    @Test
    void anUpperCaseSignatureIsTheSameSignature() {
        Map<String, String> headers = signedHeaders(NOW.getEpochSecond());
        headers.put("ALI-LIVE-SIGNATURE", headers.get("ALI-LIVE-SIGNATURE").toUpperCase());

        callbacks.verify(new CallbackRequest("GET", QUERY, headers, ""), NOW);
    }

    @Test
    void aRetryWithANewTimestampIsTheSameDeliveryAndAnotherEventIsNot() {
        String first = callbacks.verify(get(QUERY, NOW.getEpochSecond()), NOW).dedupeKey();
        String retry = callbacks.verify(get(QUERY.replace("&node=cdn01", "&node=cdn02"), NOW.getEpochSecond() + 1), NOW).dedupeKey();
        String done = callbacks.verify(get(QUERY.replace("action=publish", "action=publish_done"), NOW.getEpochSecond()), NOW).dedupeKey();
        String later = callbacks.verify(get(QUERY.replace("time=1699999990", "time=1699999991"), NOW.getEpochSecond()), NOW).dedupeKey();

        assertEquals(first, retry);
        assertNotEquals(first, done);
        assertNotEquals(first, later);
        assertEquals(64, first.length());
    }

    @Test
    void anUnsignedDeliveryIsRefused() {
        assertThrows(AuthenticationException.class, () -> callbacks.verify(new CallbackRequest("GET", QUERY, Map.of(), ""), NOW));
        assertThrows(AuthenticationException.class, () -> callbacks.verify(
                new CallbackRequest("GET", QUERY, Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(NOW.getEpochSecond())), ""), NOW));
    }

    @Test
    void aWrongSignatureIsRefused() {
        long ts = NOW.getEpochSecond();
        for (String wrong : new String[] {
                AliyunStreamCallbacks.signature(DOMAIN, String.valueOf(ts), "other-key"),
                AliyunStreamCallbacks.signature("other.example.com", String.valueOf(ts), KEY),
                AliyunStreamCallbacks.signature(DOMAIN, String.valueOf(ts + 1), KEY)}) {
            Map<String, String> headers = Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(ts), "ALI-LIVE-SIGNATURE", wrong);
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> callbacks.verify(new CallbackRequest("GET", QUERY, headers, ""), NOW));
            assertEquals("wrong ALI-LIVE-SIGNATURE", e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86_400})
    void aTimestampMoreThanFiveMinutesFromTheClockIsRefused(long skewSeconds) {
        CallbackRequest stale = get(QUERY, NOW.getEpochSecond() + skewSeconds);

        assertThrows(AuthenticationException.class, () -> callbacks.verify(stale, NOW));
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 0, 300})
    void aTimestampWithinFiveMinutesIsFresh(long skewSeconds) {
        callbacks.verify(get(QUERY, NOW.getEpochSecond() + skewSeconds), NOW);
    }

    @Test
    void aSignedButNonNumericTimestampIsRefused() {
        Map<String, String> headers = Map.of("ALI-LIVE-TIMESTAMP", "soon", "ALI-LIVE-SIGNATURE",
                AliyunStreamCallbacks.signature(DOMAIN, "soon", KEY));

        assertThrows(AuthenticationException.class, () -> callbacks.verify(new CallbackRequest("GET", QUERY, headers, ""), NOW));
    }

    @Test
    void withoutACallbackKeyEveryCallbackIsRefused() {
        AliyunStreamCallbacks off = callbacksWithKey("");
        Map<String, String> signedWithEmptyKey = Map.of("ALI-LIVE-TIMESTAMP", String.valueOf(NOW.getEpochSecond()),
                "ALI-LIVE-SIGNATURE", AliyunStreamCallbacks.signature(DOMAIN, String.valueOf(NOW.getEpochSecond()), ""));

        assertThrows(AuthenticationException.class, () -> off.verify(new CallbackRequest("GET", QUERY, signedWithEmptyKey, ""), NOW));
    }

    @ParameterizedTest
    @CsvSource({
        "action=publish&app=d&appname=live&time=1, id",
        "id=r&app=d&appname=live&time=1, action",
        "action=record&id=r&app=d&appname=live&time=1, action",
        "action=publish&id=r&appname=live&time=1, app",
        "action=publish&id=r&app=d&time=1, appname",
        "action=publish&id=r&app=d&appname=live, time",
        "action=publish&id=r&app=d&appname=live&time=yesterday, time",
        "action=publish&id=%zz&app=d&appname=live&time=1, id"})
    void aMissingOrMalformedParameterIsNamed(String query, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> callbacks.verify(get(query, NOW.getEpochSecond()), NOW));

        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aPostedFormIsReadAfterTheQuery() {
        Map<String, String> headers = signedHeaders(NOW.getEpochSecond());
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        CallbackRequest posted = new CallbackRequest("POST", "action=publish_done",
                headers, "action=publish&id=room%2D2&app=" + DOMAIN + "&appname=live&time=1699999999");

        callbacks.verify(posted, NOW);
        StreamNotice notice = callbacks.read(posted);

        assertEquals(new StreamNotice(StreamNotice.Action.INTERRUPTED, "room-2", Optional.empty(),
                Instant.ofEpochSecond(1_699_999_999)), notice);
    }

    @Test
    void theFirstIdWinsOverOneInsideTheUnencodedUsrargs() {
        assertEquals("room-1", callbacks.read(get(QUERY, NOW.getEpochSecond())).streamName());
    }

    @ParameterizedTest
    @CsvSource({
        "artcapp_room-1-1_bob_camera, room-1-1, bob",
        "artcapp_room-1-1_bob_audio, room-1-1, bob",
        "artcapp_room-1-1_bob_smith_camera, room-1-1, bob_smith"})
    void aRelayNamesItsChannelAndUser(String stream, String channel, String user) {
        StreamNotice notice = callbacks.read(get(QUERY.replace("id=room-1", "id=" + stream), NOW.getEpochSecond()));

        assertEquals(Optional.of(new StreamNotice.Relay(channel, user)), notice.relay());
        assertEquals(stream, notice.streamName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"room-1", "otherapp_room-1-1_bob_camera", "artcapp_room-1-1_bob_screen", "artcapp__bob_camera",
        "artcapp_room-1-1__camera", "artcapp_room-1-1_camera", "artcapp_camera"})
    void otherStreamsAreNoRelay(String stream) {
        StreamNotice notice = callbacks.read(get(QUERY.replace("id=room-1", "id=" + stream), NOW.getEpochSecond()));

        assertEquals(Optional.empty(), notice.relay());
        assertEquals(StreamNotice.Action.PUBLISHED, notice.action());
    }

    private static AliyunStreamCallbacks callbacksWithKey(String key) {
        return new AliyunStreamCallbacks(new AliyunLiveDomains(DOMAIN, "play.example.com", "live", "", "",
                Duration.ofHours(1), true, key), APP_ID);
    }

    private static CallbackRequest get(String query, long timestamp) {
        return new CallbackRequest("GET", query, signedHeaders(timestamp), "");
    }

    private static Map<String, String> signedHeaders(long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ALI-LIVE-TIMESTAMP", String.valueOf(timestamp));
        headers.put("ALI-LIVE-SIGNATURE", AliyunStreamCallbacks.signature(DOMAIN, String.valueOf(timestamp), KEY));
        return headers;
    }
}
