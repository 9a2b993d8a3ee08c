package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.RandomStrings;
import io.rtcgate.emulator.agora.AgoraNotifications.RecordingEvent;
import io.rtcgate.emulator.agora.CloudRecordingBodies.Acquired;
import io.rtcgate.emulator.agora.CloudRecordingBodies.CodeReason;
import io.rtcgate.emulator.agora.CloudRecordingBodies.ExitDetails;
import io.rtcgate.emulator.agora.CloudRecordingBodies.FileEntry;
import io.rtcgate.emulator.agora.CloudRecordingBodies.FileInfosDetails;
import io.rtcgate.emulator.agora.CloudRecordingBodies.JsonFileList;
import io.rtcgate.emulator.agora.CloudRecordingBodies.ProgressDetails;
import io.rtcgate.emulator.agora.CloudRecordingBodies.Started;
import io.rtcgate.emulator.agora.CloudRecordingBodies.StatusDetails;
import io.rtcgate.emulator.agora.CloudRecordingBodies.StringFileList;
import io.rtcgate.emulator.agora.CloudRecordingBodies.TaskAnswer;
import io.rtcgate.emulator.agora.CloudRecordingBodies.UploadedDetails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Agora Cloud Recording as the emulator plays it (vendors.md §1.3, §4.1; seed 003): resource ids that
 * live 5 minutes and serve one start, tasks keyed by sid, a duplicate start answered 201/7, files that
 * appear once someone publishes and grow with the clock (a new MP4 every 120 minutes), stop with nothing
 * published answered 206/435, and a task that exits by itself when its channel has been empty for its
 * {@code maxIdleTime}. Time is the emulator's clock. Thread-safe.
 *
 * <p>Each task tells its life through {@link AgoraNotifications} as Agora's NCS does (§1.5): 40
 * recorder_started when it starts, 4 cloud_recording_file_infos when its first playlist appears, 33
 * uploading_progress about once a minute while it runs, and when it stops or exits 31 uploaded (32 backuped
 * when its files went to Agora's backup) with every file, if it recorded any, then 11 session_exit.
 */
final class CloudRecordings {

    static final Duration RESOURCE_LIFETIME = Duration.ofMinutes(5);
    /** Agora cuts MP4 files at {@code maxVideoDuration}, 120 minutes unless told otherwise. */
    static final Duration MP4_LENGTH = Duration.ofMinutes(120);
    /** Agora reports upload progress about once a minute. */
    static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);
    private static final int FULL_PROGRESS = 10_000;
    private static final long MAX_UID = 0xFFFF_FFFFL;
    private static final Set<String> MODES = Set.of("individual", "mix", "web");
    private static final Set<String> FILE_TYPES = Set.of("hls", "mp4");
    /** Agora's channel-name characters (at most 64 bytes). */
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}");
    private static final DateTimeFormatter MP4_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final RtcTokenVerifier tokens;
    private final EmulatedStorage storage;
    private final Function<String, Optional<ChannelMembers>> members;
    private final AgoraNotifications notifications;
    private final Map<String, Resource> resources = new HashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private boolean alreadyStartedWithIds = true;

    CloudRecordings(Clock clock, RtcTokenVerifier tokens, EmulatedStorage storage,
                    Function<String, Optional<ChannelMembers>> members, AgoraNotifications notifications) {
        this.clock = clock;
        this.tokens = tokens;
        this.storage = storage;
        this.members = members;
        this.notifications = notifications;
    }

    // ---- the API ----

    synchronized Acquired acquire(ObjectNode body) {
        sync();
        String cname = channelName(body);
        String uid = uid(body);
        JsonNode client = body.get("clientRequest");
        if (client == null || !client.isObject()) {
            throw RecordingApiError.invalid("clientRequest must be an object");
        }
        JsonNode hours = client.get("resourceExpiredHour");
        if (hours != null && !(EmulatorJson.isLong(hours) && hours.longValue() >= 1 && hours.longValue() <= 720)) {
            throw RecordingApiError.invalid("Acquire: invalid resourceExpiredHour value!");
        }
        JsonNode scene = client.get("scene");
        if (scene != null && !(EmulatorJson.isLong(scene) && scene.longValue() >= 0 && scene.longValue() <= 2)) {
            throw RecordingApiError.invalid("Acquire: invalid scene value!");
        }
        Resource resource = new Resource(RandomStrings.alphanumeric(64), cname, uid, clock.instant());
        resources.put(resource.id, resource);
        return new Acquired(resource.id);
    }

    synchronized Started start(String resourceId, String mode, ObjectNode body) {
        sync();
        requireMode(mode);
        String cname = channelName(body);
        String uid = uid(body);
        Resource resource = resources.get(resourceId);
        if (resource == null) {
            throw new RecordingApiError(400, 1001, "resource id decrypt failure");
        }
        if (!resource.cname.equals(cname) || !resource.uid.equals(uid)) {
            throw new RecordingApiError(400, 432, "request parameter mismatch: cname and uid must be those of the acquire");
        }
        if (resource.sid != null) {
            throw new RecordingApiError(201, alreadyStartedWithIds
                    ? new CodeReason(7, "already started", resource.id, resource.sid)
                    : new CodeReason(7, "already started"));
        }
        if (!clock.instant().isBefore(resource.acquiredAt.plus(RESOURCE_LIFETIME))) {
            throw new RecordingApiError(400, 433, "resource id expired");
        }
        boolean conflict = tasks.values().stream()
                .anyMatch(task -> task.state == CloudRecordingTask.State.RUNNING && task.cname.equals(cname) && task.uid.equals(uid));
        if (conflict) {
            throw new RecordingApiError(400, 53, "task conflict");
        }
        JsonNode client = object(body, "clientRequest");
        String token = optionalText(client, "token");
        Optional<String> refusal = token == null ? Optional.of("token is required: the project enforces its certificate")
                : tokens.verify(token, cname, Long.parseLong(uid), false);
        if (refusal.isPresent()) {
            boolean expired = refusal.get().contains("expired");
            throw new RecordingApiError(400, expired ? 109 : 110, (expired ? "token expired: " : "token invalid: ") + refusal.get());
        }
        JsonNode recording = object(client, "recordingConfig");
        integer(recording, "channelType", 0, 1, 0);
        integer(recording, "streamTypes", 0, 2, 2);
        long maxIdle = integer(recording, "maxIdleTime", 5, 259_200, 30);
        JsonNode transcoding = recording.get("transcodingConfig");
        if (transcoding != null) {
            if (!mode.equals("mix")) {
                throw RecordingApiError.invalid("recordingConfig.transcodingConfig is for mix mode only");
            }
            integer(transcoding, "mixedVideoLayout", 0, 3, 0);
        }
        List<String> fileTypes = fileTypes(client);
        StorageCheck upload = storage(object(client, "storageConfig"));
        String sid = RandomStrings.alphanumeric(32);
        resource.sid = sid;
        Instant now = clock.instant();
        Task task = new Task(sid, resource.id, cname, uid, mode, fileTypes, Duration.ofSeconds(maxIdle), upload.prefix(),
                upload.matches(), now);
        tasks.put(sid, task);
        notify(task, RecordingEvent.RECORDER_STARTED, now, new StatusDetails(0));
        observe(task);
        return new Started(cname, uid, resource.id, sid);
    }

    synchronized TaskAnswer query(String resourceId, String sid, String mode) {
        sync();
        Task task = task(resourceId, sid, mode);
        if (task.state != CloudRecordingTask.State.RUNNING) {
            throw notFound();
        }
        Instant now = clock.instant();
        int status = task.firstMediaAt == null ? 4 : 5;
        return new TaskAnswer(task.resourceId, sid, serverResponse(task, now, status, null), task.cname, task.uid);
    }

    synchronized TaskAnswer stop(String resourceId, String sid, String mode, ObjectNode body) {
        sync();
        Task task = task(resourceId, sid, mode);
        if (!task.cname.equals(channelName(body)) || !task.uid.equals(uid(body))) {
            throw new RecordingApiError(400, 432, "request parameter mismatch: cname and uid must be those of the task");
        }
        if (task.state != CloudRecordingTask.State.RUNNING) {
            throw new RecordingApiError(400, 49, "invalid operation: the task is stopping or has stopped");
        }
        Instant now = clock.instant();
        end(task, CloudRecordingTask.State.STOPPED, now);
        if (task.firstMediaAt == null) {
            throw new RecordingApiError(206, new CodeReason(435, "no recorded data", task.resourceId, sid));
        }
        return new TaskAnswer(task.resourceId, sid, serverResponse(task, now, null, task.uploads ? "uploaded" : "backuped"),
                task.cname, task.uid);
    }

    /**
     * Whether "already started" names the running task's resource id and sid, as Agora's answers to start
     * carry them (the default), or is the bare {@code {"code","reason"}} of the error table (§1.3.6).
     */
    synchronized void alreadyStartedWithIds(boolean withIds) {
        alreadyStartedWithIds = withIds;
    }

    // ---- the channels ----

    /**
     * Follows every running task's channel up to now: who publishes, and since when it is empty; ends idle
     * tasks and reports progress. The emulator calls it on every change to a channel, on every cloud
     * recording call, and as its clock goes by.
     */
    synchronized void sync() {
        for (Task task : tasks.values()) {
            if (task.state == CloudRecordingTask.State.RUNNING) {
                observe(task);
            }
        }
    }

    synchronized List<CloudRecordingTask> snapshot() {
        sync();
        return tasks.values().stream()
                .map(task -> new CloudRecordingTask(task.sid, task.resourceId, task.cname, Long.parseLong(task.uid), task.mode,
                        task.state))
                .toList();
    }

    private void observe(Task task) {
        Optional<ChannelMembers> present = members.apply(task.cname);
        // The clock is read after the channel: a client who joined after the clock moved is never seen at an earlier time.
        Instant now = clock.instant();
        if (task.emptySince != null && !now.isBefore(task.emptySince.plus(task.maxIdle))) {
            end(task, CloudRecordingTask.State.EXITED, task.emptySince.plus(task.maxIdle));
            return;
        }
        List<Long> publishers = present.map(ChannelMembers::broadcasters).orElse(List.of());
        for (Long publisher : publishers) {
            task.publishers.putIfAbsent(publisher, now);
        }
        if (task.firstMediaAt == null && !publishers.isEmpty()) {
            task.firstMediaAt = now;
            notify(task, RecordingEvent.FILE_INFOS, now, new FileInfosDetails(files(task, now).get(0).fileName()));
        }
        boolean empty = present.map(m -> m.broadcasters().isEmpty() && m.audience().isEmpty()).orElse(true);
        if (!empty) {
            task.emptySince = null;
        } else if (task.emptySince == null) {
            task.emptySince = now;
        }
        if (!now.isBefore(task.progressDueAt)) {
            notify(task, RecordingEvent.UPLOADING_PROGRESS, now, new ProgressDetails(uploadProgress(task, now)));
            task.progressDueAt = now.plus(PROGRESS_EVERY);
        }
    }

    /** Ends the task at {@code at} and says so: its files, where they went, then its exit. */
    private void end(Task task, CloudRecordingTask.State finalState, Instant at) {
        task.end(finalState, at);
        List<FileEntry> files = files(task, at);
        if (!files.isEmpty()) {
            notify(task, task.uploads ? RecordingEvent.UPLOADED : RecordingEvent.BACKUPED, at, new UploadedDetails(0, files));
        }
        notify(task, RecordingEvent.SESSION_EXIT, at, new ExitDetails(0));
    }

    private void notify(Task task, RecordingEvent event, Instant at, Record details) {
        notifications.send(task.subject, task.noticeSequence++, event, at, details);
    }

    /**
     * A slice a minute, each uploaded once the next one begins: the share of uploaded slices, ever closer to
     * 10000 while the task runs.
     */
    private static int uploadProgress(Task task, Instant now) {
        if (task.firstMediaAt == null) {
            return 0;
        }
        long slices = Duration.between(task.firstMediaAt, now).toMinutes() + 1;
        return (int) (FULL_PROGRESS * (slices - 1) / slices);
    }

    // ---- answers ----

    private Object serverResponse(Task task, Instant now, Integer status, String uploadingStatus) {
        Instant until = task.endedAt != null ? task.endedAt : now;
        List<FileEntry> files = files(task, until);
        if (task.mode.equals("mix") && task.fileTypes.equals(List.of("hls"))) {
            String m3u8 = files.isEmpty() ? "" : files.get(0).fileName();
            Long start = files.isEmpty() ? null : files.get(0).sliceStartTime();
            return new StringFileList(status, "string", m3u8, start, uploadingStatus);
        }
        return new JsonFileList(status, "json", files, uploadingStatus);
    }

    private static List<FileEntry> files(Task task, Instant until) {
        List<FileEntry> files = new ArrayList<>();
        if (task.firstMediaAt == null) {
            return files;
        }
        String base = task.prefix + task.sid + "_" + task.cname;
        if (task.mode.equals("mix")) {
            long start = task.firstMediaAt.toEpochMilli();
            files.add(new FileEntry(base + ".m3u8", "audio_and_video", "0", true, true, start));
            if (task.fileTypes.contains("mp4")) {
                for (Instant slice = task.firstMediaAt; !slice.isAfter(until); slice = slice.plus(MP4_LENGTH)) {
                    files.add(new FileEntry(base + "_" + MP4_STAMP.format(slice) + ".mp4", "audio_and_video", "0", true, true,
                            slice.toEpochMilli()));
                }
            }
            return files;
        }
        task.publishers.forEach((uid, since) -> {
            String user = base + "__uid_s_" + uid + "__uid_e_";
            files.add(new FileEntry(user + "audio.m3u8", "audio", Long.toString(uid), false, true, since.toEpochMilli()));
            files.add(new FileEntry(user + "video.m3u8", "video", Long.toString(uid), false, true, since.toEpochMilli()));
            if (task.fileTypes.contains("mp4")) {
                files.add(new FileEntry(user + "av.mp4", "audio_and_video", Long.toString(uid), false, true,
                        since.toEpochMilli()));
            }
        });
        return files;
    }

    // ---- checks ----

    private Task task(String resourceId, String sid, String mode) {
        requireMode(mode);
        Task task = tasks.get(sid);
        if (task == null || !task.resourceId.equals(resourceId)) {
            throw notFound();
        }
        if (!task.mode.equals(mode)) {
            throw new RecordingApiError(400, 432, "request parameter mismatch: the task records in " + task.mode + " mode");
        }
        return task;
    }

    private static RecordingApiError notFound() {
        return new RecordingApiError(404, 404, "failed to find worker");
    }

    private static void requireMode(String mode) {
        if (!MODES.contains(mode)) {
            throw RecordingApiError.invalid("mode must be individual, mix or web");
        }
        if (mode.equals("web")) {
            throw RecordingApiError.invalid("web page recording is not emulated");
        }
    }

    private static String channelName(ObjectNode body) {
        String cname = optionalText(body, "cname");
        if (cname == null || cname.isEmpty()) {
            throw RecordingApiError.invalid("cname is required");
        }
        if (!CHANNEL_NAME.matcher(cname).matches()) {
            throw new RecordingApiError(400, 1013, "invalid channel name");
        }
        return cname;
    }

    /** The uid is a string of decimal digits in [1, 2^32-1] (§1.3.2): a JSON number is refused. */
    private static String uid(ObjectNode body) {
        JsonNode uid = body.get("uid");
        if (uid == null || !uid.isTextual() || !uid.textValue().matches("[1-9][0-9]{0,9}")
                || Long.parseLong(uid.textValue()) > MAX_UID) {
            throw RecordingApiError.invalid("uid must be a string holding a number from 1 to " + MAX_UID);
        }
        return uid.textValue();
    }

    private static List<String> fileTypes(JsonNode client) {
        JsonNode config = client.get("recordingFileConfig");
        if (config == null) {
            return List.of("hls");
        }
        JsonNode types = config.get("avFileType");
        if (!config.isObject() || types == null || !types.isArray() || types.isEmpty()) {
            throw RecordingApiError.invalid("recordingFileConfig.avFileType must be [\"hls\"] or [\"hls\",\"mp4\"]");
        }
        List<String> listed = new ArrayList<>();
        for (JsonNode type : types) {
            if (!type.isTextual() || !FILE_TYPES.contains(type.textValue()) || listed.contains(type.textValue())) {
                throw RecordingApiError.invalid("recordingFileConfig.avFileType must be [\"hls\"] or [\"hls\",\"mp4\"]");
            }
            listed.add(type.textValue());
        }
        if (!listed.contains("hls")) {
            throw RecordingApiError.invalid("recordingFileConfig.avFileType must be [\"hls\"] or [\"hls\",\"mp4\"]");
        }
        return listed.contains("mp4") ? List.of("hls", "mp4") : List.of("hls");
    }

    private record StorageCheck(boolean matches, String prefix) {
    }

    private StorageCheck storage(JsonNode config) {
        long vendor = integer(config, "vendor", 0, 100, -1);
        long region = integer(config, "region", 0, 1000, -1);
        if (vendor < 0 || region < 0) {
            throw RecordingApiError.invalid("storageConfig.vendor and storageConfig.region are required");
        }
        String bucket = requiredText(config, "bucket");
        String accessKey = requiredText(config, "accessKey");
        String secretKey = requiredText(config, "secretKey");
        StringBuilder prefix = new StringBuilder();
        JsonNode directories = config.get("fileNamePrefix");
        if (directories != null) {
            if (!directories.isArray()) {
                throw RecordingApiError.invalid("storageConfig.fileNamePrefix must be an array of strings");
            }
            for (JsonNode directory : directories) {
                if (!directory.isTextual() || !directory.textValue().matches("[A-Za-z0-9]+")) {
                    throw RecordingApiError.invalid("storageConfig.fileNamePrefix takes letters and digits only");
                }
                prefix.append(directory.textValue()).append('/');
            }
        }
        return new StorageCheck(storage.matches((int) vendor, (int) region, bucket, accessKey, secretKey), prefix.toString());
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isObject()) {
            throw RecordingApiError.invalid(field + " must be an object");
        }
        return value;
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RecordingApiError.invalid(field + " must be a string");
        }
        return value.textValue();
    }

    private static String requiredText(JsonNode parent, String field) {
        String value = optionalText(parent, field);
        if (value == null || value.isEmpty()) {
            throw RecordingApiError.invalid("storageConfig." + field + " is required");
        }
        return value;
    }

    private static long integer(JsonNode parent, String field, long min, long max, long absent) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!EmulatorJson.isLong(value) || value.longValue() < min || value.longValue() > max) {
            throw RecordingApiError.invalid(field + " must be an integer from " + min + " to " + max);
        }
        return value.longValue();
    }

    // ---- state ----

    private static final class Resource {
        final String id;
        final String cname;
        final String uid;
        final Instant acquiredAt;
        String sid;

        Resource(String id, String cname, String uid, Instant acquiredAt) {
            this.id = id;
            this.cname = cname;
            this.uid = uid;
            this.acquiredAt = acquiredAt;
        }
    }

    private static final class Task {
        final String sid;
        final String resourceId;
        final String cname;
        final String uid;
        final String mode;
        final List<String> fileTypes;
        final Duration maxIdle;
        final String prefix;
        final boolean uploads;
        final AgoraNotifications.Subject subject;
        /** Each publisher, with when the recorder first saw them. */
        final Map<Long, Instant> publishers = new LinkedHashMap<>();
        Instant firstMediaAt;
        Instant emptySince;
        Instant endedAt;
        Instant progressDueAt;
        long noticeSequence;
        CloudRecordingTask.State state = CloudRecordingTask.State.RUNNING;

        Task(String sid, String resourceId, String cname, String uid, String mode, List<String> fileTypes, Duration maxIdle,
             String prefix, boolean uploads, Instant startedAt) {
            this.sid = sid;
            this.resourceId = resourceId;
            this.cname = cname;
            this.uid = uid;
            this.mode = mode;
            this.fileTypes = fileTypes;
            this.maxIdle = maxIdle;
            this.prefix = prefix;
            this.uploads = uploads;
            this.subject = new AgoraNotifications.Subject(cname, uid, sid);
            this.progressDueAt = startedAt.plus(PROGRESS_EVERY);
        }

        void end(CloudRecordingTask.State finalState, Instant at) {
            state = finalState;
            endedAt = at;
        }
    }
}
