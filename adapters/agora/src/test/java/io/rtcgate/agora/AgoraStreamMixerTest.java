package io.rtcgate.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.MixCallbacks;
import io.rtcgate.domain.cohost.MixPane;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixStopped;
import io.rtcgate.domain.cohost.StreamMixer;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.agora.AgoraCredentials;
import io.rtcgate.emulator.agora.AgoraEmulator;
import io.rtcgate.emulator.agora.MediaPushConverter;
import io.rtcgate.emulator.agora.MediaPushConverter.Pane;
import io.rtcgate.testkit.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Agora stream mixer (Media Push converters) against the emulator over real HTTP. */
class AgoraStreamMixerTest {

    private static final String CHANNEL = "room-9-1";
    private static final String ANCHOR = "anchor-9";
    private static final String GUEST = "guest-1";
    private static final String SECOND_GUEST = "guest-2";
    private static final String TASK = "rtcgate-mix-room-9";
    private static final String PUSH_URL = "rtmp://push.example/live/room-9?auth_key=1893456000-0-0-abc";

    private final ManualClock clock = new ManualClock(Instant.parse("2030-06-01T12:00:00Z"));
    private final AgoraEmulator emulator = new AgoraEmulator(clock, AgoraCredentials.random()).start();
    private final InMemoryNumericUidRegistry uids = new InMemoryNumericUidRegistry(7000);
    private final AgoraStreamMixer mixer = mixerWith(settings(emulator.credentials().customerSecret()).withRegion("eu"));

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void startCreatesAConverterInTheConfiguredRegionMixingTheMembersByTheirUidsOnTheScaledCanvas() throws Exception {
        String id = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST));

        RecordedRequest create = only("rtmp-converters.create");
        assertEquals("POST", create.method());
        assertEquals("/eu/v1/projects/" + emulator.credentials().appId() + "/rtmp-converters", create.path());
        JsonNode converter = AgoraJson.MAPPER.readTree(create.body()).path("converter");
        long anchor = uids.uidFor(ANCHOR);
        long guest = uids.uidFor(GUEST);
        assertEquals(TASK, converter.path("name").textValue());
        assertEquals(PUSH_URL, converter.path("rtmpUrl").textValue());
        assertEquals(300, converter.path("idleTimeOut").intValue());
        JsonNode transcode = converter.path("transcodeOptions");
        assertEquals(CHANNEL, transcode.path("rtcChannel").textValue());
        assertEquals("[" + anchor + "," + guest + "]", transcode.path("audioOptions").path("rtcStreamUids").toString());
        JsonNode video = transcode.path("videoOptions");
        assertEquals("{\"width\":720,\"height\":1280,\"color\":0}", video.path("canvas").toString());
        assertEquals("[{\"rtcStreamUid\":" + anchor + ",\"region\":{\"xPos\":0,\"yPos\":0,\"zIndex\":0,\"width\":720,\"height\":1280}},"
                + "{\"rtcStreamUid\":" + guest + ",\"region\":{\"xPos\":518,\"yPos\":922,\"zIndex\":1,\"width\":180,\"height\":320}}]",
                video.path("layout").toString(), "0.72 and 0.25 of 720 x 1280, edges rounded");
        assertEquals(2260, video.path("bitrate").intValue());
        assertEquals(15, video.path("frameRate").intValue());
        MediaPushConverter created = onlyConverter();
        assertEquals(id, created.id());
        assertEquals("eu", created.region());
        assertEquals(MediaPushConverter.State.CONNECTING, created.state(), "accepted before the anchor is in the channel");

        emulator.joinChannel(CHANNEL, anchor, true);

        assertEquals(MediaPushConverter.State.RUNNING, onlyConverter().state());
    }

    @Test
    void aMemberChangeAndALayoutChangeAreUpdatesOfThePictureWithAGrowingSequence() throws Exception {
        String id = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST));

        mixer.update(id, request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST, SECOND_GUEST));
        MediaPushConverter threeMembers = onlyConverter();
        mixer.update(id, request(CohostLayout.SIDE_BY_SIDE, ANCHOR, GUEST, SECOND_GUEST)); // same millisecond on the clock

        long anchor = uids.uidFor(ANCHOR);
        long guest = uids.uidFor(GUEST);
        long second = uids.uidFor(SECOND_GUEST);
        assertEquals(List.of(new Pane(anchor, 0, 0, 0, 720, 1280), new Pane(guest, 518, 922, 1, 180, 320),
                new Pane(second, 518, 576, 1, 180, 320)), threeMembers.layout());
        assertEquals(Optional.of(List.of(anchor, guest, second)), threeMembers.audioUids());
        MediaPushConverter sideBySide = onlyConverter();
        assertEquals(List.of(new Pane(anchor, 0, 0, 0, 360, 1280), new Pane(guest, 360, 0, 0, 360, 640),
                new Pane(second, 360, 640, 0, 360, 640)), sideBySide.layout());
        assertEquals(PUSH_URL, sideBySide.rtmpUrl());
        List<RecordedRequest> updates = all("rtmp-converters.update");
        assertEquals(2, updates.size());
        assertEquals("PATCH", updates.get(0).method());
        assertEquals("/eu/v1/projects/" + emulator.credentials().appId() + "/rtmp-converters/" + id, updates.get(0).path());
        JsonNode body = AgoraJson.MAPPER.readTree(updates.get(0).body());
        assertEquals("transcodeOptions.videoOptions.canvas,transcodeOptions.videoOptions.layout,"
                + "transcodeOptions.audioOptions.rtcStreamUids", body.path("fields").textValue());
        assertEquals(List.of("transcodeOptions"), names(body.path("converter")), "only what changes: " + body);
        assertTrue(sequence(updates.get(1)) > sequence(updates.get(0)));
        assertEquals(clock.millis(), sequence(updates.get(0)), "the clock's milliseconds, above any before a restart");
    }

    @Test
    void stopDeletesTheConverterAndAStopOfOneAgoraNoLongerHasFindsItEnded() {
        String id = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST));

        assertEquals(MixStopped.STOPPED, mixer.stop(id, request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST)));

        RecordedRequest delete = only("rtmp-converters.delete");
        assertEquals("DELETE", delete.method());
        assertEquals("/eu/v1/projects/" + emulator.credentials().appId() + "/rtmp-converters/" + id, delete.path());
        assertEquals(MediaPushConverter.State.ENDED, onlyConverter().state());
        assertEquals(MixStopped.ALREADY_ENDED, mixer.stop(id, request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST)));
        assertEquals(MixStopped.ALREADY_ENDED, mixer.stop("0123456789abcdef0123456789abcdef",
                request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR)), "an unknown task");
    }

    @Test
    void aRetriedStartAdoptsTheTasksConverterFromTheChannelsListAndGivesItTheRequestedPicture() {
        String first = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST));

        String second = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR, GUEST, SECOND_GUEST));

        assertEquals(first, second);
        assertEquals(1, emulator.mediaPushConverters().size(), "no second converter");
        assertEquals(List.of("rtmp-converters.create", "rtmp-converters.create", "rtmp-converters.list", "rtmp-converters.update"),
                emulator.requests().stream().map(RecordedRequest::action).toList());
        assertEquals(409, all("rtmp-converters.create").get(1).status());
        assertEquals("/v1/projects/" + emulator.credentials().appId() + "/channels/" + CHANNEL + "/rtmp-converters",
                only("rtmp-converters.list").path());
        assertEquals(3, onlyConverter().layout().size(), "the retry's members");
    }

    @Test
    void aNameAnotherChannelsConverterHoldsIsARejection() {
        mixer.start(new MixRequest(new ChannelRef("room-other", "s", ANCHOR), TASK, CohostLayout.PICTURE_IN_PICTURE,
                CohostLayout.PICTURE_IN_PICTURE.arrange(List.of(ANCHOR)), Optional.of(PUSH_URL)));

        VendorException taken = assertThrows(VendorException.class,
                () -> mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR)));

        assertEquals(VendorException.Kind.REJECTED, taken.kind());
        assertEquals("409", taken.vendorCode());
        assertEquals(1, emulator.mediaPushConverters().size());
    }

    @Test
    void refusalsAreRejectionsWithTheHttpStatusAsTheVendorCode() {
        AgoraStreamMixer wrongSecret = mixerWith(settings("not-the-secret"));
        VendorException unauthorized = assertThrows(VendorException.class,
                () -> wrongSecret.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR)));
        assertEquals(VendorException.Kind.REJECTED, unauthorized.kind());
        assertEquals("401", unauthorized.vendorCode());
        assertTrue(unauthorized.getMessage().contains("Invalid authentication credentials"), unauthorized.getMessage());
        assertTrue(emulator.mediaPushConverters().isEmpty());

        MixRequest badUrl = new MixRequest(new ChannelRef(CHANNEL, "s", ANCHOR), TASK, CohostLayout.PICTURE_IN_PICTURE,
                CohostLayout.PICTURE_IN_PICTURE.arrange(List.of(ANCHOR)), Optional.of("https://push.example/live"));
        VendorException refused = assertThrows(VendorException.class, () -> mixer.start(badUrl));
        assertEquals("400", refused.vendorCode());
        assertTrue(refused.getMessage().contains("Invalid parameter: rtmpUrl"), refused.getMessage());

        String id = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR));
        mixer.stop(id, request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR));
        VendorException gone = assertThrows(VendorException.class, () -> mixer.update(id, request(CohostLayout.SIDE_BY_SIDE, ANCHOR)));
        assertEquals(VendorException.Kind.REJECTED, gone.kind());
        assertEquals("404", gone.vendorCode());
    }

    @Test
    void serverErrorsThrottlingAndRefusedConnectionsAreTransientAndCountAgainstHealth() {
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        VendorException serverError = assertThrows(VendorException.class,
                () -> mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR)));
        assertEquals(VendorException.Kind.SERVER_ERROR, serverError.kind());
        assertEquals("500", serverError.vendorCode());
        assertTrue(serverError.kind().countsAgainstHealth());

        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        assertEquals(VendorException.Kind.THROTTLED, assertThrows(VendorException.class,
                () -> mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR))).kind());

        emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 1);
        VendorException refused = assertThrows(VendorException.class, () -> mixer.stop("abc", request(CohostLayout.PICTURE_IN_PICTURE, ANCHOR)));
        assertEquals(VendorException.Kind.TRANSPORT, refused.kind());
        assertTrue(refused.kind().countsAgainstHealth());
        assertTrue(emulator.mediaPushConverters().isEmpty());
    }

    @Test
    void aStartWithoutAPushUrlIsAProgrammingError() {
        MixRequest noUrl = new MixRequest(new ChannelRef(CHANNEL, "s", ANCHOR), TASK, CohostLayout.PICTURE_IN_PICTURE,
                CohostLayout.PICTURE_IN_PICTURE.arrange(List.of(ANCHOR)), Optional.empty());

        assertThrows(IllegalArgumentException.class, () -> mixer.start(noUrl));
        assertTrue(emulator.requests().isEmpty());
    }

    @Test
    void converterNamesAreOnePerTaskAndAlwaysValid() {
        assertEquals(TASK, AgoraStreamMixer.converterName(TASK));
        String odd = AgoraStreamMixer.converterName("mix of room 9 / with spaces");
        assertTrue(odd.matches("rtcgate_mix_[0-9a-f]{32}"), odd);
        assertEquals(odd, AgoraStreamMixer.converterName("mix of room 9 / with spaces"));
        String long65 = "m".repeat(65);
        assertTrue(AgoraStreamMixer.converterName(long65).matches("rtcgate_mix_[0-9a-f]{32}"));
        assertEquals(new AgoraMediaPushJson.Region(0, 0, 0, 1, 1280), AgoraStreamMixer.region(new MixPane("u", 0, 0, 0.0001, 1, 0)),
                "a pane never shrinks to nothing");
    }

    @Test
    void theFactoryOffersTheMixerAlwaysAndTheMixCallbacksWithANotificationSecret() {
        AgoraSettings settings = settings(emulator.credentials().customerSecret());
        List<VendorPort> without = AgoraPorts.create(settings, uids, clock);
        List<VendorPort> with = AgoraPorts.create(settings.withCallbackSecret("ncs-secret"), uids, clock);

        assertEquals(1, without.stream().filter(StreamMixer.class::isInstance).count());
        assertTrue(without.stream().noneMatch(MixCallbacks.class::isInstance));
        assertEquals(List.of(AgoraMixCallbacks.class), with.stream().filter(MixCallbacks.class::isInstance).map(Object::getClass).toList());
        assertTrue(with.stream().filter(port -> port instanceof StreamMixer || port instanceof MixCallbacks)
                .allMatch(port -> port.vendor() == io.rtcgate.domain.vendor.Vendor.AGORA));
    }

    private MixRequest request(CohostLayout layout, String... members) {
        return new MixRequest(new ChannelRef(CHANNEL, "stream-room-9", ANCHOR), TASK, layout, layout.arrange(List.of(members)),
                Optional.of(PUSH_URL));
    }

    private AgoraStreamMixer mixerWith(AgoraSettings settings) {
        return new AgoraStreamMixer(settings, uids, new AgoraRestClient(settings), new AgoraMixChannels(), clock);
    }

    private AgoraSettings settings(String customerSecret) {
        AgoraCredentials credentials = emulator.credentials();
        return new AgoraSettings(credentials.appId(), credentials.appCertificate(), credentials.customerKey(), customerSecret,
                URI.create(emulator.baseUrl()), Duration.ofSeconds(2));
    }

    private MediaPushConverter onlyConverter() {
        List<MediaPushConverter> converters = emulator.mediaPushConverters();
        assertEquals(1, converters.size(), converters.toString());
        return converters.get(0);
    }

    private RecordedRequest only(String action) {
        List<RecordedRequest> matching = all(action);
        assertEquals(1, matching.size(), emulator.requests().toString());
        return matching.get(0);
    }

    private List<RecordedRequest> all(String action) {
        return emulator.requests().stream().filter(request -> request.action().equals(action)).toList();
    }

    private static long sequence(RecordedRequest update) {
        return Long.parseLong(update.query().replace("sequence=", ""));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
