package io.rtcgate.emulator.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.aliyun.ArtcRecordingTask.State;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.WebhookReceiver;
import io.rtcgate.testkit.WebhookReceiver.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ARTC cloud recording in the fake, over real HTTP: its checks, its tasks moving on with the clock, its callbacks. */
class AliyunEmulatorCloudRecordingTest {

    private static final AliyunEmulatorCredentials CREDENTIALS = new AliyunEmulatorCredentials("LTAItestid", "testsecret", "app1", "key1");
    private static final String CHANNEL = "room1-1";
    private static final String NOTIFY_KEY = "recordingKey0123456789";
    /** Fast resends, and a period long enough that only the tests' own calls move tasks on, unless a test wants the ticks. */
    private static final CloudRecordingOptions OPTIONS =
            new CloudRecordingOptions(Duration.ofHours(1), 1, Duration.ofMillis(20), Duration.ofSeconds(2));
    private static final String SINGLE = "{\"RecordMode\":0,\"StreamType\":0,\"MaxFileDuration\":180}";
    private static final String SUBSCRIBE_ALICE = "{\"SubscribeUserIdList\":[{\"UserId\":\"alice\"}]}";
    private static final String OSS = "{\"StorageType\":1,\"OSSParams\":{\"OSSBucket\":\"rtcgate-recordings\","
            + "\"OSSEndpoint\":\"oss-cn-shanghai.aliyuncs.com\"},\"FileInfo\":[{\"Format\":\"HLS\"},"
            + "{\"Format\":\"MP4\",\"FilePathPrefix\":[\"rec\"],\"FileNamePattern\":\"{ChannelId}_{StartTime}_{UserId}\"}]}";

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final AliyunEmulator emulator = new AliyunEmulator(clock, CREDENTIALS, OPTIONS).start();
    /** Answered as Aliyun expects of the gateway. */
    private final WebhookReceiver receiver = new WebhookReceiver("{\"Code\":0,\"Msg\":\"Success\"}");

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void filesAppearOnceSomeonePublishesAndTheTaskStopsWithItsLastFiles() {
        join("alice", true);
        String taskId = start(SINGLE).text("TaskId");

        JsonNode running = describe(taskId).body().get("TaskInfo");
        assertEquals("RUNNING", running.get("Status").textValue());
        assertEquals(0, running.get("RecordFileList").get("HlsFileList").size(), "no slice is written yet");

        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(taskId + "/app1_room1-1_alice_2025-03-01-08:00:00.m3u8"),
                files(describe(taskId), "HlsFileList"), "the playlist after its first 30 s slice");
        clock.advance(Duration.ofSeconds(150));
        assertEquals(List.of("rec/" + taskId + "/room1-1_2025-03-01-08:00:00_alice.mp4"), files(describe(taskId), "Mp4FileList"),
                "an MP4 each MaxFileDuration, named by FileNamePattern under FilePathPrefix/TaskId");

        RpcCall.Answer stopped = recordingCall("StopRtcCloudRecording").with("TaskId", taskId).post(emulator);
        assertEquals(200, stopped.status());
        assertEquals(taskId, stopped.text("TaskId"));
        assertEquals("STOPPING", describe(taskId).body().get("TaskInfo").get("Status").textValue());
        clock.advance(ArtcCloudRecordings.FINISHING);
        RpcCall.Answer finished = describe(taskId);
        assertEquals("STOPPED", finished.body().get("TaskInfo").get("Status").textValue());
        assertEquals(List.of("rec/" + taskId + "/room1-1_2025-03-01-08:00:00_alice.mp4",
                "rec/" + taskId + "/room1-1_2025-03-01-08:03:00_alice.mp4"), files(finished, "Mp4FileList"));

        RpcCall.Answer again = recordingCall("StopRtcCloudRecording").with("TaskId", taskId).post(emulator);
        assertEquals(400, again.status());
        assertEquals("InvalidParameter.TaskId", again.code());
    }

    @Test
    void aMixedRecordingWritesOneStreamForEveryone() {
        join("alice", true);
        join("bob", true);
        RpcCall.Answer started = startCall("{\"RecordMode\":1,\"StreamType\":0}")
                .with("SubscribeParams", "{\"SubscribeUserIdList\":[{\"UserId\":\"alice\"},{\"UserId\":\"bob\"}]}")
                .with("MixTranscodeParams", "{\"AudioBitrate\":64,\"AudioChannels\":2,\"AudioSampleRate\":48000}")
                .with("MixLayoutParams", "{\"UserPanes\":[{\"UserId\":\"alice\",\"X\":\"0\",\"Y\":\"0\",\"Width\":\"0.5\","
                        + "\"Height\":\"1\"},{\"UserId\":\"bob\",\"X\":\"0.5\",\"Y\":\"0\",\"Width\":\"0.5\",\"Height\":\"1\"}]}")
                .post(emulator);
        assertEquals(200, started.status(), started.rawBody());
        clock.advance(Duration.ofSeconds(30));

        ArtcRecordingTask task = onlyTask();
        assertEquals(1, task.recordMode());
        assertEquals(List.of("alice", "bob"), task.subscribedUsers());
        assertEquals(List.of(task.taskId() + "/app1_room1-1_2025-03-01-08:00:00.m3u8"), task.files());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RecordParams | | MissingRecordParams",
        "RecordParams | {RecordMode:0} | InvalidRecordParams.Malformed",
        "RecordParams | {\"RecordMode\":2} | InvalidRecordParams.Malformed",
        "RecordParams | {\"RecordMode\":0,\"StreamType\":2} | InvalidRecordParams.Malformed",
        "RecordParams | {\"RecordMode\":0,\"MaxFileDuration\":179} | InvalidRecordParams.Malformed",
        "RecordParams | {\"RecordMode\":0,\"Mode\":0} | InvalidRecordParams.Malformed",
        "SubscribeParams | | MissingSubscribeParams",
        "SubscribeParams | {\"SubscribeUserIdList\":[]} | InvalidSubscribeParams.Malformed",
        "SubscribeParams | {\"SubscribeUserIdList\":[{\"UserId\":\"a b\"}]} | InvalidParameter.UserId",
        "StorageParams | | MissingStorageParams",
        "StorageParams | {\"StorageType\":0,\"FileInfo\":[{\"Format\":\"HLS\"}]} | InvalidStorageParams.Malformed",
        "StorageParams | {\"StorageType\":1,\"OSSParams\":{\"OSSEndpoint\":\"oss-cn-shanghai.aliyuncs.com\"},\"FileInfo\":[{\"Format\":\"HLS\"}]} | MissingStorageParams.OSSParams",
        "StorageParams | {\"StorageType\":1,\"OSSParams\":{\"OSSBucket\":\"b\",\"OSSEndpoint\":\"e\"},\"FileInfo\":[{\"Format\":\"FLV\"}]} | InvalidStorageParams.Malformed",
        "StorageParams | {\"StorageType\":1,\"OSSParams\":{\"OSSBucket\":\"b\",\"OSSEndpoint\":\"e\"},\"FileInfo\":[{\"Format\":\"HLS\",\"SliceDuration\":5}]} | InvalidStorageParams.Malformed",
        "MaxIdleTime | 9 | InvalidMaxIdleTime.Malformed",
        "MaxIdleTime | 14401 | InvalidMaxIdleTime.Malformed",
        "MaxIdleTime | soon | InvalidMaxIdleTime.Malformed",
        "NotifyAuthKey | short | InvalidNotifyAuthKey.Malformed",
        "NotifyUrl | ftp://example.com/x | InvalidNotifyUrl.Malformed",
        "NotifyFileUploadedFormat.1 | FLV | InvalidNotifyFileUploadedFormat.Malformed",
        "AppId | app2 | InvalidAppId.NotFound",
        "ChannelId | room 1 | InvalidChannelId.Malformed",
    })
    void aStartIsCheckedAsAliyunChecksIt(String parameter, String value, String code) {
        join("alice", true);
        RpcCall call = startCall(SINGLE);
        RpcCall.Answer answer = (value == null ? call.without(parameter) : call.with(parameter, value)).post(emulator);

        assertEquals(code, answer.code(), answer.rawBody());
        assertTrue(answer.status() >= 400, answer.rawBody());
        assertEquals(List.of(), emulator.recordingTasks());
    }

    @Test
    void aMixedRecordingNeedsItsTranscodingAndALayoutUnlessItIsAudioOnly() {
        join("alice", true);
        String mixed = "{\"RecordMode\":1}";

        assertEquals("MissingMixTranscodeParams", startCall(mixed).post(emulator).code());
        RpcCall withTranscoding = startCall(mixed).with("MixTranscodeParams", "{\"AudioBitrate\":64,\"AudioChannels\":2,\"AudioSampleRate\":48000}");
        assertEquals("MissingMixLayoutParams", withTranscoding.post(emulator).code());
        assertEquals("InvalidMixTranscodeParams.Malformed", startCall(mixed)
                .with("MixTranscodeParams", "{\"AudioBitrate\":64,\"AudioChannels\":2,\"AudioSampleRate\":22050}").post(emulator).code());
        assertEquals(200, startCall("{\"RecordMode\":1,\"StreamType\":1}")
                .with("MixTranscodeParams", "{\"AudioBitrate\":64,\"AudioChannels\":1,\"AudioSampleRate\":48000}").post(emulator).status(),
                "audio only needs no layout");
    }

    @Test
    void atMostSeventeenUsersAreSubscribed() {
        join("alice", true);
        String eighteen = IntStream.rangeClosed(1, 18).mapToObj(i -> "{\"UserId\":\"u" + i + "\"}")
                .reduce((a, b) -> a + "," + b).orElseThrow();

        assertEquals("InvalidSubscribeParams.Malformed",
                startCall(SINGLE).with("SubscribeParams", "{\"SubscribeUserIdList\":[" + eighteen + "]}").post(emulator).code());
    }

    @Test
    void aChannelWithoutUsersCannotBeRecordedNorOneWithARunningTaskTwice() {
        assertEquals("InvalidParameter.ChannelId", start(SINGLE).code());

        join("alice", true);
        String first = start(SINGLE).text("TaskId");
        RpcCall.Answer second = start(SINGLE);
        assertEquals(400, second.status());
        assertEquals("AlreadyExist.Task", second.code());

        recordingCall("StopRtcCloudRecording").with("TaskId", first).post(emulator);
        clock.advance(ArtcCloudRecordings.FINISHING);
        assertEquals(200, start(SINGLE).status(), "a stopped task leaves the channel free");
    }

    @Test
    void anUnknownTaskIsNotFoundAndAKnownOneIsForgottenAfterThreeDays() {
        RpcCall.Answer unknown = recordingCall("DescribeRtcCloudRecordingFiles").with("TaskId", "nosuchtask").post(emulator);
        assertEquals(400, unknown.status());
        assertEquals("NotFound.Task", unknown.code());
        assertEquals("NotFound.Task", recordingCall("StopRtcCloudRecording").with("TaskId", "nosuchtask").post(emulator).code());
        assertEquals("MissingTaskId", recordingCall("StopRtcCloudRecording").post(emulator).code());

        join("alice", true);
        String taskId = start(SINGLE).text("TaskId");
        clock.advance(ArtcCloudRecordings.DESCRIBABLE_FOR);
        assertEquals("NotFound.Task", describe(taskId).code());
    }

    @Test
    void aTaskStopsByItselfWhenNoSubscribedUserPublishedForMaxIdleTime() {
        join("alice", true);
        join("carol", true); // publishes, but is not subscribed
        start(SINGLE, "MaxIdleTime", "10");
        emulator.leaveChannel(CHANNEL, "alice");

        clock.advance(Duration.ofSeconds(9));
        assertEquals(State.RUNNING, onlyTask().state());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(State.STOPPING, onlyTask().state());
        clock.advance(ArtcCloudRecordings.FINISHING);
        assertEquals(State.STOPPED, onlyTask().state());
    }

    @Test
    void callbacksAreSignedWithTheTaskKeyAndGoToTheNotifyUrlWithItsQuery() {
        join("alice", true);
        String taskId = startCall(SINGLE).with("NotifyUrl", receiver.url("/callbacks/aliyun/recording?recorder=rec-7").toString())
                .with("NotifyAuthKey", NOTIFY_KEY).with("NotifyFileUploadedFormat.1", "MP4").post(emulator).text("TaskId");

        List<Delivery> started = receiver.next(2);
        assertEquals(List.of("TaskCreated", "TaskRunning"), started.stream().map(d -> body(d).get("eventType").textValue()).toList());
        Delivery created = started.get(0);
        assertEquals("POST", created.method());
        assertEquals("recorder=rec-7", created.query());
        assertEquals("application/json", created.header("Content-Type"));
        assertEquals(Long.toString(clock.instant().getEpochSecond()), created.header("ALI-LIVE-TIMESTAMP"));
        assertEquals(RecordingCallbackSender.signature(created.header("ALI-LIVE-TIMESTAMP"), NOTIFY_KEY), created.header("ALI-LIVE-SIGNATURE"));
        JsonNode body = body(created);
        assertEquals("app1", body.get("appId").textValue());
        assertEquals(CHANNEL, body.get("channelId").textValue());
        assertEquals(taskId, body.get("taskId").textValue());
        assertEquals(clock.instant().toEpochMilli(), body.get("callbackTs").longValue());
        assertTrue(body.get("payload").isTextual(), "the payload is a JSON string");

        recordingCall("StopRtcCloudRecording").with("TaskId", taskId).post(emulator);
        clock.advance(ArtcCloudRecordings.FINISHING);
        emulator.recordingTasks();
        List<Delivery> stopped = receiver.next(3);
        assertEquals(List.of("TaskStopping", "RecordFileUploaded", "TaskStopped"),
                stopped.stream().map(d -> body(d).get("eventType").textValue()).toList(), "only MP4 uploads are notified");
        JsonNode uploaded = EmulatorJson.readObject(body(stopped.get(1)).get("payload").textValue());
        assertEquals("MP4", uploaded.get("format").textValue());
        assertEquals("alice", uploaded.get("userId").textValue());
        assertEquals(onlyTask().files().get(1), uploaded.get("fileName").textValue());
    }

    @Test
    void aCallbackAnsweredWithAServerErrorIsSentOnceMoreWithTheSameSignedBytes() {
        join("alice", true);
        receiver.answerWith(500);

        startCall(SINGLE).with("NotifyUrl", receiver.url("/cb").toString()).with("NotifyAuthKey", NOTIFY_KEY).post(emulator);

        List<Delivery> created = receiver.next(3).stream().filter(d -> body(d).get("eventType").textValue().equals("TaskCreated")).toList();
        assertEquals(2, created.size(), "the first try and one resend");
        assertEquals(created.get(0).body(), created.get(1).body());
        assertEquals(created.get(0).header("ALI-LIVE-SIGNATURE"), created.get(1).header("ALI-LIVE-SIGNATURE"));
    }

    @Test
    void withoutANotifyAuthKeyCallbacksAreUnsignedAndWithoutANotifyUrlThereAreNone() {
        join("alice", true);
        startCall(SINGLE).with("NotifyUrl", receiver.url("/cb").toString()).post(emulator);

        Delivery delivery = receiver.next();
        assertEquals(null, delivery.header("ALI-LIVE-SIGNATURE"));
        assertEquals(null, delivery.header("ALI-LIVE-TIMESTAMP"));

        emulator.leaveChannel(CHANNEL, "alice");
        clock.advance(Duration.ofSeconds(ArtcCloudRecordings.DEFAULT_MAX_IDLE).plus(ArtcCloudRecordings.FINISHING));
        join("bob", true);
        startCall(SINGLE).with("SubscribeParams", "{\"SubscribeUserIdList\":[{\"UserId\":\"bob\"}]}").post(emulator);
        assertTrue(emulator.recordingTasks().get(1).notifyUrl().isEmpty());
    }

    @Test
    void theClockMovesTasksOnWithNoRequestToPromptThem() {
        try (AliyunEmulator ticking = new AliyunEmulator(clock, CREDENTIALS,
                new CloudRecordingOptions(Duration.ofMillis(20), 0, Duration.ofMillis(20), Duration.ofSeconds(2))).start()) {
            ticking.joinChannel(CHANNEL, "alice", tokenFor("alice"), true);
            RpcCall.Answer started = RpcCall.of("StartRtcCloudRecording", CREDENTIALS, clock.instant())
                    .with("AppId", "app1").with("ChannelId", CHANNEL).with("RecordParams", SINGLE)
                    .with("SubscribeParams", SUBSCRIBE_ALICE).with("StorageParams", OSS).with("MaxIdleTime", "10")
                    .with("NotifyUrl", receiver.url("/cb").toString()).post(ticking);
            assertEquals(200, started.status(), started.rawBody());
            assertEquals(2, receiver.next(2).size());
            ticking.leaveChannel(CHANNEL, "alice");

            clock.advance(Duration.ofSeconds(10).plus(ArtcCloudRecordings.FINISHING));

            List<String> events = receiver.next(2).stream().map(d -> body(d).get("eventType").textValue()).toList();
            assertEquals(List.of("TaskStopping", "TaskStopped"), events);
        }
    }

    @Test
    void aBucketOfAnotherAccountFailsTheTaskAtItsFirstUpload() {
        join("alice", true);
        String otherBucket = OSS.replace("rtcgate-recordings", "someone-elses-bucket");
        startCall(SINGLE).with("StorageParams", otherBucket).with("NotifyUrl", receiver.url("/cb").toString()).post(emulator);
        receiver.next(2);

        clock.advance(Duration.ofSeconds(30));
        ArtcRecordingTask task = onlyTask();

        assertEquals(State.STOPPED, task.state());
        assertEquals(List.of(), task.files());
        JsonNode stopped = body(receiver.next());
        assertEquals("TaskStopped", stopped.get("eventType").textValue());
        JsonNode failure = EmulatorJson.readObject(stopped.get("payload").textValue());
        assertEquals(ArtcCloudRecordings.BUCKET_NOT_FOUND, failure.get("errorCode").intValue());
        assertFalse(failure.get("errorMessage").textValue().isBlank());
    }

    @Test
    void theFakesBucketIsTheOneItRecordsTo() {
        assertEquals(new OssBucket("rtcgate-recordings", "oss-cn-shanghai.aliyuncs.com"), emulator.recordingStorage());
        assertEquals(Optional.empty(), emulator.recordingTasks().stream().findFirst());
    }

    // ---- helpers ----

    private RpcCall recordingCall(String action) {
        return RpcCall.of(action, CREDENTIALS, clock.instant());
    }

    private RpcCall startCall(String recordParams) {
        return recordingCall("StartRtcCloudRecording").with("AppId", "app1").with("ChannelId", CHANNEL)
                .with("RecordParams", recordParams).with("SubscribeParams", SUBSCRIBE_ALICE).with("StorageParams", OSS);
    }

    private RpcCall.Answer start(String recordParams) {
        return startCall(recordParams).post(emulator);
    }

    private void start(String recordParams, String parameter, String value) {
        RpcCall.Answer answer = startCall(recordParams).with(parameter, value).post(emulator);
        assertEquals(200, answer.status(), answer.rawBody());
    }

    private RpcCall.Answer describe(String taskId) {
        return recordingCall("DescribeRtcCloudRecordingFiles").with("TaskId", taskId).post(emulator);
    }

    private static List<String> files(RpcCall.Answer answer, String list) {
        JsonNode files = answer.body().get("TaskInfo").get("RecordFileList").get(list);
        return java.util.stream.StreamSupport.stream(files.spliterator(), false).map(JsonNode::textValue).toList();
    }

    private ArtcRecordingTask onlyTask() {
        List<ArtcRecordingTask> tasks = emulator.recordingTasks();
        assertEquals(1, tasks.size(), tasks.toString());
        return tasks.get(0);
    }

    private void join(String userId, boolean publisher) {
        emulator.joinChannel(CHANNEL, userId, tokenFor(userId), publisher);
    }

    private String tokenFor(String userId) {
        long expires = clock.instant().plus(Duration.ofDays(5)).getEpochSecond();
        return ArtcTokenVerifierTest.token("app1", CHANNEL, userId, expires,
                ArtcTokenVerifier.classicToken("app1", "key1", CHANNEL, userId, "", expires));
    }

    private static JsonNode body(Delivery delivery) {
        return EmulatorJson.readObject(delivery.body());
    }
}
