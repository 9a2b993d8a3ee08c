package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.aliyun.ArtcRecordingTask.State;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.Failure;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.FileInfo;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.FileUploaded;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.MixLayoutParams;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.MixTranscodeParams;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.RecordFileList;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.RecordParams;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.StorageParams;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.SubscribeParams;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.SubscribedUser;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.TaskAnswer;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.TaskFiles;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.TaskInfo;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.UserPane;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * ARTC cloud recording as the fake plays it: StartRtcCloudRecording, DescribeRtcCloudRecordingFiles and
 * StopRtcCloudRecording with the checks the API pages document (help.aliyun.com/zh/live/developer-reference/
 * api-live-2016-11-01-startrtccloudrecording and its siblings; the SDK's request classes for the names):
 * <ul>
 *   <li>the channel must have users, and 1 to 17 subscribed UserIds; MaxIdleTime 10-14400 s (300 by default),
 *       MaxFileDuration 180-7200 s (7200), SliceDuration 10-30 s (30); a mixed recording needs
 *       MixTranscodeParams, and MixLayoutParams unless it records audio only; OSS storage needs OSSBucket and
 *       OSSEndpoint; a NotifyAuthKey is 16-64 letters and digits;</li>
 *   <li>files appear once a subscribed user publishes: each stream's HLS playlist after its first slice, an
 *       MP4 or MP3 segment each MaxFileDuration, the rest when the task stops; names follow FileNamePattern
 *       under {@code FilePathPrefix/TaskId/};</li>
 *   <li>a task stops when asked, when no subscribed user has published for MaxIdleTime, or after 72 hours,
 *       and is STOPPED {@link #FINISHING} later; Describe finds tasks for 3 days; an unknown task is
 *       {@code NotFound.Task}, a stop of a task that is not running {@code InvalidParameter.TaskId} (both from
 *       the StopRtcCloudRecording page);</li>
 *   <li>callbacks: TaskCreated and TaskRunning at the start, TaskStopping, RecordFileUploaded for each
 *       uploaded file of a format in NotifyFileUploadedFormat, TaskStopped.</li>
 * </ul>
 * Not documented in the copies we have, so chosen here: StorageType 1 is OSS (the page's example; the fake
 * records to OSS only), the codes {@code InvalidParameter.ChannelId} for a channel without users and
 * {@code AlreadyExist.Task} for a second task in a channel, and a task whose bucket does not exist failing at
 * its first upload with error 405 (ARTC DescribeCloudRecordStatus's "bucket does not exist"). Time is the
 * emulator's clock; thread-safe.
 */
final class ArtcCloudRecordings {

    static final long DEFAULT_MAX_IDLE = 300;
    static final Duration FINISHING = Duration.ofSeconds(5);
    static final Duration MAX_LIFETIME = Duration.ofHours(72);
    static final Duration DESCRIBABLE_FOR = Duration.ofDays(3);
    static final int OSS_STORAGE = 1;
    static final int BUCKET_NOT_FOUND = 405;
    private static final int SINGLE_STREAM = 0;
    private static final int MIXED = 1;
    private static final int AUDIO_ONLY = 1;
    private static final int VIDEO_ONLY = 2;
    private static final int MAX_SUBSCRIBED = 17;
    private static final long DEFAULT_MAX_FILE = 7200;
    private static final long DEFAULT_SLICE = 30;
    private static final int MAX_URL = 2048;
    private static final Pattern ARTC_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern NOTIFY_AUTH_KEY = Pattern.compile("[A-Za-z0-9]{16,64}");
    private static final Set<String> FORMATS = Set.of("HLS", "MP4", "MP3");
    private static final Set<Long> SAMPLE_RATES = Set.of(16_000L, 32_000L, 44_100L, 48_000L);
    /** The StartTime of a file name, as the DescribeRtcCloudRecordingFiles example writes it. */
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private final String appId;
    private final Clock clock;
    private final ArtcChannels channels;
    private final OssBucket bucket;
    private final RecordingCallbackSender callbacks;
    private final Map<String, Task> tasks = new LinkedHashMap<>();

    ArtcCloudRecordings(String appId, Clock clock, ArtcChannels channels, OssBucket bucket, RecordingCallbackSender callbacks) {
        this.appId = appId;
        this.clock = clock;
        this.channels = channels;
        this.bucket = bucket;
        this.callbacks = callbacks;
    }

    // ---- the API ----

    synchronized TaskAnswer start(String channel, RpcRequest request) {
        sync();
        if (!ARTC_ID.matcher(channel).matches()) {
            throw AliyunApiError.malformed("ChannelId");
        }
        RecordParams record = json(request, "RecordParams", RecordParams.class);
        int mode = record.recordMode() == null ? -1 : record.recordMode();
        if (mode != SINGLE_STREAM && mode != MIXED) {
            throw invalid("RecordParams", "RecordParams.RecordMode must be 0 (single stream) or 1 (mixed).");
        }
        int streamType = record.streamType() == null ? 0 : record.streamType();
        if (streamType < 0 || streamType > VIDEO_ONLY || (streamType == VIDEO_ONLY && mode != MIXED)) {
            throw invalid("RecordParams", "RecordParams.StreamType must be 0, 1, or 2 in mixed mode.");
        }
        long maxFile = within(record.maxFileDuration(), DEFAULT_MAX_FILE, 180, 7200, "RecordParams", "MaxFileDuration");
        List<String> users = subscribedUsers(json(request, "SubscribeParams", SubscribeParams.class), mode);
        StorageParams storage = json(request, "StorageParams", StorageParams.class);
        List<OutputFile> outputs = outputs(storage, mode);
        if (mode == MIXED) {
            checkTranscoding(json(request, "MixTranscodeParams", MixTranscodeParams.class));
            if (streamType != AUDIO_ONLY) {
                checkLayout(json(request, "MixLayoutParams", MixLayoutParams.class));
            }
        }
        long maxIdle = request.optional("MaxIdleTime").map(text -> integer(text, "MaxIdleTime"))
                .map(value -> within(value, DEFAULT_MAX_IDLE, 10, 14_400, "MaxIdleTime", "MaxIdleTime"))
                .orElse(DEFAULT_MAX_IDLE);
        Optional<URI> notifyUrl = request.optional("NotifyUrl").map(ArtcCloudRecordings::notifyUrl);
        Optional<String> notifyAuthKey = request.optional("NotifyAuthKey");
        if (notifyAuthKey.isPresent() && !NOTIFY_AUTH_KEY.matcher(notifyAuthKey.get()).matches()) {
            throw invalid("NotifyAuthKey", "NotifyAuthKey must be 16 to 64 letters and digits.");
        }
        Set<String> notifyFormats = notifyFileUploadedFormats(request);
        ArtcChannelUsers present = channels.users(channel);
        if (present.interactive().isEmpty() && present.live().isEmpty()) {
            throw new AliyunApiError(400, "InvalidParameter.ChannelId", channel + ", please check the ChannelId.");
        }
        if (tasks.values().stream().anyMatch(task -> task.channel.equals(channel) && task.state != State.STOPPED)) {
            throw new AliyunApiError(400, "AlreadyExist.Task", channel + ", a recording task is already running in the channel.");
        }
        Instant now = clock.instant();
        Task task = new Task(UUID.randomUUID().toString(), channel, mode, users, outputs, Duration.ofSeconds(maxIdle),
                Duration.ofSeconds(maxFile), notifyUrl, notifyAuthKey, notifyFormats, bucket.bucket().equals(storage.ossParams().ossBucket()),
                now);
        tasks.put(task.id, task);
        task.event("TaskCreated", now, null);
        task.event("TaskRunning", now, null);
        task.observe(now);
        return new TaskAnswer(task.id);
    }

    synchronized TaskFiles describe(RpcRequest request) {
        sync();
        Task task = describable(request.required("TaskId"));
        return new TaskFiles(new TaskInfo(task.id, task.state.name(), new RecordFileList(
                task.written("MP4"), task.written("HLS"), task.written("MP3"))));
    }

    synchronized TaskAnswer stop(RpcRequest request) {
        sync();
        Task task = describable(request.required("TaskId"));
        if (task.state != State.RUNNING) {
            throw new AliyunApiError(400, "InvalidParameter.TaskId", task.id + ", please check the TaskId.");
        }
        task.stopping(clock.instant());
        return new TaskAnswer(task.id);
    }

    /** Moves every task on to the emulator's clock: files appear, idle tasks stop, stopping tasks finish. */
    synchronized void sync() {
        Instant now = clock.instant();
        for (Task task : tasks.values()) {
            task.observe(now);
        }
    }

    synchronized List<ArtcRecordingTask> tasks() {
        sync();
        return tasks.values().stream().map(Task::snapshot).toList();
    }

    // ---- checks ----

    private Task describable(String taskId) {
        Task task = tasks.get(taskId);
        if (task == null || !clock.instant().isBefore(task.createdAt.plus(DESCRIBABLE_FOR))) {
            throw new AliyunApiError(400, "NotFound.Task", taskId + ", please check the TaskId.");
        }
        return task;
    }

    private static List<String> subscribedUsers(SubscribeParams subscribe, int mode) {
        List<SubscribedUser> list = subscribe.subscribeUserIdList();
        if (list == null || list.isEmpty() || list.size() > MAX_SUBSCRIBED) {
            throw invalid("SubscribeParams", "SubscribeParams.SubscribeUserIdList must name 1 to " + MAX_SUBSCRIBED + " users.");
        }
        List<String> users = new ArrayList<>();
        for (SubscribedUser user : list) {
            if (user == null || user.userId() == null || !ARTC_ID.matcher(user.userId()).matches()) {
                throw new AliyunApiError(403, "InvalidParameter.UserId", (user == null ? null : user.userId())
                        + ", please check the UserId.");
            }
            int streamType = user.streamType() == null ? 0 : user.streamType();
            int sourceType = user.sourceType() == null ? 0 : user.sourceType();
            if (streamType < 0 || streamType > VIDEO_ONLY || (streamType == VIDEO_ONLY && mode != MIXED) || sourceType < 0 || sourceType > 1) {
                throw invalid("SubscribeParams", "SubscribeParams.SubscribeUserIdList[].StreamType must be 0, 1 or (mixed) 2, "
                        + "and SourceType 0 or 1.");
            }
            users.add(user.userId());
        }
        return users;
    }

    private static List<OutputFile> outputs(StorageParams storage, int mode) {
        if (storage.storageType() == null || storage.storageType() != OSS_STORAGE) {
            throw invalid("StorageParams", "StorageParams.StorageType must be " + OSS_STORAGE + " (OSS): the emulator does not record to VOD.");
        }
        if (storage.ossParams() == null || blank(storage.ossParams().ossBucket()) || blank(storage.ossParams().ossEndpoint())) {
            throw new AliyunApiError(400, "MissingStorageParams.OSSParams",
                    "StorageParams.OSSParams needs OSSBucket and OSSEndpoint for OSS storage.");
        }
        if (storage.fileInfo() == null || storage.fileInfo().isEmpty()) {
            throw invalid("StorageParams", "StorageParams.FileInfo must name at least one format.");
        }
        List<OutputFile> outputs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FileInfo info : storage.fileInfo()) {
            String format = info == null || info.format() == null ? "" : info.format().toUpperCase(Locale.ROOT);
            if (!FORMATS.contains(format) || !seen.add(format)) {
                throw invalid("StorageParams", "StorageParams.FileInfo[].Format must be one of HLS, MP4, MP3, each once.");
            }
            long slice = within(info.sliceDuration(), DEFAULT_SLICE, 10, 30, "StorageParams", "FileInfo[].SliceDuration");
            String pattern = blank(info.fileNamePattern())
                    ? (mode == MIXED ? "{AppId}_{ChannelId}_{StartTime}" : "{AppId}_{ChannelId}_{UserId}_{StartTime}")
                    : info.fileNamePattern();
            List<String> prefix = info.filePathPrefix() == null ? List.of() : info.filePathPrefix();
            if (prefix.stream().anyMatch(directory -> blank(directory) || directory.contains("/"))) {
                throw invalid("StorageParams", "StorageParams.FileInfo[].FilePathPrefix takes directory names without '/'.");
            }
            outputs.add(new OutputFile(format, pattern, prefix, Duration.ofSeconds(slice)));
        }
        return outputs;
    }

    private static void checkTranscoding(MixTranscodeParams transcode) {
        boolean audioValid = transcode.audioBitrate() != null && transcode.audioBitrate() >= 8 && transcode.audioBitrate() <= 500
                && transcode.audioChannels() != null && (transcode.audioChannels() == 1 || transcode.audioChannels() == 2)
                && transcode.audioSampleRate() != null && SAMPLE_RATES.contains(transcode.audioSampleRate());
        boolean videoValid = inRange(transcode.videoBitrate(), 1, 10_000) && inRange(transcode.videoFramerate(), 1, 60)
                && inRange(transcode.videoGop(), 1, 60) && inRange(transcode.videoWidth(), 0, 1920)
                && inRange(transcode.videoHeight(), 0, 1920);
        if (!audioValid || !videoValid) {
            throw invalid("MixTranscodeParams", "MixTranscodeParams needs AudioBitrate 8-500, AudioChannels 1 or 2 and an "
                    + "AudioSampleRate of 16000, 32000, 44100 or 48000; video values within their ranges.");
        }
    }

    private static void checkLayout(MixLayoutParams layout) {
        if (layout.userPanes() == null || layout.userPanes().isEmpty()) {
            throw invalid("MixLayoutParams", "MixLayoutParams.UserPanes is required for a mixed recording with video.");
        }
        for (UserPane pane : layout.userPanes()) {
            if (pane == null || !fraction(pane.x()) || !fraction(pane.y()) || !fraction(pane.width()) || !fraction(pane.height())) {
                throw invalid("MixLayoutParams", "MixLayoutParams.UserPanes[] X, Y, Width and Height must be numbers from 0 to 1.");
            }
        }
    }

    private static Set<String> notifyFileUploadedFormats(RpcRequest request) {
        Set<String> formats = new HashSet<>();
        for (int index = 1; ; index++) {
            Optional<String> format = request.optional("NotifyFileUploadedFormat." + index);
            if (format.isEmpty()) {
                return formats;
            }
            if (!FORMATS.contains(format.get().toUpperCase(Locale.ROOT))) {
                throw invalid("NotifyFileUploadedFormat", "NotifyFileUploadedFormat.N must be HLS, MP4 or MP3.");
            }
            formats.add(format.get().toUpperCase(Locale.ROOT));
        }
    }

    private static URI notifyUrl(String text) {
        try {
            URI url = new URI(text);
            if (text.length() > MAX_URL || url.getHost() == null
                    || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw invalid("NotifyUrl", "NotifyUrl must be an http(s) URL of at most " + MAX_URL + " characters.");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("NotifyUrl", "NotifyUrl is not a URL.");
        }
    }

    private static <T> T json(RpcRequest request, String name, Class<T> type) {
        String text = request.required(name);
        T value;
        try {
            value = EmulatorJson.read(text, type);
        } catch (IllegalArgumentException notJson) {
            throw invalid(name, name + " is not valid JSON of its documented fields: " + notJson.getMessage());
        }
        if (value == null) {
            throw invalid(name, name + " must be a JSON object.");
        }
        return value;
    }

    private static long within(Long value, long fallback, long min, long max, String parameter, String field) {
        long given = value == null ? fallback : value;
        if (given < min || given > max) {
            throw invalid(parameter, field + " must be from " + min + " to " + max + ".");
        }
        return given;
    }

    private static long integer(String text, String parameter) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AliyunApiError.malformed(parameter);
        }
    }

    private static boolean inRange(Integer value, int min, int max) {
        return value == null || (value >= min && value <= max);
    }

    private static boolean fraction(String value) {
        if (value == null) {
            return true; // the documented default, 0
        }
        try {
            BigDecimal number = new BigDecimal(value);
            return number.signum() >= 0 && number.compareTo(BigDecimal.ONE) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static AliyunApiError invalid(String parameter, String message) {
        return new AliyunApiError(400, "Invalid" + parameter + ".Malformed", message);
    }

    // ---- tasks ----

    /** One FileInfo entry: its format, name pattern, directories and HLS slice length. */
    private record OutputFile(String format, String pattern, List<String> prefix, Duration slice) {

        boolean playlist() {
            return format.equals("HLS");
        }

        String extension() {
            return switch (format) {
                case "HLS" -> ".m3u8";
                case "MP4" -> ".mp4";
                default -> ".mp3";
            };
        }
    }

    /** What one subscribed user (single stream) or the mix publishes into: when its media began and its current segment. */
    private static final class Stream {
        final String userId;
        final Instant mediaStart;
        Instant segmentStart;
        final Set<String> playlistsListed = new HashSet<>();

        Stream(String userId, Instant at) {
            this.userId = userId;
            this.mediaStart = at;
            this.segmentStart = at;
        }
    }

    private final class Task {
        final String id;
        final String channel;
        final int mode;
        final List<String> users;
        final List<OutputFile> outputs;
        final Duration maxIdle;
        final Duration maxFile;
        final Optional<URI> notifyUrl;
        final Optional<String> notifyAuthKey;
        final Set<String> notifyFormats;
        final boolean bucketExists;
        final Instant createdAt;
        final Map<String, Stream> streams = new LinkedHashMap<>();
        final Map<String, List<String>> written = new LinkedHashMap<>();
        State state = State.RUNNING;
        Instant lastActive;
        Instant stopRequestedAt;

        Task(String id, String channel, int mode, List<String> users, List<OutputFile> outputs, Duration maxIdle,
             Duration maxFile, Optional<URI> notifyUrl, Optional<String> notifyAuthKey, Set<String> notifyFormats,
             boolean bucketExists, Instant createdAt) {
            this.id = id;
            this.channel = channel;
            this.mode = mode;
            this.users = List.copyOf(users);
            this.outputs = List.copyOf(outputs);
            this.maxIdle = maxIdle;
            this.maxFile = maxFile;
            this.notifyUrl = notifyUrl;
            this.notifyAuthKey = notifyAuthKey;
            this.notifyFormats = Set.copyOf(notifyFormats);
            this.bucketExists = bucketExists;
            this.createdAt = createdAt;
            this.lastActive = createdAt;
        }

        void observe(Instant now) {
            if (state == State.RUNNING) {
                record(now);
            }
            Instant idleAt = lastActive.plus(maxIdle);
            Instant endOfLife = createdAt.plus(MAX_LIFETIME);
            Instant due = idleAt.isBefore(endOfLife) ? idleAt : endOfLife;
            if (state == State.RUNNING && !now.isBefore(due)) {
                stopping(due);
            }
            if (state == State.STOPPING && !now.isBefore(stopRequestedAt.plus(FINISHING))) {
                finish(now);
            }
        }

        void stopping(Instant now) {
            state = State.STOPPING;
            stopRequestedAt = now;
            event("TaskStopping", now, null);
        }

        /** Who of the subscribed users publishes now starts their stream (or the mix); files come due. */
        private void record(Instant now) {
            List<String> publishing = channels.users(channel).interactive().stream().filter(users::contains).toList();
            if (!publishing.isEmpty()) {
                lastActive = now;
                if (mode == MIXED) {
                    streams.computeIfAbsent("", key -> new Stream(null, now));
                } else {
                    publishing.forEach(user -> streams.computeIfAbsent(user, key -> new Stream(user, now)));
                }
            }
            for (Stream stream : streams.values()) {
                for (OutputFile output : outputs) {
                    if (output.playlist() && !now.isBefore(stream.mediaStart.plus(output.slice()))
                            && stream.playlistsListed.add(output.format()) && !upload(output, name(output, stream, stream.mediaStart), stream, now, false)) {
                        return;
                    }
                }
                while (!now.isBefore(stream.segmentStart.plus(maxFile))) {
                    for (OutputFile output : outputs) {
                        if (!output.playlist() && !upload(output, name(output, stream, stream.segmentStart), stream, now, true)) {
                            return;
                        }
                    }
                    stream.segmentStart = stream.segmentStart.plus(maxFile);
                }
            }
        }

        /** The last segments go up and every playlist is final: each is uploaded now. */
        private void finish(Instant now) {
            for (Stream stream : streams.values()) {
                for (OutputFile output : outputs) {
                    if (!output.playlist() && !now.isAfter(stream.segmentStart)) {
                        continue; // the segment was just cut: nothing is left to upload
                    }
                    boolean listedAlready = output.playlist() && stream.playlistsListed.contains(output.format());
                    String name = name(output, stream, output.playlist() ? stream.mediaStart : stream.segmentStart);
                    if (!listedAlready && !upload(output, name, stream, now, true)) {
                        return;
                    }
                    if (listedAlready) {
                        uploaded(output, name, stream, now);
                    }
                }
            }
            state = State.STOPPED;
            event("TaskStopped", now, null);
        }

        /**
         * Writes the file (listing it for Describe) and, when {@code complete}, tells it uploaded; false when the
         * bucket does not exist, which fails the task.
         */
        private boolean upload(OutputFile output, String name, Stream stream, Instant now, boolean complete) {
            if (!bucketExists) {
                state = State.STOPPED;
                event("TaskStopped", now, new Failure(BUCKET_NOT_FOUND, "bucket " + bucket.bucket() + " is not the OSS bucket "
                        + "this account records to"));
                return false;
            }
            written.computeIfAbsent(output.format(), format -> new ArrayList<>()).add(name);
            if (complete) {
                uploaded(output, name, stream, now);
            }
            return true;
        }

        private void uploaded(OutputFile output, String name, Stream stream, Instant now) {
            if (notifyFormats.contains(output.format())) {
                event("RecordFileUploaded", now, new FileUploaded(output.format(), name, stream.userId));
            }
        }

        private String name(OutputFile output, Stream stream, Instant startTime) {
            String base = output.pattern()
                    .replace("{AppId}", appId)
                    .replace("{ChannelId}", channel)
                    .replace("{UserId}", stream.userId == null ? "" : stream.userId)
                    .replace("{StartTime}", START_TIME.format(startTime))
                    .replace("{TaskId}", id);
            String directories = output.prefix().isEmpty() ? "" : String.join("/", output.prefix()) + "/";
            return directories + id + "/" + base + output.extension();
        }

        List<String> written(String format) {
            return List.copyOf(written.getOrDefault(format, List.of()));
        }

        void event(String eventType, Instant at, Record payload) {
            callbacks.send(notifyUrl, notifyAuthKey, appId, channel, id, eventType, at, payload);
        }

        ArtcRecordingTask snapshot() {
            List<String> files = new ArrayList<>();
            written.values().forEach(files::addAll);
            return new ArtcRecordingTask(id, channel, state, mode, users, notifyUrl, files);
        }
    }
}
