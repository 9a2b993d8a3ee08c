package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.ingest.IngestMode;
import io.rtcgate.domain.ingest.IngestNotice;
import io.rtcgate.domain.ingest.IngestNotice.Event;
import io.rtcgate.domain.ingest.IngestStartRequest;
import io.rtcgate.domain.ingest.IngestTask;
import io.rtcgate.emulator.agora.AgoraCredentials;
import io.rtcgate.emulator.agora.AgoraEmulator;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.net.URI;
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
 * The Media Pull notifications of a player the real ingester creates on the emulator, delivered over HTTP, verified by
 * the recording callbacks (the endpoint's verifier) and read by the ingest reader: emulator and adapter are written
 * from Agora's reference independently, so each checks the other.
 */
class AgoraIngestCallbacksFromTheEmulatorTest {

    private static final String CHANNEL = "room-9-1";
    private static final String ROBOT = "ingest-robot-1";
    private static final String SECRET = "ncs-secret-of-the-project";

    private final ManualClock clock = new ManualClock(Instant.parse("2030-06-01T12:00:00Z"));
    private final AgoraEmulator emulator = new AgoraEmulator(clock, AgoraCredentials.random()).start();
    private final InMemoryNumericUidRegistry uids = new InMemoryNumericUidRegistry(5000);
    private final AgoraSettings settings = settings();
    private final AgoraStreamIngester ingester = new AgoraStreamIngester(settings, uids, new AgoraRestClient(settings),
            new AgoraTokenIssuer(settings, uids, clock), clock);
    private final AgoraRecordingCallbacks verifier = new AgoraRecordingCallbacks(settings);
    private final AgoraIngestCallbacks reader = new AgoraIngestCallbacks();
    private final WebhookReceiver gateway = new WebhookReceiver("{}");

    @BeforeEach
    void deliverToTheGateway() {
        emulator.deliverNotificationsTo(gateway.url("/callbacks/agora"), SECRET, Duration.ofMillis(10));
    }

    @AfterEach
    void close() {
        emulator.close();
        gateway.close();
    }

    @Test
    void aStoppedIngestReadsAsStartedThenEndedOnTheDelete() {
        Instant startedAt = clock.instant();
        String id = ingester.start(file("https://media.example/class.mp4?duration=600", 1));
        clock.advance(Duration.ofSeconds(30));
        ingester.stop(new IngestTask(CHANNEL, ROBOT, id));

        List<IngestNotice> notices = verifiedAndRead(3);

        assertEquals(List.of(Event.STARTED, Event.PROGRESS, Event.ENDED), notices.stream().map(IngestNotice::event).toList());
        assertEquals(List.of(id, id, id), notices.stream().map(IngestNotice::taskId).toList());
        assertEquals(List.of("media-pull 1 player created", "media-pull 4 player status changed (running)",
                "media-pull 3 player destroyed (Delete Request)"), notices.stream().map(IngestNotice::vendorEvent).toList());
        assertEquals(List.of(startedAt, startedAt, startedAt.plusSeconds(30)), notices.stream().map(IngestNotice::reportedAt).toList());
    }

    @Test
    void aFileThatPlaysToTheEndOfItsRepeatsReadsAsEndedWhenItEnded() {
        Instant startedAt = clock.instant();
        String id = ingester.start(file("https://media.example/short.mp4?duration=40", 2));
        clock.advance(Duration.ofSeconds(100));
        emulator.mediaPullPlayers(); // the emulator notices the end, as its periodic work would

        IngestNotice ended = verifiedAndRead(3).get(2);

        assertEquals(new IngestNotice(Event.ENDED, id, Optional.empty(), startedAt.plusSeconds(80),
                "media-pull 3 player destroyed (Idle Timeout)"), ended);
    }

    private List<IngestNotice> verifiedAndRead(int count) {
        return gateway.next(count).stream().map(AgoraIngestCallbacksFromTheEmulatorTest::asTheControllerHandsItOn).map(request -> {
            verifier.verify(request, clock.instant());
            return reader.read(request).orElseThrow();
        }).toList();
    }

    private static CallbackRequest asTheControllerHandsItOn(Delivery delivery) {
        Map<String, String> headers = new LinkedHashMap<>();
        delivery.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return new CallbackRequest(delivery.method(), delivery.query(), headers, delivery.body());
    }

    private AgoraSettings settings() {
        AgoraCredentials credentials = emulator.credentials();
        return new AgoraSettings(credentials.appId(), credentials.appCertificate(), credentials.customerKey(),
                credentials.customerSecret(), URI.create(emulator.baseUrl()), Duration.ofSeconds(2)).withCallbackSecret(SECRET);
    }

    private static IngestStartRequest file(String url, int repeat) {
        return new IngestStartRequest(CHANNEL, ROBOT, url, IngestMode.VOD, Duration.ZERO, repeat, 100);
    }
}
