package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rtcgate.emulator.RandomStrings;
import io.rtcgate.emulator.tencent.TrtcCallbackBodies.FileInfoPayload;
import io.rtcgate.emulator.tencent.TrtcCallbackBodies.FileMessage;
import io.rtcgate.emulator.tencent.TrtcCallbackBodies.FileSlicePayload;
import io.rtcgate.emulator.tencent.TrtcCallbackBodies.LeavePayload;
import io.rtcgate.emulator.tencent.TrtcCallbackBodies.Mp4StopPayload;
import io.rtcgate.emulator.tencent.TrtcCallbackBodies.StatusPayload;
import io.rtcgate.emulator.tencent.TrtcRecordingTask.State;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TRTC cloud recording as the emulator plays it: a task's robot enters its room (creating it, as any entry
 * does), records who publishes there, and lists an m3u8 per file as each publisher is first seen; it ends
 * when stopped, when its room has had no publisher for {@code MaxIdleTime}, when the room is dismissed or
 * the robot removed, and then cuts its MP4 (or AAC) files. Every step queues the group-3 events Tencent
 * calls back with. Everyone in a room other than a recording robot is taken to publish audio and video.
 *
 * <p>File names follow TRTC's documented rules (cloud.tencent.com/document/practice/647/111748), under
 * {@code FileNamePrefix/TaskId/}: mixed {@code <SdkAppId>_<RoomId>.m3u8} and {@code <SdkAppId>_<RoomId>[_<n>].mp4},
 * single-stream {@code <SdkAppId>_<RoomId>_UserId_s_<UserId>_UserId_e_main_<audio|video|audiovideo>.m3u8}
 * and {@code ..._UserId_e_main[_<n>].mp4}, string room ids and user ids in Base64 with {@code /} as {@code -}
 * and {@code =} as {@code .}. Time is the emulator's clock. Thread-safe.
 */
final class TrtcCloudRecordings {

    /**
     * How long a task that ended answers DescribeCloudRecording with {@code Exited} before it is gone. TRTC
     * documents the status but not for how long; a query after the exit fails.
     */
    static final Duration EXITING = Duration.ofSeconds(10);
    /** Callback 302's LeaveCode: stopped by DeleteCloudRecording, robot removed, room dismissed, room idle. */
    static final int LEFT_ON_STOP = 0;
    static final int ROBOT_REMOVED = 1;
    static final int ROOM_DISMISSED = 2;
    static final int IDLE_TIMEOUT = 99;
    private static final int SUCCESS = 0;
    /** Callbacks 305 and 310: the files stayed in TRTC's backup storage (the upload to the bucket failed). */
    private static final int LEFT_IN_BACKUP = 1;
    private static final int TASK_ID_LENGTH = 56;

    /** One entry of DescribeCloudRecording's {@code StorageFileList}. */
    record StorageFile(@JsonProperty("UserId") String userId, @JsonProperty("FileName") String fileName,
                       @JsonProperty("TrackType") String trackType, @JsonProperty("BeginTimeStamp") long beginTimeStamp) {
    }

    /** CreateCloudRecording's and DeleteCloudRecording's answer. */
    record TaskAnswer(@JsonProperty("TaskId") String taskId) {
    }

    /** DescribeCloudRecording's answer. */
    record DescribeAnswer(@JsonProperty("TaskId") String taskId, @JsonProperty("Status") String status,
                          @JsonProperty("StorageFileList") List<StorageFile> storageFileList) {
    }

    private final long sdkAppId;
    private final Clock clock;
    private final TrtcRooms rooms;
    private final TrtcRecordingStorage storage;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<TrtcRecordingEvent> outbox = new ArrayList<>();

    TrtcCloudRecordings(long sdkAppId, Clock clock, TrtcRooms rooms, TrtcRecordingStorage storage) {
        this.sdkAppId = sdkAppId;
        this.clock = clock;
        this.rooms = rooms;
        this.storage = storage;
    }

    synchronized TaskAnswer create(TrtcRecordingRequest request) {
        sync();
        boolean sameRobotRuns = tasks.values().stream().anyMatch(task -> task.running()
                && task.request.roomId().equals(request.roomId()) && task.request.userId().equals(request.userId()));
        if (sameRobotRuns) {
            // TRTC documents no code for this; FailedOperation is the one CreateCloudRecording lists for a refused start.
            throw new TrtcApiError("FailedOperation", "A cloud recording task with UserId `" + request.userId()
                    + "` is already running in room `" + request.roomId() + "`: a recording robot's UserId must be unique in its room.");
        }
        Instant now = clock.instant();
        Task task = new Task(RandomStrings.alphanumeric(TASK_ID_LENGTH), request, storage.matches(request.storage()));
        tasks.put(task.id, task);
        rooms.enter(request.roomId(), request.userId());
        emit(task, TrtcRecordingEvent.RECORDER_START, now, new StatusPayload(SUCCESS));
        observe(task, now);
        return new TaskAnswer(task.id);
    }

    synchronized DescribeAnswer describe(String taskId) {
        sync();
        Task task = tasks.get(taskId);
        State state = task == null ? State.GONE : task.state(clock.instant());
        if (state == State.GONE) {
            throw notFound(taskId);
        }
        return new DescribeAnswer(taskId, state.status(), List.copyOf(task.hlsFiles));
    }

    synchronized TaskAnswer delete(String taskId) {
        sync();
        Task task = tasks.get(taskId);
        if (task == null || !task.running()) {
            throw notFound(taskId);
        }
        end(task, clock.instant(), LEFT_ON_STOP);
        return new TaskAnswer(taskId);
    }

    /** Follows every running task's room to the clock's now: who publishes, and whether the task must end. */
    synchronized void sync() {
        Instant now = clock.instant();
        for (Task task : tasks.values()) {
            if (task.running()) {
                observe(task, now);
            }
        }
    }

    /** The events queued since the last call, oldest first. */
    synchronized List<TrtcRecordingEvent> drainEvents() {
        List<TrtcRecordingEvent> drained = List.copyOf(outbox);
        outbox.clear();
        return drained;
    }

    synchronized List<TrtcRecordingTask> snapshot() {
        sync();
        Instant now = clock.instant();
        return tasks.values().stream()
                .map(task -> new TrtcRecordingTask(task.id, task.request.roomId(), task.request.userId(), task.request.recordMode(),
                        task.state(now), Optional.ofNullable(task.leaveCode)))
                .toList();
    }

    // ---- the room ----

    private void observe(Task task, Instant now) {
        String roomId = task.request.roomId();
        if (!rooms.exists(roomId)) {
            end(task, now, ROOM_DISMISSED);
            return;
        }
        Set<String> users = new HashSet<>(rooms.users(roomId));
        if (!users.contains(task.request.userId())) {
            end(task, now, ROBOT_REMOVED);
            return;
        }
        if (task.emptySince != null && !now.isBefore(task.emptySince.plus(task.request.maxIdleTime()))) {
            end(task, task.emptySince.plus(task.request.maxIdleTime()), IDLE_TIMEOUT);
            return;
        }
        users.removeAll(robotsIn(roomId));
        for (String publisher : users) {
            if (task.firstSeen.putIfAbsent(publisher, now) == null) {
                recordFrom(task, publisher, now);
            }
        }
        task.publishing = !users.isEmpty();
        if (task.publishing) {
            task.emptySince = null;
        } else if (task.emptySince == null) {
            task.emptySince = now;
        }
    }

    private Set<String> robotsIn(String roomId) {
        Set<String> robots = new HashSet<>();
        tasks.values().stream().filter(task -> task.running() && task.request.roomId().equals(roomId))
                .forEach(task -> robots.add(task.request.userId()));
        return robots;
    }

    /** A publisher was first seen: the upload starts with the first one, and their HLS files appear. */
    private void recordFrom(Task task, String publisher, Instant now) {
        if (task.firstMediaAt == null) {
            task.firstMediaAt = now;
            emit(task, TrtcRecordingEvent.UPLOAD_START, now, new StatusPayload(SUCCESS));
        }
        if (!task.request.writesHls()) {
            return;
        }
        List<StorageFile> created = new ArrayList<>();
        if (task.request.mixed()) {
            if (task.hlsFiles.isEmpty()) {
                created.add(new StorageFile("", task.directory() + baseName(task.request) + ".m3u8", mixedTrackType(task.request),
                        now.toEpochMilli()));
            }
        } else {
            for (String type : singleStreamTypes(task.request)) {
                created.add(new StorageFile(publisher, task.directory() + baseName(task.request) + userPart(publisher) + "_" + type
                        + ".m3u8", type.equals("audiovideo") ? "audio_video" : type, now.toEpochMilli()));
            }
        }
        for (StorageFile file : created) {
            task.hlsFiles.add(file);
            emit(task, TrtcRecordingEvent.FILE_SLICE, now, new FileSlicePayload(file.fileName(), file.userId(), file.trackType(),
                    Long.toString(file.beginTimeStamp())));
            emit(task, TrtcRecordingEvent.FILE_INFO, now, new FileInfoPayload(file.fileName()));
        }
    }

    private static List<String> singleStreamTypes(TrtcRecordingRequest request) {
        return switch (request.streamType()) {
            case TrtcRecordingRequest.AUDIO_ONLY -> List.of("audio");
            case TrtcRecordingRequest.VIDEO_ONLY -> List.of("video");
            default -> request.avMerge() ? List.of("audiovideo") : List.of("audio", "video");
        };
    }

    private static String mixedTrackType(TrtcRecordingRequest request) {
        return switch (request.streamType()) {
            case TrtcRecordingRequest.AUDIO_ONLY -> "audio";
            case TrtcRecordingRequest.VIDEO_ONLY -> "video";
            default -> "audio_video";
        };
    }

    // ---- the end ----

    private void end(Task task, Instant at, int leaveCode) {
        task.endedAt = at;
        task.leaveCode = leaveCode;
        if (leaveCode == LEFT_ON_STOP || leaveCode == IDLE_TIMEOUT) {
            rooms.remove(task.request.roomId(), List.of(task.request.userId()));
        }
        emit(task, TrtcRecordingEvent.RECORDER_STOP, at, new LeavePayload(leaveCode));
        if (task.firstMediaAt == null) {
            return; // nobody published: there is nothing to upload
        }
        int status = task.uploads ? SUCCESS : LEFT_IN_BACKUP;
        if (task.request.writesHls()) {
            emit(task, TrtcRecordingEvent.UPLOAD_STOP, at, new StatusPayload(status));
        }
        task.request.endFileExtension().ifPresent(extension -> {
            List<FileMessage> files = endFiles(task, extension);
            emit(task, TrtcRecordingEvent.MP4_STOP, at,
                    new Mp4StopPayload(status, files.stream().map(FileMessage::fileName).toList(), files));
        });
    }

    /** The MP4 or AAC files, cut every {@code MaxMediaFileDuration}; an index is added only to files that were cut. */
    private List<FileMessage> endFiles(Task task, String extension) {
        String trackType = extension.equals("aac") ? "audio" : mixedTrackType(task.request);
        List<FileMessage> files = new ArrayList<>();
        if (task.request.mixed()) {
            files.addAll(segments(task, task.directory() + baseName(task.request), "", "mix", trackType, task.firstMediaAt, extension));
        } else {
            task.firstSeen.forEach((publisher, since) -> files.addAll(segments(task,
                    task.directory() + baseName(task.request) + userPart(publisher), publisher, "main", trackType, since, extension)));
        }
        return files;
    }

    private static List<FileMessage> segments(Task task, String base, String userId, String mediaId, String trackType, Instant from,
                                              String extension) {
        Duration length = task.request.maxMediaFileDuration();
        long recorded = Math.max(1, Duration.between(from, task.endedAt).toMillis());
        int count = (int) Math.max(1, (recorded + length.toMillis() - 1) / length.toMillis());
        List<FileMessage> files = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            Instant start = from.plus(length.multipliedBy(index - 1L));
            Instant end = index == count ? task.endedAt : start.plus(length);
            String name = base + (count > 1 ? "_" + index : "") + "." + extension;
            files.add(new FileMessage(name, userId, trackType, mediaId, start.toEpochMilli(), end.toEpochMilli()));
        }
        return files;
    }

    // ---- names ----

    private String baseName(TrtcRecordingRequest request) {
        return sdkAppId + "_" + (request.stringRoom() ? base64(request.roomId()) : request.roomId());
    }

    private static String userPart(String userId) {
        return "_UserId_s_" + base64(userId) + "_UserId_e_main";
    }

    /** TRTC's Base64 of an id in a file name: {@code /} as {@code -}, {@code =} as {@code .}. */
    static String base64(String id) {
        return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)).replace('/', '-').replace('=', '.');
    }

    private void emit(Task task, int type, Instant at, Object payload) {
        outbox.add(new TrtcRecordingEvent(type, task.id, task.request.roomId(), task.request.stringRoom(), task.request.userId(), at,
                payload));
    }

    private static TrtcApiError notFound(String taskId) {
        return new TrtcApiError("ResourceNotFound", "The recording task `" + taskId + "` does not exist or has ended.");
    }

    private static final class Task {
        final String id;
        final TrtcRecordingRequest request;
        /** Whether the request's storage is the emulator's, so uploads succeed. */
        final boolean uploads;
        /** Each publisher, with when the robot first saw them. */
        final Map<String, Instant> firstSeen = new LinkedHashMap<>();
        final List<StorageFile> hlsFiles = new ArrayList<>();
        Instant firstMediaAt;
        Instant emptySince;
        boolean publishing;
        Instant endedAt;
        Integer leaveCode;

        Task(String id, TrtcRecordingRequest request, boolean uploads) {
            this.id = id;
            this.request = request;
            this.uploads = uploads;
        }

        boolean running() {
            return endedAt == null;
        }

        State state(Instant now) {
            if (running()) {
                return publishing ? State.IN_PROGRESS : State.IDLE;
            }
            return now.isBefore(endedAt.plus(EXITING)) ? State.EXITED : State.GONE;
        }

        /** {@code FileNamePrefix/.../TaskId/}: where TRTC puts a task's files in the bucket. */
        String directory() {
            StringBuilder directory = new StringBuilder();
            request.storage().fileNamePrefix().forEach(part -> directory.append(part).append('/'));
            return directory.append(id).append('/').toString();
        }
    }
}
