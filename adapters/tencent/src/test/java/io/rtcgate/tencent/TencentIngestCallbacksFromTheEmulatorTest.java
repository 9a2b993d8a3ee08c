package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.ingest.IngestMode;
import io.rtcgate.domain.ingest.IngestNotice;
import io.rtcgate.domain.ingest.IngestNotice.Event;
import io.rtcgate.domain.ingest.IngestStartRequest;
import io.rtcgate.domain.ingest.IngestTask;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stream ingest callbacks of a task the real ingester starts on the emulator, delivered over HTTP, verified by the
 * recording callbacks (the endpoint's verifier) and read by the ingest reader: emulator and adapter are written from
 * Tencent's page independently, so each checks the other.
 */
class TencentIngestCallbacksFromTheEmulatorTest {

    private static final String ROOM = "room-7-1";
    private static final String ROBOT = "ingest_7";

    private final EmulatedTencentRecording tencent = new EmulatedTencentRecording();
    private final TencentStreamIngester ingester = TencentStreamIngesterTest.ingesterWith(tencent.settings);
    private final TencentRecordingCallbacks verifier = new TencentRecordingCallbacks(tencent.settings);
    private final TencentIngestCallbacks reader = new TencentIngestCallbacks();
    private final WebhookReceiver gateway = new WebhookReceiver("{\"code\":0}");

    @BeforeEach
    void deliverToTheGateway() {
        tencent.emulator.deliverCallbacksTo(gateway.url("/callbacks/tencent"), EmulatedTencentRecording.CALLBACK_KEY);
    }

    @AfterEach
    void stop() {
        tencent.close();
        gateway.close();
    }

    @Test
    void aStoppedIngestReadsAsStartedThenEnded() {
        Instant startedAt = tencent.clock.instant();
        String taskId = ingester.start(file("https://media.example/class.mp4?duration=600", 1));
        tencent.clock.advance(Duration.ofSeconds(30));
        ingester.stop(new IngestTask(ROOM, ROBOT, taskId));

        List<IngestNotice> notices = verifiedAndRead(2);

        assertEquals(List.of(new IngestNotice(Event.STARTED, taskId, Optional.empty(), startedAt, "701 start success"),
                new IngestNotice(Event.ENDED, taskId, Optional.empty(), startedAt.plusSeconds(30), "702 stop")), notices);
    }

    @Test
    void aFileThatPlaysToTheEndOfItsRepeatsReadsAsEndedAtItsEnd() {
        Instant startedAt = tencent.clock.instant();
        String taskId = ingester.start(file("https://media.example/short.mp4?duration=40", 2));
        tencent.clock.advance(Duration.ofSeconds(100));
        tencent.emulator.streamIngests(); // the emulator notices the end, as its periodic work would

        List<IngestNotice> notices = verifiedAndRead(2);

        assertEquals(List.of(Event.STARTED, Event.ENDED), notices.stream().map(IngestNotice::event).toList());
        assertEquals(List.of(taskId, taskId), notices.stream().map(IngestNotice::taskId).toList());
        assertEquals(startedAt.plusSeconds(80), notices.get(1).reportedAt(), "two plays of 40 s");
    }

    private List<IngestNotice> verifiedAndRead(int count) {
        return gateway.next(count).stream().map(this::asTheControllerHandsItOn).map(request -> {
            verifier.verify(request, tencent.clock.instant());
            return reader.read(request).orElseThrow();
        }).toList();
    }

    private CallbackRequest asTheControllerHandsItOn(Delivery delivery) {
        Map<String, String> headers = new LinkedHashMap<>();
        delivery.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return new CallbackRequest(delivery.method(), delivery.query(), headers, delivery.body());
    }

    private static IngestStartRequest file(String url, int repeat) {
        return new IngestStartRequest(ROOM, ROBOT, url, IngestMode.VOD, Duration.ZERO, repeat, 100);
    }
}
