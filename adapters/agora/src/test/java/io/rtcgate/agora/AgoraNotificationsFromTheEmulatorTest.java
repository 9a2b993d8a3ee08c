package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingNotice;
import io.rtcgate.domain.recording.RecordingNotice.Event;
import io.rtcgate.domain.recording.RecordingStartRequest;
import io.rtcgate.domain.recording.RecordingStarted;
import io.rtcgate.domain.recording.RecordingTask;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the Agora emulator sends of a recording's life, verified and read by the gateway's verifier: the two
 * are written from the documentation independently, so this checks each against the other.
 */
class AgoraNotificationsFromTheEmulatorTest {

    private static final String CHANNEL = "room-7-1";
    private static final RecorderIdentity RECORDER = new RecorderIdentity("3000000007");
    private static final long HOST = 1001;
    private static final String SECRET = "ncs-secret-of-the-project";

    private final EmulatedRecording agora = new EmulatedRecording();
    private final AgoraRecordingCallbacks callbacks = AgoraRecordingCallbacksTest.callbacksWith(SECRET);
    private final BlockingQueue<CallbackRequest> received = new LinkedBlockingQueue<>();
    private final HttpServer endpoint = endpoint(received);

    @AfterEach
    void stop() {
        agora.close();
        endpoint.stop(0);
    }

    @Test
    void aRecordingsLifeReadsAsStartedFilesAndEnded() throws InterruptedException {
        agora.emulator.deliverNotificationsTo(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/callbacks/agora"),
                SECRET, Duration.ofMillis(10));
        Instant startedAt = agora.clock.instant();
        RecordingStarted started = agora.recorder.start(new RecordingStartRequest(CHANNEL, RECORDER, Optional.empty(),
                RecordingMode.MIX, Set.of(RecordingFormat.HLS), Duration.ofSeconds(30), Optional.empty()));
        agora.emulator.joinChannel(CHANNEL, HOST, true);
        agora.clock.advance(Duration.ofMinutes(3));
        agora.recorder.stop(new RecordingTask(CHANNEL, RECORDER, RecordingMode.MIX, started.task()));

        List<RecordingNotice> notices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CallbackRequest request = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(request, "notification " + i + " never arrived");
            callbacks.verify(request, agora.clock.instant());
            notices.add(callbacks.read(request).orElseThrow());
        }

        assertEquals(List.of(Event.STARTED, Event.FILES, Event.PROGRESS, Event.FILES, Event.ENDED),
                notices.stream().map(RecordingNotice::event).toList());
        String sid = started.task().taskId().orElseThrow();
        for (RecordingNotice notice : notices) {
            assertEquals(CHANNEL, notice.channel());
            assertEquals(Optional.of(sid), notice.taskId());
            assertEquals(Optional.of(RECORDER), notice.recorder());
        }
        String playlist = "rtcgate/rec1/" + sid + "_" + CHANNEL + ".m3u8";
        assertEquals(List.of(new RecordingFile(playlist, TrackType.AUDIO_AND_VIDEO, Optional.empty(), Optional.empty(),
                UploadStatus.IN_PROGRESS)), notices.get(1).files());
        assertEquals(List.of(new RecordingFile(playlist, TrackType.AUDIO_AND_VIDEO, Optional.empty(), Optional.of(startedAt),
                UploadStatus.UPLOADED)), notices.get(3).files());
        assertEquals(startedAt, notices.get(0).reportedAt());
        assertEquals(startedAt.plus(Duration.ofMinutes(3)), notices.get(4).reportedAt());
        assertEquals("session_exit", notices.get(4).vendorEvent());
    }

    @Test
    void aNotificationSignedWithAnotherSecretIsRefused() throws InterruptedException {
        agora.emulator.deliverNotificationsTo(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/callbacks/agora"),
                "someone-elses-secret", Duration.ofMillis(10));
        agora.recorder.start(new RecordingStartRequest(CHANNEL, RECORDER, Optional.empty(), RecordingMode.MIX,
                Set.of(RecordingFormat.HLS), Duration.ofSeconds(30), Optional.empty()));

        CallbackRequest request = received.poll(10, TimeUnit.SECONDS);

        assertNotNull(request, "recorder_started never arrived");
        assertThrows(AuthenticationException.class, () -> callbacks.verify(request, agora.clock.instant()));
    }

    /** A loopback endpoint that keeps each delivery as the gateway's controller would hand it to the verifier. */
    private static HttpServer endpoint(BlockingQueue<CallbackRequest> received) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/", exchange -> keep(exchange, received));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keep(HttpExchange exchange, BlockingQueue<CallbackRequest> received) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new CallbackRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(), headers, body));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
