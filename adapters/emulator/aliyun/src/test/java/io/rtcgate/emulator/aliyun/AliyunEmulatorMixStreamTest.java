package io.rtcgate.emulator.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.QueryString;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CDN mixing in the fake, over real HTTP: the co-hosting protocol of seed 002, its checks and its callbacks. */
class AliyunEmulatorMixStreamTest {

    private static final AliyunEmulatorCredentials CREDENTIALS = new AliyunEmulatorCredentials("LTAItestid", "testsecret", "app1", "key1");
    private static final String PLAY = "play.example.com";
    private static final String KEY = "mixCallbackKey";
    private static final LiveStreamRef ANCHOR = new LiveStreamRef("push.example.com", "live", "room1");
    private static final LiveStreamRef GUEST = new LiveStreamRef("push.example.com", "live", "app1_room1_bob_camera");
    private static final String INPUTS = "[" + input(1, "room1", 0, 0, 1, 1) + "," + input(2, "app1_room1_bob_camera", 0.72, 0.72, 0.25, 0.25) + "]";
    private static final String OUTPUT = "{\"AppName\":\"live\",\"StreamName\":\"room1\"}";

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final AliyunEmulator emulator = new AliyunEmulator(clock, CREDENTIALS).start();
    private final WebhookReceiver receiver = new WebhookReceiver("");

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    private static String input(int child, String stream, double x, double y, double width, double height) {
        return "{\"LayoutChildId\":" + child + ",\"ResourceType\":\"live\",\"ResourceValue\":\"rtmp://" + PLAY + "/live/" + stream
                + "?auth_key=1-0-0-abc\",\"LayoutConfig\":{\"FillMode\":\"fit\",\"PositionRefer\":\"topLeft\","
                + "\"FillPositionNormalized\":[" + x + "," + y + "],\"FillSizeNormalized\":[" + width + "," + height + "]}}";
    }

    private RpcCall create() {
        return RpcCall.of("CreateMixStream", CREDENTIALS, clock.instant()).with("DomainName", PLAY).with("LayoutId", "USERDEFINED")
                .with("InputStreamList", INPUTS).with("OutputConfig", OUTPUT);
    }

    private RpcCall onTask(String action, String id) {
        return RpcCall.of(action, CREDENTIALS, clock.instant()).with("DomainName", PLAY).with("MixStreamId", id);
    }

    private void configure() {
        emulator.configureMixCallbacks(new MixCallbackConfig(receiver.url("/callbacks/aliyun/mix"), ANCHOR.domainName(), KEY));
    }

    private static Map<String, String> query(Delivery delivery) {
        return QueryString.parse(delivery.query());
    }

    @Test
    void aPublishedStreamIsAnnouncedWithASignedMixAvailable() {
        configure();
        emulator.publishStream(ANCHOR);

        Delivery available = receiver.next();
        assertEquals("GET", available.method());
        assertEquals("/callbacks/aliyun/mix", available.path());
        assertEquals(Map.of("Domain", "push.example.com", "App", "live", "Stream", "room1", "Event", "MixAvailable"), query(available));
        String timestamp = available.header("ALI-LIVE-TIMESTAMP");
        assertEquals(Long.toString(clock.instant().getEpochSecond()), timestamp);
        assertEquals(RecordingCallbackSender.md5Hex("push.example.com|" + timestamp + "|" + KEY), available.header("ALI-LIVE-SIGNATURE"));
        assertEquals(List.of(ANCHOR), emulator.publishedStreams());
    }

    @Test
    void aMixBeforeTheMainStreamIsAvailableIsRefused() {
        RpcCall.Answer refused = create().post(emulator);

        assertEquals(400, refused.status());
        assertEquals("MainStreamNotExist", refused.code());
        assertEquals(List.of(), emulator.mixStreamTasks());
    }

    @Test
    void aMixSucceedsOnceItsGuestPublishesAndIsListedUntilDeleted() {
        configure();
        emulator.publishStream(ANCHOR);
        receiver.next();

        String id = create().post(emulator).text("MixStreamId");
        MixStreamTask task = emulator.mixStreamTasks().get(0);
        assertEquals(id, task.mixStreamId());
        assertEquals(List.of(new MixInput(1, new LiveStreamRef(PLAY, "live", "room1"), "fit", 0, 0, 1, 1),
                new MixInput(2, new LiveStreamRef(PLAY, "live", "app1_room1_bob_camera"), "fit", 0.72, 0.72, 0.25, 0.25)), task.inputs());
        assertEquals(false, task.mixed(), "seed 002 §2.1 III: Aliyun waits for the guest before it mixes");

        emulator.publishStream(GUEST);
        List<Delivery> deliveries = receiver.next(2);
        Map<String, String> result = query(deliveries.get(1));
        assertEquals("MixResult", result.get("Event"));
        assertEquals("Success", result.get("Code"));
        assertEquals(PLAY, result.get("MainMixDomain"));
        assertEquals("live", result.get("MainMixApp"));
        assertEquals("room1", result.get("MainMixStream"));
        assertEquals("app1_room1_bob_camera", result.get("MixStream"));
        assertEquals("channel", result.get("MixType"));
        assertEquals("", result.get("Message"));
        assertTrue(emulator.mixStreamTasks().get(0).mixed());

        RpcCall.Answer listed = RpcCall.of("DescribeMixStreamList", CREDENTIALS, clock.instant()).with("DomainName", PLAY)
                .with("AppName", "live").with("StreamName", "room1").post(emulator);
        assertEquals(1, listed.body().get("Total").intValue());
        assertEquals(id, listed.body().get("MixStreamList").get(0).get("MixstreamId").textValue());
        assertEquals(2, listed.body().get("MixStreamList").get(0).get("InputStreamNumber").intValue());

        assertEquals(id, onTask("DeleteMixStream", id).with("AppName", "live").with("StreamName", "room1").post(emulator).text("MixStreamId"));
        assertEquals(List.of(), emulator.mixStreamTasks());
        emulator.stopPublishing(ANCHOR);
        emulator.publishStream(GUEST);
        assertEquals("MixAvailable", query(receiver.next()).get("Event"), "the guest's republish, and no MixResult for the deleted task");
        assertEquals(List.of("MixAvailable", "MixAvailable", "MixResult", "MixAvailable"),
                receiver.received().stream().map(delivery -> query(delivery).get("Event")).toList());
        assertThrows(IllegalArgumentException.class, () -> emulator.sendMixResult(id, "InternalError", "x"));
        assertEquals(0, RpcCall.of("DescribeMixStreamList", CREDENTIALS, clock.instant()).with("DomainName", PLAY).post(emulator)
                .body().get("Total").intValue());
    }

    @Test
    void aSecondMixOntoTheSameStreamAndUnknownTasksAreRefused() {
        emulator.publishStream(ANCHOR);
        create().post(emulator);

        RpcCall.Answer duplicate = create().post(emulator);
        assertEquals(400, duplicate.status());
        assertEquals("MixStreamAlreadyExists", duplicate.code());
        assertEquals(1, emulator.mixStreamTasks().size());

        RpcCall.Answer unknownUpdate = onTask("UpdateMixStream", "no-such-task").with("LayoutId", "USERDEFINED")
                .with("InputStreamList", INPUTS).post(emulator);
        assertEquals(404, unknownUpdate.status());
        assertEquals("InvalidMixStreamId.NotFound", unknownUpdate.code());
        assertEquals("InvalidMixStreamId.NotFound", onTask("DeleteMixStream", "no-such-task").post(emulator).code());
    }

    @Test
    void anUpdateReplacesTheInputsAndMixesAgain() {
        configure();
        emulator.publishStream(ANCHOR);
        emulator.publishStream(GUEST);
        String id = create().post(emulator).text("MixStreamId");
        receiver.next(3);

        String sideBySide = "[" + input(1, "room1", 0, 0, 0.5, 1) + "," + input(2, "app1_room1_bob_camera", 0.5, 0, 0.5, 1) + "]";
        onTask("UpdateMixStream", id).with("LayoutId", "USERDEFINED").with("InputStreamList", sideBySide).post(emulator);

        assertEquals(0.5, emulator.mixStreamTasks().get(0).inputs().get(1).x());
        assertEquals("Success", query(receiver.next()).get("Code"));
    }

    @Test
    void streamsStoppingSendTheirResultsAndHooksSendAnyOther() {
        configure();
        emulator.publishStream(ANCHOR);
        emulator.publishStream(GUEST);
        String id = create().post(emulator).text("MixStreamId");
        receiver.next(3);

        emulator.stopPublishing(GUEST);
        assertEquals("MixStreamNotExist", query(receiver.next()).get("Code"));
        emulator.sendMixResult(id, "InternalError", "transcoder restarted");
        Map<String, String> internal = query(receiver.next());
        assertEquals("InternalError", internal.get("Code"));
        assertEquals("transcoder restarted", internal.get("Message"));
        emulator.stopPublishing(ANCHOR);
        assertEquals("MainStreamNotExist", query(receiver.next()).get("Code"));
    }

    @Test
    void theTasksCallbackConfigReceivesItsResults() {
        emulator.publishStream(ANCHOR);
        emulator.publishStream(GUEST);
        create().with("CallbackConfig", "{\"CallbackUrl\":\"" + receiver.url("/task-callbacks") + "\"}").post(emulator);

        Delivery success = receiver.next();
        assertEquals("/task-callbacks", success.path());
        assertEquals("Success", query(success).get("Code"));
        assertEquals(null, success.header("ALI-LIVE-SIGNATURE"), "no account configuration: no key to sign with");
        assertEquals(Optional.of(receiver.url("/task-callbacks")), emulator.mixStreamTasks().get(0).callbackUrl());
    }

    @Test
    void aCallbackIsSentAgainUntilItIsAnswered200() throws InterruptedException {
        configure();
        receiver.answerWith(500);
        emulator.publishStream(ANCHOR);

        List<Delivery> tries = receiver.next(2);
        assertEquals(500, tries.get(0).answeredWith());
        assertEquals(200, tries.get(1).answeredWith());
        assertEquals(tries.get(0).header("ALI-LIVE-SIGNATURE"), tries.get(1).header("ALI-LIVE-SIGNATURE"), "a resend repeats the request");
        // the sender records a try once its answer is read, a moment after the receiver kept the request
        long deadline = System.nanoTime() + WebhookReceiver.PATIENCE.toNanos();
        while (emulator.mixCallbacks().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(1, 2), emulator.mixCallbacks().stream().map(MixCallbackAttempt::attempt).toList());
        assertEquals(List.of(500, 200), emulator.mixCallbacks().stream().map(MixCallbackAttempt::status).toList());
    }

    @Test
    void anUnescapedMessageGoesOnTheRequestLineAsItIs() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            emulator.configureMixCallbacks(new MixCallbackConfig(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/callbacks/aliyun/mix"),
                    ANCHOR.domainName(), KEY));
            emulator.publishStream(ANCHOR);
            String availableLine = requestLine(raw);
            assertTrue(availableLine.contains("Event=MixAvailable"), availableLine);
            String id = create().post(emulator).text("MixStreamId");
            emulator.sendMixResultUnescaped(id, "MixStreamNotExist", "mix+stream%20lost|\"副流\"%");

            String line = requestLine(raw);
            assertTrue(line.startsWith("GET /callbacks/aliyun/mix?MainMixDomain=play.example.com&"), line);
            assertTrue(line.endsWith("&Code=MixStreamNotExist&Message=mix+stream%20lost|\"副流\"% HTTP/1.1"), line);
        }
    }

    @Test
    void theMixActionsCheckTheirParametersAndTakeInjectedFaults() {
        emulator.publishStream(ANCHOR);
        assertEquals("MissingInputStreamList", create().without("InputStreamList").post(emulator).code());
        assertEquals("InvalidInputStreamList.Malformed", create().with("InputStreamList", "[{\"LayoutChildId\":1}]").post(emulator).code());
        assertEquals("InvalidInputStreamList.Malformed", create().with("InputStreamList", "{\"not\":\"a list\"}").post(emulator).code());
        assertEquals("InvalidLayoutId.Malformed", create().with("LayoutId", "grid").post(emulator).code());
        assertEquals("InvalidOutputConfig.Malformed", create().with("OutputConfig", "{\"AppName\":\"live\"}").post(emulator).code());

        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        RpcCall.Answer unavailable = create().post(emulator);
        assertEquals(503, unavailable.status());
        assertEquals("ServiceUnavailable", unavailable.code());
        assertEquals(List.of(), emulator.mixStreamTasks());
    }

    /** Accepts one connection, reads its request line as the bytes arrived (UTF-8), answers 200. */
    private static String requestLine(ServerSocket server) throws IOException {
        server.setSoTimeout(Math.toIntExact(WebhookReceiver.PATIENCE.toMillis()));
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return line.toString(StandardCharsets.UTF_8).stripTrailing();
        }
    }

}
