package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixResultCode;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.aliyun.LiveStreamRef;
import io.rtcgate.emulator.aliyun.MixCallbackConfig;
import io.rtcgate.testkit.WebhookReceiver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 002's MixAvailable and MixResult: their signature, freshness, parameters, every code and every Message form. */
class AliyunMixCallbacksTest {

    private static final String DOMAIN = "push.example.com";
    private static final String KEY = "callback-key";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    private static final String AVAILABLE = "Domain=" + DOMAIN + "&App=live&Stream=room1-live&Event=MixAvailable";
    private static final String RESULT = "MainMixDomain=play.example.com&MainMixApp=live&MainMixStream=room1-live"
            + "&MixDomain=play.example.com&MixApp=live&MixStream=app_room1_bob_camera&MixType=channel&MixTemplate="
            + "&Event=MixResult&Code=Success&Message=";

    private final AliyunMixCallbacks callbacks = callbacksWithKey(KEY);

    @Test
    void aSignedFreshMixAvailableIsVerifiedAndReadAsTheStreamBeingMixable() {
        Map<String, String> headers = signedHeaders(NOW.getEpochSecond());
        headers.put("Authorization", "Bearer not-for-the-inbox");
        VerifiedCallback verified = callbacks.verify(new CallbackRequest("GET", AVAILABLE, headers, ""), NOW);

        assertEquals(Map.of("ali-live-timestamp", String.valueOf(NOW.getEpochSecond()),
                "ali-live-signature", AliyunStreamCallbacks.signature(DOMAIN, String.valueOf(NOW.getEpochSecond()), KEY)),
                verified.recorded().headers());
        assertEquals(Optional.of(MixNotice.available("room1-live", NOW)), callbacks.read(verified.recorded()));
    }

    @Test
    void wrongUnsignedStaleOrKeylessDeliveriesAreRefused() {
        Map<String, String> wrong = signedHeaders(NOW.getEpochSecond());
        wrong.put("ALI-LIVE-SIGNATURE", AliyunStreamCallbacks.signature("other.example.com", String.valueOf(NOW.getEpochSecond()), KEY));
        assertThrows(AuthenticationException.class, () -> callbacks.verify(new CallbackRequest("GET", AVAILABLE, wrong, ""), NOW));
        assertThrows(AuthenticationException.class, () -> callbacks.verify(new CallbackRequest("GET", AVAILABLE, Map.of(), ""), NOW));
        assertThrows(AuthenticationException.class, () -> callbacks.verify(get(AVAILABLE, NOW.getEpochSecond()), NOW.plus(Duration.ofMinutes(6))));
        assertThrows(AuthenticationException.class, () -> callbacksWithKey("").verify(get(AVAILABLE, NOW.getEpochSecond()), NOW));
        callbacks.verify(get(AVAILABLE, NOW.getEpochSecond()), NOW.plus(AliyunStreamCallbacks.FRESHNESS));
    }

    @ParameterizedTest
    @CsvSource({
        "Domain=push.example.com&App=live&Event=MixAvailable, Stream",
        "Domain=push.example.com&App=live&Stream=room1-live, Event",
        "MainMixDomain=play.example.com&MainMixApp=live&Event=MixResult&Code=Success, MainMixStream",
        "MainMixDomain=play.example.com&MainMixApp=live&MainMixStream=room1-live&Event=MixResult&Message=lost, Code",
        "MainMixApp=live&MainMixStream=room1-live&Event=MixResult&Code=Success, MainMixDomain"})
    void aMissingParameterIsNamed(String query, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> callbacks.verify(get(query, NOW.getEpochSecond()), NOW));
        assertEquals(field, e.field(), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"Success, SUCCESS", "MainStreamNotExist, MAIN_STREAM_NOT_EXIST", "MixStreamNotExist, MIX_STREAM_NOT_EXIST",
        "InternalError, INTERNAL_ERROR", "TranscoderOverloaded, INTERNAL_ERROR", "success, INTERNAL_ERROR"})
    void everyResultCodeIsReadAndAnUnknownOneIsAnInternalError(String wire, MixResultCode code) {
        CallbackRequest request = get(RESULT.replace("Code=Success", "Code=" + wire).replace("Message=", "Message=lost+it"),
                NOW.getEpochSecond());
        callbacks.verify(request, NOW);

        assertEquals(Optional.of(MixNotice.result("room1-live", code, "lost it", NOW)), callbacks.read(request));
    }

    @Test
    void anotherEventVerifiesAndReadsAsNothing() {
        CallbackRequest request = get("Domain=" + DOMAIN + "&App=live&Stream=room1-live&Event=MixStopped", NOW.getEpochSecond());

        assertEquals(64, callbacks.verify(request, NOW).dedupeKey().length());
        assertEquals(Optional.empty(), callbacks.read(request));
    }

    /** Every form seed 001's badly escaped Message can take, raw and as the gateway's HTTP layer re-encodes it. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
        "main+stream+lost; main stream lost",
        "main%20stream%20lost; main stream lost",
        "a|b; a|b",
        "a%7Cb; a|b",
        "say \"hi\"; say \"hi\"",
        "say+%22hi%22; say \"hi\"",
        "主流中断; 主流中断",
        "%E4%B8%BB%E6%B5%81%E4%B8%AD%E6%96%AD; 主流中断",
        "100%; 100%",
        "100%25; 100%",
        "50% off %zz %4; 50% off %zz %4",
        "bad %E4%B8 utf8; bad \uFFFD utf8",
        "x&Code=Success&Event=MixAvailable; x"})
    void anyMessageIsReadAndNeverChangesTheDecisionOrTheDedupeKey(String rawMessage, String expected) {
        String query = RESULT.replace("Code=Success", "Code=MainStreamNotExist").replace("Message=", "Message=" + rawMessage);
        String plain = RESULT.replace("Code=Success", "Code=MainStreamNotExist");

        VerifiedCallback verified = callbacks.verify(get(query, NOW.getEpochSecond()), NOW);

        assertEquals(Optional.of(MixNotice.result("room1-live", MixResultCode.MAIN_STREAM_NOT_EXIST, expected, NOW)),
                callbacks.read(verified.recorded()));
        assertEquals(callbacks.verify(get(plain, NOW.getEpochSecond()), NOW).dedupeKey(), verified.dedupeKey());
    }

    @Test
    void theDedupeKeyTellsEventsCodesStreamsAndTimesApart() {
        String success = callbacks.verify(get(RESULT, NOW.getEpochSecond()), NOW).dedupeKey();

        assertEquals(success, callbacks.verify(get(RESULT, NOW.getEpochSecond()), NOW).dedupeKey(), "a resend of the same request");
        assertNotEquals(success, callbacks.verify(get(RESULT.replace("Code=Success", "Code=InternalError"), NOW.getEpochSecond()), NOW).dedupeKey());
        assertNotEquals(success, callbacks.verify(get(RESULT.replace("MainMixStream=room1-live", "MainMixStream=room2-live"),
                NOW.getEpochSecond()), NOW).dedupeKey());
        assertNotEquals(success, callbacks.verify(get(RESULT, NOW.getEpochSecond() + 30), NOW).dedupeKey(),
                "a later Success after a republish is news");
        assertNotEquals(callbacks.verify(get(AVAILABLE, NOW.getEpochSecond()), NOW).dedupeKey(),
                callbacks.verify(get(AVAILABLE, NOW.getEpochSecond() + 30), NOW).dedupeKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MixStream", "MixTemplate"})
    void anOverlongDetailIsRefusedByName(String field) {
        String query = RESULT.replace("&" + field + "=", "&" + field + "=" + "x".repeat(300) + "&ignored=");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> callbacks.verify(get(query, NOW.getEpochSecond()), NOW));
        assertEquals(field, e.field());
    }

    @Test
    void anOverlongMessageIsCutNotRefused() {
        String query = RESULT.replace("Message=", "Message=" + "m".repeat(2000));

        callbacks.verify(get(query, NOW.getEpochSecond()), NOW);
        MixNotice notice = callbacks.read(get(query, NOW.getEpochSecond())).orElseThrow();
        assertEquals(AliyunMixCallbacks.MAX_MESSAGE, notice.message().length());
    }

    /** End to end: what the emulator sends, over a socket that keeps the request line as its bytes came, verifies and reads. */
    @Test
    void theEmulatorsCallbacksVerifyAndReadIncludingAnUnescapedMessage() throws Exception {
        try (AliyunEmulator emulator = AliyunEmulator.withRandomCredentials(Clock.systemUTC()).start();
             ServerSocket gateway = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            emulator.configureMixCallbacks(new MixCallbackConfig(URI.create("http://gw.example.com/callbacks/aliyun/mix"), DOMAIN, KEY));
            emulator.resolveCallbackHost("gw.example.com", "127.0.0.1:" + gateway.getLocalPort());
            AliyunSettings settings = TestSettings.forEmulator(emulator, emulator.credentials().accessKeySecret(), Duration.ofSeconds(1));
            AliyunStreamMixer mixer = new AliyunStreamMixer(settings, new AliyunTypeAUrlSigner(settings.live(), Clock.systemUTC()),
                    new AliyunLiveClient(settings));

            emulator.publishStream(new LiveStreamRef(DOMAIN, "live", "room1-live"));
            CallbackRequest available = receive(gateway);
            callbacks.verify(available, Instant.now());
            assertEquals(MixNotice.Type.AVAILABLE, callbacks.read(available).orElseThrow().type());

            ChannelRef room = new ChannelRef("room1", "room1-live", "alice");
            String taskId = mixer.start(new MixRequest(room, "mix-room1", CohostLayout.PICTURE_IN_PICTURE,
                    CohostLayout.PICTURE_IN_PICTURE.arrange(List.of("alice", "bob")), Optional.empty()));
            emulator.sendMixResultUnescaped(taskId, "MixStreamNotExist", "副流+断开|\"bob\"%");
            CallbackRequest odd = receive(gateway);
            assertTrue(odd.query().endsWith("&Message=副流+断开|\"bob\"%"), odd.query());

            callbacks.verify(odd, Instant.now());
            MixNotice notice = callbacks.read(odd).orElseThrow();
            assertEquals(MixResultCode.MIX_STREAM_NOT_EXIST, notice.code().orElseThrow());
            assertEquals("room1-live", notice.streamName().orElseThrow());
            assertEquals("副流 断开|\"bob\"%", notice.message());
        }
    }

    private static AliyunMixCallbacks callbacksWithKey(String key) {
        return new AliyunMixCallbacks(new AliyunLiveDomains(DOMAIN, "play.example.com", "live", "", "", Duration.ofHours(1), true, key));
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

    /** Accepts one request, keeps its query and headers as they came (UTF-8), answers 200. */
    private static CallbackRequest receive(ServerSocket server) throws IOException {
        server.setSoTimeout(Math.toIntExact(WebhookReceiver.PATIENCE.toMillis()));
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            String requestLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String target = requestLine.substring("GET ".length(), requestLine.lastIndexOf(" HTTP/1.1"));
            return new CallbackRequest("GET", target.substring(target.indexOf('?') + 1), headers, "");
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8).stripTrailing();
    }
}
