package io.rtcgate.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.recording.MixLayout;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingNotice;
import io.rtcgate.domain.recording.RecordingStartRequest;
import io.rtcgate.domain.recording.RecordingStarted;
import io.rtcgate.domain.recording.RecordingStatus;
import io.rtcgate.domain.recording.RecordingStopped;
import io.rtcgate.domain.recording.RecordingTask;
import io.rtcgate.domain.recording.TaskState;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.domain.recording.VendorTaskId;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.WebhookSender;
import io.rtcgate.emulator.aliyun.ArtcRecordingTask;
import java.net.URI;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Aliyun cloud recorder through the real SDK against the emulator over HTTP: the happy path, the wire format, the error rows. */
class AliyunCloudRecorderTest {

    private static final String CHANNEL = "room7-1";
    private static final RecorderIdentity RECORDER = new RecorderIdentity("rec-7");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatedArtcRecording aliyun = new EmulatedArtcRecording();
    private final AliyunCloudRecorder recorder = aliyun.recorder;

    @AfterEach
    void stop() {
        aliyun.close();
    }

    @Test
    void startQueryAndStopAnIndividualRecording() {
        String startTime = fileTime(aliyun.clock.instant());
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);
        aliyun.join(CHANNEL, "carol", ParticipantRole.AUDIENCE);

        RecordingStarted start = recorder.start(request(RecordingMode.INDIVIDUAL, Set.of(RecordingFormat.HLS, RecordingFormat.MP4)));

        ArtcRecordingTask running = onlyTask();
        assertEquals(new RecordingStarted(VendorTaskId.of(running.taskId()), false), start);
        assertEquals(List.of("alice"), running.subscribedUsers(), "the publishers are recorded, not the audience");
        assertEquals(0, running.recordMode());
        RecordingTask task = task(start, RecordingMode.INDIVIDUAL);
        assertEquals(new RecordingStatus(TaskState.RECORDING, List.of()), recorder.query(task), "no slice is written yet");

        aliyun.clock.advance(Duration.ofSeconds(30));
        RecordingFile playlist = new RecordingFile("rtcgate/rec1/" + running.taskId() + "/" + CHANNEL + "_" + startTime + "_alice.m3u8",
                TrackType.AUDIO_AND_VIDEO, Optional.of("alice"), Optional.empty(), UploadStatus.IN_PROGRESS);
        assertEquals(new RecordingStatus(TaskState.RECORDING, List.of(playlist)), recorder.query(task));

        assertEquals(RecordingStopped.stopped(List.of()), recorder.stop(task), "Aliyun's stop answers no files");
        assertEquals(TaskState.STOPPING, recorder.query(task).state());
        aliyun.clock.advance(Duration.ofSeconds(5));
        RecordingStatus ended = recorder.query(task);
        assertEquals(TaskState.ENDED, ended.state());
        assertEquals(List.of(playlist.withUploadStatus(UploadStatus.UPLOADED), new RecordingFile(
                "rtcgate/rec1/" + running.taskId() + "/" + CHANNEL + "_" + startTime + "_alice.mp4", TrackType.AUDIO_AND_VIDEO,
                Optional.of("alice"), Optional.empty(), UploadStatus.UPLOADED)), ended.files());
        assertEquals(RecordingStopped.alreadyEnded(), recorder.stop(task), "InvalidParameter.TaskId: it is not running any more");
    }

    @Test
    void aMixedRecordingIsMixedFromEveryPublisherWithAPanePerUser() throws Exception {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);
        aliyun.join(CHANNEL, "bob", ParticipantRole.COHOST);
        recorder.start(new RecordingStartRequest(CHANNEL, RECORDER, Optional.empty(), RecordingMode.MIX,
                Set.of(RecordingFormat.MP4, RecordingFormat.HLS), Duration.ofSeconds(120), Optional.of(MixLayout.VERTICAL)));

        Map<String, String> start = query(request("StartRtcCloudRecording"));
        assertEquals(aliyun.emulator.credentials().artcAppId(), start.get("AppId"));
        assertEquals(CHANNEL, start.get("ChannelId"));
        assertEquals(JSON.readTree("{\"RecordMode\":1,\"StreamType\":0}"), JSON.readTree(start.get("RecordParams")));
        assertEquals(JSON.readTree("{\"SubscribeUserIdList\":[{\"StreamType\":0,\"SourceType\":0,\"UserId\":\"alice\"},"
                + "{\"StreamType\":0,\"SourceType\":0,\"UserId\":\"bob\"}]}"), JSON.readTree(start.get("SubscribeParams")));
        JsonNode storage = JSON.readTree(start.get("StorageParams"));
        assertEquals(1, storage.get("StorageType").intValue());
        assertEquals(JSON.readTree("{\"OSSBucket\":\"rtcgate-recordings\",\"OSSEndpoint\":\"oss-cn-shanghai.aliyuncs.com\"}"),
                storage.get("OSSParams"));
        assertEquals(List.of("HLS", "MP4"), storage.get("FileInfo").findValuesAsText("Format"), "one FileInfo per format");
        assertEquals("{ChannelId}_{StartTime}", storage.get("FileInfo").get(1).get("FileNamePattern").textValue());
        assertEquals("[\"rtcgate\",\"rec1\"]", storage.get("FileInfo").get(1).get("FilePathPrefix").toString());
        assertEquals(JSON.readTree("{\"UserPanes\":[{\"ZOrder\":0,\"Width\":\"0.8\",\"X\":\"0\",\"Y\":\"0\",\"UserId\":\"alice\",\"Height\":\"1\"},"
                        + "{\"ZOrder\":0,\"Width\":\"0.2\",\"X\":\"0.8\",\"Y\":\"0\",\"UserId\":\"bob\",\"Height\":\"1\"}]}"),
                JSON.readTree(start.get("MixLayoutParams")));
        assertEquals(48_000, JSON.readTree(start.get("MixTranscodeParams")).get("AudioSampleRate").intValue());
        assertEquals("120", start.get("MaxIdleTime"));
        assertEquals("HLS", start.get("NotifyFileUploadedFormat.1"));
        assertEquals("MP4", start.get("NotifyFileUploadedFormat.2"));
        assertEquals(AliyunRecordingCallbacks.notifyAuthKey(EmulatedArtcRecording.CALLBACK_KEY), start.get("NotifyAuthKey"),
                "the key derived from the callback auth key, which has characters Aliyun does not take");
        assertEquals(1, onlyTask().recordMode());
    }

    @Test
    void theNotifyUrlIsTheConfiguredOneWithTheRecorderAppended() {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);

        recorder.start(new RecordingStartRequest(CHANNEL, new RecorderIdentity("rec 7&x=y"), Optional.empty(), RecordingMode.MIX,
                Set.of(RecordingFormat.HLS), Duration.ofSeconds(30), Optional.empty()));

        URI notifyUrl = onlyTask().notifyUrl().orElseThrow();
        assertEquals(EmulatedArtcRecording.CALLBACK_URL + "?recorder=rec+7%26x%3Dy", notifyUrl.toString());
        assertEquals("rec 7&x=y", UrlEncodedParameters.of(notifyUrl.getRawQuery()).get("recorder"));
    }

    @Test
    void aCallbackUrlWithAQueryKeepsItAndGetsTheRecorderAfterIt() {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);
        AliyunSettings settings = aliyun.settings.withRecording(aliyun.storage, URI.create("http://127.0.0.1:9/cb?tenant=a"));

        new AliyunCloudRecorder(settings, aliyun.client).start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        assertEquals("http://127.0.0.1:9/cb?tenant=a&recorder=rec-7", onlyTask().notifyUrl().orElseThrow().toString());
    }

    @Test
    void theTasksOwnCallbacksVerifyAndReadAsNoticesOfThisRecorder() {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);
        AliyunRecordingCallbacks callbacks = new AliyunRecordingCallbacks(aliyun.settings.artcAppId(), EmulatedArtcRecording.CALLBACK_KEY);
        RecordingStarted start = recorder.start(request(RecordingMode.INDIVIDUAL, Set.of(RecordingFormat.MP4)));
        recorder.stop(task(start, RecordingMode.INDIVIDUAL));
        aliyun.clock.advance(Duration.ofSeconds(5));
        aliyun.emulator.recordingTasks();

        List<RecordingNotice> notices = callbacksOnceThereAre(5).stream().map(attempt -> {
            CallbackRequest request = asReceived(attempt);
            callbacks.verify(request, aliyun.clock.instant());
            return callbacks.read(request).orElseThrow();
        }).toList();

        assertEquals(List.of(RecordingNotice.Event.PROGRESS, RecordingNotice.Event.STARTED, RecordingNotice.Event.PROGRESS,
                RecordingNotice.Event.FILES, RecordingNotice.Event.ENDED), notices.stream().map(RecordingNotice::event).toList());
        assertTrue(notices.stream().allMatch(notice -> notice.recorder().equals(Optional.of(RECORDER))
                && notice.taskId().equals(start.task().taskId()) && notice.channel().equals(CHANNEL)), notices.toString());
        RecordingFile uploaded = notices.get(3).files().get(0);
        assertEquals(Optional.of("alice"), uploaded.user());
        assertEquals(UploadStatus.UPLOADED, uploaded.uploadStatus());
        assertTrue(uploaded.name().endsWith(".mp4"), uploaded.name());
    }

    @Test
    void nobodyPublishingIsRefusedBeforeAnythingIsStarted() {
        aliyun.join(CHANNEL, "carol", ParticipantRole.AUDIENCE);

        ConflictException refused = assertThrows(ConflictException.class,
                () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));

        assertTrue(refused.getMessage().contains("nobody publishes in channel " + CHANNEL), refused.getMessage());
        assertEquals(List.of("DescribeChannelUsers"), aliyun.emulator.requests().stream().map(RecordedRequest::action).toList());
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 9, 14_401, 259_200})
    void anIdleTimeOutsideAliyunsRangeIsRefusedUnsent(long seconds) {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> recorder.start(new RecordingStartRequest(
                CHANNEL, RECORDER, Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS), Duration.ofSeconds(seconds),
                Optional.empty())));

        assertEquals("max_idle_seconds", refused.field());
        assertTrue(refused.getMessage().contains("10 to 14400"), refused.getMessage());
        assertEquals(List.of(), aliyun.emulator.requests());
    }

    @ParameterizedTest
    @ValueSource(longs = {10, 14_400})
    void theEndsOfAliyunsIdleRangeAreSent(long seconds) {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);

        recorder.start(new RecordingStartRequest(CHANNEL, RECORDER, Optional.empty(), RecordingMode.MIX, Set.of(RecordingFormat.HLS),
                Duration.ofSeconds(seconds), Optional.empty()));

        assertEquals(Long.toString(seconds), query(request("StartRtcCloudRecording")).get("MaxIdleTime"));
    }

    @Test
    void aSecondTaskInTheChannelIsRefusedAndIsNoSignOfIllHealth() {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);
        recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS)));

        VendorException conflict = assertThrows(VendorException.class,
                () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));

        assertEquals(VendorException.Kind.REJECTED, conflict.kind());
        assertEquals("AlreadyExist.Task", conflict.vendorCode());
        assertFalse(conflict.kind().countsAgainstHealth());
        assertEquals(1, aliyun.emulator.recordingTasks().size());
    }

    @Test
    void anUnknownTaskIsGoneForQueryAndEndedForStop() {
        RecordingTask unknown = new RecordingTask(CHANNEL, RECORDER, RecordingMode.MIX, VendorTaskId.of("nosuchtask"));

        assertEquals(RecordingStatus.GONE, recorder.query(unknown));
        assertEquals(RecordingStopped.alreadyEnded(), recorder.stop(unknown));
        assertEquals(List.of("DescribeRtcCloudRecordingFiles:400", "StopRtcCloudRecording:400"),
                aliyun.emulator.requests().stream().map(r -> r.action() + ":" + r.status()).toList());
    }

    @Test
    void aTaskThatEndedAtItsIdleTimeIsEndedWithItsFiles() {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);
        RecordingStarted start = recorder.start(new RecordingStartRequest(CHANNEL, RECORDER, Optional.empty(), RecordingMode.MIX,
                Set.of(RecordingFormat.MP4), Duration.ofSeconds(10), Optional.empty()));
        aliyun.emulator.leaveChannel(CHANNEL, "alice");

        aliyun.clock.advance(Duration.ofSeconds(15));
        RecordingStatus status = recorder.query(task(start, RecordingMode.MIX));

        assertEquals(TaskState.ENDED, status.state());
        assertEquals(1, status.files().size());
        assertEquals(Optional.empty(), status.files().get(0).user(), "a mixed file is nobody's");
        assertEquals(RecordingStopped.alreadyEnded(), recorder.stop(task(start, RecordingMode.MIX)));
    }

    @Test
    void throttlingAndServerErrorsCountAgainstAliyunsHealthAndCarryNoSecret() {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);
        aliyun.emulator.faults().failNext(FaultKind.THROTTLE, 1);
        VendorException throttled = assertThrows(VendorException.class,
                () -> recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));
        assertEquals(VendorException.Kind.THROTTLED, throttled.kind());
        assertEquals("Throttling.User", throttled.vendorCode());

        RecordingTask task = task(recorder.start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))), RecordingMode.MIX);
        aliyun.emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        VendorException broken = assertThrows(VendorException.class, () -> recorder.query(task));
        assertEquals(VendorException.Kind.SERVER_ERROR, broken.kind());
        aliyun.emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        VendorException brokenStop = assertThrows(VendorException.class, () -> recorder.stop(task));
        assertEquals(VendorException.Kind.SERVER_ERROR, brokenStop.kind());

        for (VendorException error : List.of(throttled, broken, brokenStop)) {
            assertTrue(error.kind().countsAgainstHealth());
            assertNoSecretIn(error.getMessage());
        }
    }

    @Test
    void aWrongAccessKeySecretIsRejected() {
        aliyun.join(CHANNEL, "alice", ParticipantRole.HOST);
        AliyunSettings wrong = aliyun.settings("not-the-secret").withRecording(aliyun.storage, EmulatedArtcRecording.CALLBACK_URL);

        VendorException refused = assertThrows(VendorException.class, () -> new AliyunCloudRecorder(wrong, new AliyunLiveClient(wrong))
                .start(request(RecordingMode.MIX, Set.of(RecordingFormat.HLS))));

        assertEquals(VendorException.Kind.REJECTED, refused.kind());
        assertEquals("SignatureDoesNotMatch", refused.vendorCode());
    }

    @Test
    void aTaskWithoutItsTaskIdCannotBeQueried() {
        RecordingTask unnamed = new RecordingTask(CHANNEL, RECORDER, RecordingMode.MIX, VendorTaskId.unnamed("resource"));

        IllegalArgumentException noTaskId = assertThrows(IllegalArgumentException.class, () -> recorder.query(unnamed));
        assertTrue(noTaskId.getMessage().contains("TaskId"), noTaskId.getMessage());
        assertEquals(List.of(), aliyun.emulator.requests());
    }

    @Test
    void noSecretIsInTheRecordersOrTheSettingsText() {
        assertNoSecretIn(recorder.toString());
        assertNoSecretIn(aliyun.settings.toString());
        assertTrue(aliyun.settings.toString().contains("rtcgate-recordings"), aliyun.settings.toString());
    }

    @Test
    void aliyunOffersRecordingOnlyWithStorageAndACallbackUrlAndItsCallbacksOnlyWithAKey() {
        List<Class<?>> withEverything = classes(AliyunPorts.create(aliyun.settings, Clock.systemUTC()));
        assertTrue(withEverything.containsAll(List.of(AliyunCloudRecorder.class, AliyunRecordingCallbacks.class)), withEverything.toString());

        List<Class<?>> withoutRecording = classes(AliyunPorts.create(aliyun.settings(aliyun.emulator.credentials().accessKeySecret()),
                Clock.systemUTC()));
        assertFalse(withoutRecording.contains(AliyunCloudRecorder.class));
        assertTrue(withoutRecording.contains(AliyunRecordingCallbacks.class));

        List<Class<?>> withoutKey = classes(AliyunPorts.create(TestSettings.forEmulator(aliyun.emulator,
                aliyun.emulator.credentials().accessKeySecret(), EmulatedArtcRecording.TIMEOUT)
                .withRecording(aliyun.storage, EmulatedArtcRecording.CALLBACK_URL), Clock.systemUTC()));
        assertTrue(withoutKey.contains(AliyunCloudRecorder.class));
        assertFalse(withoutKey.contains(AliyunRecordingCallbacks.class));
    }

    // ---- helpers ----

    private void assertNoSecretIn(String text) {
        for (String secret : List.of(EmulatedArtcRecording.CALLBACK_KEY, AliyunRecordingCallbacks.notifyAuthKey(EmulatedArtcRecording.CALLBACK_KEY),
                aliyun.emulator.credentials().accessKeySecret(), aliyun.emulator.credentials().artcAppKey())) {
            assertFalse(text.contains(secret), text);
        }
    }

    private static List<Class<?>> classes(List<VendorPort> ports) {
        assertTrue(ports.stream().allMatch(port -> port.vendor() == Vendor.ALIYUN));
        return ports.stream().<Class<?>>map(Object::getClass).toList();
    }

    /** A file's StartTime as the recorder names files. */
    private static String fileTime(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd-HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    /** The emulator's callback tries, once {@code count} are recorded: the sender records them in the background. */
    private List<WebhookSender.Attempt> callbacksOnceThereAre(int count) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (aliyun.emulator.recordingCallbacks().size() < count && java.time.Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return aliyun.emulator.recordingCallbacks();
    }

    private static RecordingStartRequest request(RecordingMode mode, Set<RecordingFormat> formats) {
        return new RecordingStartRequest(CHANNEL, RECORDER, Optional.empty(), mode, formats, Duration.ofSeconds(60), Optional.empty());
    }

    private static RecordingTask task(RecordingStarted start, RecordingMode mode) {
        return new RecordingTask(CHANNEL, RECORDER, mode, start.task());
    }

    private ArtcRecordingTask onlyTask() {
        List<ArtcRecordingTask> tasks = aliyun.emulator.recordingTasks();
        assertEquals(1, tasks.size(), tasks.toString());
        return tasks.get(0);
    }

    private RecordedRequest request(String action) {
        return aliyun.emulator.requests().stream().filter(recorded -> recorded.action().equals(action)).findFirst().orElseThrow();
    }

    /** A callback as the gateway's endpoint would hand it to the port: its raw query, its headers, its body. */
    private static CallbackRequest asReceived(WebhookSender.Attempt attempt) {
        return new CallbackRequest("POST", attempt.url().getRawQuery(), attempt.headers(), attempt.body());
    }

    private static Map<String, String> query(RecordedRequest request) {
        return Arrays.stream(request.query().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
