package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixResultCode;
import io.rtcgate.domain.vendor.ChannelRef;
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
 * A co-host mix's news as the emulator sends it over HTTP: the anchor's channel events and the converter the real
 * mixer creates, verified by the recording callbacks (the endpoint's verifier) and read by the mix callbacks. Emulator
 * and adapter are written from Agora's references independently, so each checks the other.
 */
class AgoraMixCallbacksFromTheEmulatorTest {

    private static final String CHANNEL = "room-9-1";
    private static final String ANCHOR = "anchor-9";
    private static final String GUEST = "guest-1";
    private static final String SECRET = "ncs-secret-of-the-project";
    private static final Instant START = Instant.parse("2030-06-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final AgoraEmulator emulator = new AgoraEmulator(clock, AgoraCredentials.random()).start();
    private final InMemoryNumericUidRegistry uids = new InMemoryNumericUidRegistry(7000);
    private final AgoraSettings settings = settings();
    private final AgoraMixChannels channels = new AgoraMixChannels();
    private final AgoraStreamMixer mixer = new AgoraStreamMixer(settings, uids, new AgoraRestClient(settings), channels, clock);
    private final AgoraRecordingCallbacks verifier = new AgoraRecordingCallbacks(settings);
    private final AgoraMixCallbacks reader = new AgoraMixCallbacks(uids, channels);
    private final WebhookReceiver gateway = new WebhookReceiver("{}");

    @BeforeEach
    void deliverToTheGateway() {
        emulator.deliverNotificationsTo(gateway.url("/callbacks/agora"), SECRET, Duration.ofMillis(10));
        emulator.subscribeChannelEvents(true);
    }

    @AfterEach
    void close() {
        emulator.close();
        gateway.close();
    }

    @Test
    void theAnchorsPresenceAndTheConvertersStatesReadAsTheMixsNews() {
        long anchorUid = uids.uidFor(ANCHOR);
        emulator.joinChannel(CHANNEL, anchorUid, true);
        String id = mixer.start(new MixRequest(new ChannelRef(CHANNEL, "stream-9", ANCHOR), "rtcgate-mix-room-9",
                CohostLayout.PICTURE_IN_PICTURE, CohostLayout.PICTURE_IN_PICTURE.arrange(List.of(ANCHOR, GUEST)),
                Optional.of("rtmp://push.example/live/room-9")));
        clock.advance(Duration.ofSeconds(10));
        emulator.failMediaPushConverter(id);
        emulator.leaveChannel(CHANNEL, anchorUid);
        clock.advance(Duration.ofSeconds(AgoraStreamMixer.IDLE_TIMEOUT_SECONDS));
        emulator.mediaPushConverters(); // the emulator notices the idle timeout, as its periodic work would

        // 101 create, 103 join, 1 created, 3 running, 3 failed, 104 leave, 102 destroy, 4 destroyed (Idle Timeout)
        List<Optional<MixNotice>> notices = verifiedAndRead(8);

        assertEquals(List.of(Optional.empty(),
                Optional.of(MixNotice.ofChannel(CHANNEL, ANCHOR, true, START)),
                Optional.empty(),
                Optional.of(MixNotice.taskResult(CHANNEL, id, MixResultCode.SUCCESS, "media-push 3 converter running", START)),
                Optional.of(MixNotice.taskResult(CHANNEL, id, MixResultCode.INTERNAL_ERROR, "media-push 3 converter failed",
                        START.plusSeconds(10))),
                Optional.of(MixNotice.ofChannel(CHANNEL, ANCHOR, false, START.plusSeconds(10))),
                Optional.empty(),
                Optional.of(MixNotice.taskResult(CHANNEL, id, MixResultCode.MAIN_STREAM_NOT_EXIST,
                        "media-push 4 converter destroyed (Idle Timeout)", START.plusSeconds(10 + AgoraStreamMixer.IDLE_TIMEOUT_SECONDS)))),
                notices);
    }

    @Test
    void aConverterAnotherNodeCreatedIsReadByTheChannelItsCreatedEventNamed() {
        emulator.joinChannel(CHANNEL, uids.uidFor(ANCHOR), true);
        AgoraMixCallbacks otherNode = new AgoraMixCallbacks(uids, new AgoraMixChannels());
        String id = mixer.start(new MixRequest(new ChannelRef(CHANNEL, "stream-9", ANCHOR), "rtcgate-mix-room-9",
                CohostLayout.SIDE_BY_SIDE, CohostLayout.SIDE_BY_SIDE.arrange(List.of(ANCHOR)), Optional.of("rtmp://push.example/live/room-9")));

        List<CallbackRequest> deliveries = gateway.next(4).stream().map(AgoraMixCallbacksFromTheEmulatorTest::asTheControllerHandsItOn).toList();

        assertEquals(Optional.empty(), otherNode.read(deliveries.get(2)), "1 created, connecting");
        assertEquals(Optional.of(id), otherNode.read(deliveries.get(3)).flatMap(MixNotice::taskId), "3 running");
    }

    private List<Optional<MixNotice>> verifiedAndRead(int count) {
        return gateway.next(count).stream().map(AgoraMixCallbacksFromTheEmulatorTest::asTheControllerHandsItOn).map(request -> {
            verifier.verify(request, clock.instant());
            return reader.read(request);
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
}
