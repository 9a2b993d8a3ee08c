package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixResultCode;
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
 * A co-host flow on the emulator, its callbacks delivered over HTTP, verified by the recording callbacks (the
 * endpoint's verifier) and read by the mix reader: the anchor enters and starts its camera, the mixer's task pushes,
 * the camera stops and starts again, the anchor leaves, the task stops. Emulator and adapter are written from
 * Tencent's pages independently, so each checks the other.
 */
class TencentMixCallbacksFromTheEmulatorTest {

    private static final String ROOM = "room-12-1";
    private static final String ANCHOR = "anchor_1";

    private final EmulatedTencentRecording tencent = new EmulatedTencentRecording();
    private final TencentStreamMixer mixer = TencentStreamMixerTest.mixerWith(tencent.settings);
    private final TencentRecordingCallbacks verifier = new TencentRecordingCallbacks(tencent.settings);
    private final TencentMixCallbacks reader = new TencentMixCallbacks();
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
    void aCoHostFlowReadsAsTheAnchorsVideoAndTheTasksPush() {
        Instant at = tencent.clock.instant();
        tencent.emulator.enterRoomAsAnchor(ROOM, ANCHOR, tencent.tokens.userSig(ANCHOR, Duration.ofMinutes(10)));
        tencent.emulator.startVideo(ROOM, ANCHOR);
        MixRequest request = TencentStreamMixerTest.request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, "guest_2");
        String taskId = mixer.start(request);
        tencent.clock.advance(Duration.ofSeconds(2));
        tencent.emulator.stopVideo(ROOM, ANCHOR);
        tencent.emulator.startVideo(ROOM, ANCHOR);
        tencent.emulator.exitRoom(ROOM, ANCHOR);
        mixer.stop(taskId, request);
        Instant later = at.plusSeconds(2);

        List<Optional<MixNotice>> notices = verifiedAndRead(7);

        assertEquals(List.of(
                Optional.empty(), // 103: in the room, no video yet
                Optional.of(MixNotice.ofChannel(ROOM, ANCHOR, true, at)),
                Optional.of(MixNotice.taskResult(ROOM, taskId, MixResultCode.SUCCESS, "401 status 2: TRTC is pushing the mixed picture to the CDN", at)),
                Optional.of(MixNotice.ofChannel(ROOM, ANCHOR, false, later)),
                Optional.of(MixNotice.ofChannel(ROOM, ANCHOR, true, later)),
                Optional.of(MixNotice.ofChannel(ROOM, ANCHOR, false, later)), // 104
                Optional.empty()), // 401 status 0: the push ended, no verdict
                notices);
    }

    @Test
    void aCdnPushTrtcGaveUpOnReadsAsAnInternalErrorOfTheTask() {
        MixRequest request = TencentStreamMixerTest.request(CohostLayout.SIDE_BY_SIDE, ANCHOR);
        String taskId = mixer.start(request);
        tencent.clock.advance(Duration.ofSeconds(1));
        tencent.emulator.failCdnPush(taskId);

        List<Optional<MixNotice>> notices = verifiedAndRead(2);

        assertEquals(Optional.of(MixNotice.taskResult(ROOM, taskId, MixResultCode.INTERNAL_ERROR,
                "401 status 4: TRTC lost the CDN and gave up reconnecting", tencent.clock.instant())), notices.get(1));
    }

    private List<Optional<MixNotice>> verifiedAndRead(int count) {
        return gateway.next(count).stream().map(this::asTheControllerHandsItOn).map(request -> {
            verifier.verify(request, tencent.clock.instant());
            return reader.read(request);
        }).toList();
    }

    private CallbackRequest asTheControllerHandsItOn(Delivery delivery) {
        Map<String, String> headers = new LinkedHashMap<>();
        delivery.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return new CallbackRequest(delivery.method(), delivery.query(), headers, delivery.body());
    }
}
