package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.MixCallbacks;
import io.rtcgate.domain.cohost.StreamMixer;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixStopped;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.aliyun.LiveStreamRef;
import io.rtcgate.emulator.aliyun.MixInput;
import io.rtcgate.emulator.aliyun.MixStreamTask;
import io.rtcgate.testkit.Concurrently;
import io.rtcgate.testkit.WebhookReceiver;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CDN co-host mixing through the real Aliyun SDK against a started emulator, over HTTP. */
class AliyunStreamMixerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final ChannelRef ROOM = new ChannelRef("room1", "room1-live", "alice");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AliyunEmulator emulator = AliyunEmulator.withRandomCredentials(Clock.systemUTC()).start();
    private final WebhookReceiver receiver = new WebhookReceiver("");
    private final AliyunSettings settings = TestSettings.forEmulator(emulator, emulator.credentials().accessKeySecret(), TIMEOUT)
            .withMixCallbacks(receiver.url("/callbacks/aliyun/mix"));
    private final AliyunStreamMixer mixer = mixer(settings);

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    private static AliyunStreamMixer mixer(AliyunSettings settings) {
        return new AliyunStreamMixer(settings, new AliyunTypeAUrlSigner(settings.live(), Clock.systemUTC()), new AliyunLiveClient(settings));
    }

    private static MixRequest request(CohostLayout layout, String... users) {
        return new MixRequest(ROOM, "mix-room1", layout, layout.arrange(List.of(users)), Optional.empty());
    }

    private String camera(String user) {
        return emulator.credentials().artcAppId() + "_room1_" + user + "_camera";
    }

    private void publish(String stream) {
        emulator.publishStream(new LiveStreamRef("push.example.com", "live", stream));
    }

    private static Map<String, String> query(RecordedRequest request) {
        return Arrays.stream(request.query().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private List<RecordedRequest> calls(String action) {
        return emulator.requests().stream().filter(request -> request.action().equals(action)).toList();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void startMixesTheGuestsCameraOntoTheMainStreamAndAliyunReportsSuccess() throws Exception {
        publish("room1-live");
        publish(camera("bob"));

        String taskId = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, "alice", "bob"));

        MixStreamTask task = emulator.mixStreamTasks().get(0);
        assertEquals(taskId, task.mixStreamId());
        assertEquals("play.example.com", task.domainName());
        assertEquals("live", task.appName());
        assertEquals("room1-live", task.streamName(), "the mix overlays the main stream itself");
        assertEquals("USERDEFINED", task.layoutId());
        assertEquals(List.of(new MixInput(1, new LiveStreamRef("play.example.com", "live", "room1-live"), "fit", 0, 0, 1, 1),
                new MixInput(2, new LiveStreamRef("play.example.com", "live", camera("bob")), "fit", 0.72, 0.72, 0.25, 0.25)), task.inputs());
        Map<String, String> create = query(calls("CreateMixStream").get(0));
        assertEquals(json("{\"AppName\":\"live\",\"StreamName\":\"room1-live\"}"), json(create.get("OutputConfig")));
        assertEquals(json("{\"CallbackUrl\":\"" + receiver.url("/callbacks/aliyun/mix") + "\"}"), json(create.get("CallbackConfig")));
        JsonNode guest = json(create.get("InputStreamList")).get(1);
        assertEquals("rtmp://play.example.com/live/" + camera("bob"), guest.get("ResourceValue").textValue());
        assertEquals(json("{\"FillMode\":\"fit\",\"PositionRefer\":\"topLeft\",\"FillPositionNormalized\":[0.72,0.72],"
                + "\"FillSizeNormalized\":[0.25,0.25]}"), guest.get("LayoutConfig"));
        assertTrue(mixer.resultsByCallback());

        String result = receiver.next().query();
        assertTrue(result.contains("MainMixStream=room1-live") && result.contains("Event=MixResult") && result.contains("Code=Success"), result);
    }

    @Test
    void theUrlsAreSignedWithThePlayDomainsKeyWhenItHasOne() throws Exception {
        AliyunLiveDomains signedPlay = new AliyunLiveDomains("push.example.com", "play.example.com", "live", "", "playKey",
                Duration.ofHours(1), true, "");
        AliyunSettings base = TestSettings.forEmulator(emulator, emulator.credentials().accessKeySecret(), TIMEOUT);
        AliyunSettings signed = new AliyunSettings(base.accessKeyId(), base.accessKeySecret(), base.region(), base.endpoint(),
                base.protocol(), base.artcAppId(), base.artcAppKey(), signedPlay, TIMEOUT);
        publish("room1-live");

        mixer(signed).start(request(CohostLayout.SIDE_BY_SIDE, "alice"));

        String main = json(query(calls("CreateMixStream").get(0)).get("InputStreamList")).get(0).get("ResourceValue").textValue();
        assertTrue(main.matches("rtmp://play\\.example\\.com/live/room1-live\\?auth_key=\\d+-0-0-[0-9a-f]{32}"), main);
        assertEquals(null, query(calls("CreateMixStream").get(0)).get("CallbackConfig"), "no mix-callback-url: none is sent");
    }

    @Test
    void updateFollowsMemberAndLayoutChanges() {
        publish("room1-live");
        String taskId = mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, "alice", "bob"));

        mixer.update(taskId, request(CohostLayout.PICTURE_IN_PICTURE, "alice", "bob", "carol"));
        List<MixInput> three = emulator.mixStreamTasks().get(0).inputs();
        assertEquals(List.of("room1-live", camera("bob"), camera("carol")), three.stream().map(input -> input.stream().streamName()).toList());
        assertEquals(0.45, three.get(2).y(), "stacked upwards in steps of 0.27, written as 0.45");

        mixer.update(taskId, request(CohostLayout.SIDE_BY_SIDE, "alice", "carol"));
        List<MixInput> halves = emulator.mixStreamTasks().get(0).inputs();
        assertEquals(List.of(0.0, 0.5), halves.stream().map(MixInput::x).toList());
        assertEquals(List.of(0.5, 0.5), halves.stream().map(MixInput::width).toList());
        assertEquals(camera("carol"), halves.get(1).stream().streamName());
        assertEquals(taskId, query(calls("UpdateMixStream").get(1)).get("MixStreamId"));
        assertEquals("USERDEFINED", query(calls("UpdateMixStream").get(1)).get("LayoutId"));
    }

    @Test
    void stopDeletesTheTaskAndAnUnknownTaskHadEndedAlready() {
        publish("room1-live");
        MixRequest request = request(CohostLayout.PICTURE_IN_PICTURE, "alice", "bob");
        String taskId = mixer.start(request);

        assertEquals(MixStopped.STOPPED, mixer.stop(taskId, request));
        assertEquals(List.of(), emulator.mixStreamTasks());
        Map<String, String> delete = query(calls("DeleteMixStream").get(0));
        assertEquals(Map.of("DomainName", "play.example.com", "AppName", "live", "StreamName", "room1-live", "MixStreamId", taskId),
                Map.of("DomainName", delete.get("DomainName"), "AppName", delete.get("AppName"), "StreamName", delete.get("StreamName"),
                        "MixStreamId", delete.get("MixStreamId")));

        assertEquals(MixStopped.ALREADY_ENDED, mixer.stop(taskId, request));
    }

    @Test
    void aStartBeforeTheMainStreamIsMixableIsRefused() {
        VendorException refused = assertThrows(VendorException.class, () -> mixer.start(request(CohostLayout.PICTURE_IN_PICTURE, "alice", "bob")));

        assertEquals(Kind.REJECTED, refused.kind());
        assertEquals("MainStreamNotExist", refused.vendorCode());
        assertEquals("start", refused.operation());
        assertEquals(List.of(), emulator.mixStreamTasks());
    }

    @Test
    void aWrongAccessKeySecretIsRejectedWithSignatureDoesNotMatch() {
        publish("room1-live");
        AliyunSettings wrong = TestSettings.forEmulator(emulator, "not-the-secret", TIMEOUT);

        VendorException failure = assertThrows(VendorException.class,
                () -> mixer(wrong).start(request(CohostLayout.PICTURE_IN_PICTURE, "alice")));

        assertEquals(Kind.REJECTED, failure.kind());
        assertEquals("SignatureDoesNotMatch", failure.vendorCode());
        assertEquals(List.of(), emulator.mixStreamTasks());
    }

    @Test
    void serverErrorsAndRefusedConnectionsAreTransientFailures() {
        publish("room1-live");
        MixRequest request = request(CohostLayout.PICTURE_IN_PICTURE, "alice", "bob");
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        VendorException unavailable = assertThrows(VendorException.class, () -> mixer.start(request));
        assertEquals(Kind.SERVER_ERROR, unavailable.kind());
        assertEquals("ServiceUnavailable", unavailable.vendorCode());
        assertTrue(unavailable.kind().countsAgainstHealth());

        String taskId = mixer.start(request);
        emulator.faults().failNext(FaultKind.CONNECTION_REFUSED, 1);
        VendorException dropped = assertThrows(VendorException.class, () -> mixer.update(taskId, request));
        assertEquals(Kind.TRANSPORT, dropped.kind());
        assertTrue(dropped.kind().countsAgainstHealth());
    }

    @Test
    void aRetriedStartAdoptsTheTaskAlreadyMixingOntoTheMainStream() {
        publish("room1-live");
        MixRequest request = request(CohostLayout.PICTURE_IN_PICTURE, "alice", "bob");
        String first = mixer.start(request);

        String retried = mixer.start(request);

        assertEquals(first, retried);
        assertEquals(1, emulator.mixStreamTasks().size());
        assertEquals(1, calls("CreateMixStream").size(), "the retry found the task with DescribeMixStreamList");
        assertEquals(first, query(calls("UpdateMixStream").get(0)).get("MixStreamId"));
        Map<String, String> describe = query(calls("DescribeMixStreamList").get(1));
        assertEquals("room1-live", describe.get("StreamName"));
        assertEquals("play.example.com", describe.get("DomainName"));
    }

    @Test
    void mixingAndItsCallbacksAreOfferedOnlyWithACallbackKey() {
        AliyunLiveDomains keyed = new AliyunLiveDomains("push.example.com", "play.example.com", "live", "", "", Duration.ofHours(1),
                true, "callback-key");
        AliyunSettings withKey = new AliyunSettings(settings.accessKeyId(), settings.accessKeySecret(), settings.region(),
                settings.endpoint(), settings.protocol(), settings.artcAppId(), settings.artcAppKey(), keyed, TIMEOUT);

        List<VendorPort> offered = AliyunPorts.create(withKey, Clock.systemUTC());
        assertTrue(offered.stream().anyMatch(port -> port instanceof StreamMixer mixing && mixing.resultsByCallback()), offered.toString());
        assertTrue(offered.stream().anyMatch(port -> port instanceof MixCallbacks), offered.toString());
        assertEquals(Set.of(Capability.MIXING, Capability.MIX_CALLBACKS), offered.stream()
                .filter(port -> port instanceof StreamMixer || port instanceof MixCallbacks)
                .map(port -> Capability.of(port instanceof StreamMixer ? StreamMixer.class : MixCallbacks.class))
                .collect(Collectors.toSet()));

        List<VendorPort> keyless = AliyunPorts.create(settings, Clock.systemUTC());
        assertTrue(keyless.stream().noneMatch(port -> port instanceof StreamMixer || port instanceof MixCallbacks), keyless.toString());
    }

    @Test
    void concurrentStartsMakeOneTask() {
        publish("room1-live");
        MixRequest request = request(CohostLayout.PICTURE_IN_PICTURE, "alice", "bob");

        List<Concurrently.Outcome<String>> outcomes = Concurrently.run(4, () -> mixer(settings), racer -> racer.start(request));

        assertTrue(outcomes.stream().allMatch(Concurrently.Outcome::succeeded), outcomes.toString());
        assertEquals(1, emulator.mixStreamTasks().size());
        String id = emulator.mixStreamTasks().get(0).mixStreamId();
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.value().equals(id)), outcomes.toString());
    }
}
