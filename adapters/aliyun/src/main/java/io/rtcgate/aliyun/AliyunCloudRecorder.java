package io.rtcgate.aliyun;

import com.aliyuncs.live.model.v20161101.DescribeChannelUsersRequest;
import com.aliyuncs.live.model.v20161101.DescribeRtcCloudRecordingFilesRequest;
import com.aliyuncs.live.model.v20161101.DescribeRtcCloudRecordingFilesResponse;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.MixLayoutParams;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.MixTranscodeParams;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.RecordParams;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.StorageParams;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.StorageParams.FileInfoItem;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.StorageParams.OSSParams;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.SubscribeParams;
import com.aliyuncs.live.model.v20161101.StartRtcCloudRecordingRequest.SubscribeParams.SubscribeUserIdListItem;
import com.aliyuncs.live.model.v20161101.StopRtcCloudRecordingRequest;
import io.rtcgate.domain.recording.CloudRecorder;
import io.rtcgate.domain.recording.MixLayout;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingStartRequest;
import io.rtcgate.domain.recording.RecordingStarted;
import io.rtcgate.domain.recording.RecordingStatus;
import io.rtcgate.domain.recording.RecordingStopped;
import io.rtcgate.domain.recording.RecordingTask;
import io.rtcgate.domain.recording.TaskState;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.domain.recording.VendorTaskId;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARTC cloud recording through the live OpenAPI (aliyun-java-sdk-live 3.9.76; help.aliyun.com/zh/live/
 * developer-reference/api-live-2016-11-01-startrtccloudrecording and its siblings):
 * <ul>
 *   <li>start: StartRtcCloudRecording on the room's ARTC channel. Aliyun records only the UserIds it is told to
 *       subscribe (1 to 17), so the channel's publishers ({@code DescribeChannelUsers}' interactive users) at the
 *       start are subscribed; a channel nobody publishes in is refused before anything is sent. RecordMode 0
 *       records each user's stream, 1 mixes them (MixTranscodeParams, and a pane per user for the layout);
 *       StreamType 0 records audio and video; OSS storage (StorageType 1, the API page's own example value: the
 *       copies we have lost the list of values) with a FileInfo per format, named
 *       {@code {ChannelId}_{StartTime}[_{UserId}]} under {@code file-name-prefix/TaskId/}; MaxIdleTime must be
 *       10 to 14400 s, Aliyun's range;</li>
 *   <li>every callback of the task goes to the configured {@code recording-callback-url} with
 *       {@code recorder=<the recorder's identity>} appended: the API takes no recorder user id, so this is how a
 *       callback names the recorder and lets the gateway adopt a task whose TaskId it never wrote down. They are
 *       signed with {@link AliyunRecordingCallbacks#notifyAuthKey the NotifyAuthKey derived from the callback
 *       auth key}, and RecordFileUploaded is asked for the recording's formats;</li>
 *   <li>query: DescribeRtcCloudRecordingFiles: RUNNING and RECOVERING are recording, STOPPING stopping, STOPPED
 *       ended; its HLS, MP4 and MP3 lists are the files, uploaded once the task stopped; {@code NotFound.Task}
 *       (also what Aliyun answers for tasks older than its 3 days) is a task that is gone;</li>
 *   <li>stop: StopRtcCloudRecording answers only the task id, so the final files come from a query or the
 *       callbacks; {@code NotFound.Task}, and {@code InvalidParameter.TaskId} for a task no longer running or
 *       recovering, mean it had ended already.</li>
 * </ul>
 * Errors come from {@link AliyunLiveClient}: throttling and 5xx count against Aliyun's health, refusals do not.
 */
public final class AliyunCloudRecorder implements CloudRecorder {

    /** The query parameter of the callback URL that names the recorder. */
    public static final String RECORDER_PARAMETER = "recorder";
    static final long MIN_IDLE_SECONDS = 10;
    static final long MAX_IDLE_SECONDS = 14_400;
    static final int MAX_SUBSCRIBED = 17;
    static final int SINGLE_STREAM = 0;
    static final int MIXED = 1;
    static final int AUDIO_AND_VIDEO = 0;
    static final int CAMERA = 0;
    static final int OSS_STORAGE = 1;
    static final String TASK_NOT_FOUND = "NotFound.Task";
    static final String TASK_NOT_RUNNING = "InvalidParameter.TaskId";

    private static final Logger LOG = LoggerFactory.getLogger(AliyunCloudRecorder.class);
    private static final String USER_FILE_PATTERN = "{ChannelId}_{StartTime}_{UserId}";
    private static final String MIX_FILE_PATTERN = "{ChannelId}_{StartTime}";
    /** StartTime as Aliyun writes it in file names (2025-05-06-14:37:22): no underscore, so the user id is what follows. */
    private static final String START_TIME = "[0-9:-]+";

    private final String appId;
    private final AliyunRecordingStorage storage;
    private final URI callbackUrl;
    private final Optional<String> notifyAuthKey;
    private final AliyunLiveClient client;

    AliyunCloudRecorder(AliyunSettings settings, AliyunLiveClient client) {
        this.storage = settings.cloudRecording().orElseThrow(() -> new IllegalArgumentException(
                "rtcgate.vendors.aliyun.recording-storage.* and recording-callback-url must be set for Aliyun cloud recording"));
        this.appId = settings.artcAppId();
        this.callbackUrl = settings.recordingCallbackUrl();
        String callbackAuthKey = settings.live().callbackAuthKey();
        this.notifyAuthKey = callbackAuthKey.isBlank() ? Optional.empty()
                : Optional.of(AliyunRecordingCallbacks.notifyAuthKey(callbackAuthKey));
        this.client = client;
        if (notifyAuthKey.isEmpty()) {
            LOG.warn("Aliyun cloud recording callbacks will be unsigned and refused: rtcgate.vendors.aliyun.callback-auth-key is "
                    + "not set, so recordings are followed by queries only");
        }
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public RecordingStarted start(RecordingStartRequest request) {
        String channel = ArtcIds.require(request.channel(), "channel", "start");
        long idleSeconds = request.maxIdleTime().toSeconds();
        if (idleSeconds < MIN_IDLE_SECONDS || idleSeconds > MAX_IDLE_SECONDS) {
            // the caller's choice, not Aliyun's failure: named as the API's field
            throw new InvalidInputException("max_idle_seconds", "Aliyun records with max_idle_seconds from "
                    + MIN_IDLE_SECONDS + " to " + MAX_IDLE_SECONDS + ", not " + idleSeconds);
        }
        List<String> users = publishers(channel);
        StartRtcCloudRecordingRequest start = new StartRtcCloudRecordingRequest();
        start.setAppId(appId);
        start.setChannelId(channel);
        start.setRecordParams(recordParams(request.mode()));
        start.setSubscribeParams(subscribe(users));
        start.setStorageParams(storageParams(request));
        if (request.mode() == RecordingMode.MIX) {
            start.setMixTranscodeParams(mixTranscoding());
            MixLayoutParams layout = new MixLayoutParams();
            layout.setUserPanes(ArtcMixLayouts.panes(request.layout().orElse(MixLayout.BEST_FIT), users));
            start.setMixLayoutParams(layout);
        }
        start.setMaxIdleTime(idleSeconds);
        start.setNotifyUrl(notifyUrl(request.recorder().value()));
        notifyAuthKey.ifPresent(start::setNotifyAuthKey);
        start.setNotifyFileUploadedFormats(RecordingFormat.ordered(request.formats()).stream().map(AliyunCloudRecorder::format).toList());
        String taskId = client.call("start", start).getTaskId();
        if (taskId == null || taskId.isBlank()) {
            throw unreadable("start", "TaskId is missing");
        }
        return new RecordingStarted(VendorTaskId.of(taskId), false);
    }

    @Override
    public RecordingStatus query(RecordingTask task) {
        DescribeRtcCloudRecordingFilesRequest describe = new DescribeRtcCloudRecordingFilesRequest();
        describe.setTaskId(taskId(task, "query"));
        DescribeRtcCloudRecordingFilesResponse.TaskInfo info;
        try {
            info = client.call("query", describe).getTaskInfo();
        } catch (VendorException e) {
            if (TASK_NOT_FOUND.equals(e.vendorCode())) {
                return RecordingStatus.GONE;
            }
            throw e;
        }
        if (info == null || info.getStatus() == null) {
            throw unreadable("query", "TaskInfo.Status is missing");
        }
        TaskState state = taskState(info.getStatus());
        return new RecordingStatus(state, files(task, info.getRecordFileList(),
                state == TaskState.ENDED ? UploadStatus.UPLOADED : UploadStatus.IN_PROGRESS));
    }

    @Override
    public RecordingStopped stop(RecordingTask task) {
        StopRtcCloudRecordingRequest stop = new StopRtcCloudRecordingRequest();
        stop.setTaskId(taskId(task, "stop"));
        try {
            client.call("stop", stop);
        } catch (VendorException e) {
            if (TASK_NOT_FOUND.equals(e.vendorCode()) || TASK_NOT_RUNNING.equals(e.vendorCode())) {
                return RecordingStopped.alreadyEnded();
            }
            throw e;
        }
        return RecordingStopped.stopped(List.of());
    }

    @Override
    public String toString() {
        // The NotifyAuthKey signs callbacks: it stays out of logs.
        return "AliyunCloudRecorder[appId=" + appId + ", storage=" + storage + ", callbackUrl=" + callbackUrl + "]";
    }

    // ---- the request ----

    /** The channel's publishers, the users Aliyun is to record; at most the API's 17, in the order Aliyun lists them. */
    private List<String> publishers(String channel) {
        DescribeChannelUsersRequest describe = new DescribeChannelUsersRequest();
        describe.setAppId(appId);
        describe.setChannelId(channel);
        List<String> interactive = client.call("start", describe).getInteractiveUserList();
        if (interactive == null || interactive.isEmpty()) {
            throw new ConflictException("nobody publishes in channel " + channel + " yet: Aliyun records only the users"
                    + " who publish when the recording starts, so start it once the anchor publishes");
        }
        if (interactive.size() > MAX_SUBSCRIBED) {
            LOG.warn("aliyun start: channel {} has {} publishers; Aliyun records at most {}, the first of them",
                    channel, interactive.size(), MAX_SUBSCRIBED);
            return List.copyOf(interactive.subList(0, MAX_SUBSCRIBED));
        }
        return List.copyOf(interactive);
    }

    private static RecordParams recordParams(RecordingMode mode) {
        RecordParams record = new RecordParams();
        record.setRecordMode(mode == RecordingMode.MIX ? MIXED : SINGLE_STREAM);
        record.setStreamType(AUDIO_AND_VIDEO);
        return record;
    }

    private static SubscribeParams subscribe(List<String> users) {
        List<SubscribeUserIdListItem> list = new ArrayList<>();
        for (String user : users) {
            SubscribeUserIdListItem item = new SubscribeUserIdListItem();
            item.setUserId(user);
            item.setStreamType(AUDIO_AND_VIDEO);
            item.setSourceType(CAMERA);
            list.add(item);
        }
        SubscribeParams subscribe = new SubscribeParams();
        subscribe.setSubscribeUserIdList(list);
        return subscribe;
    }

    private StorageParams storageParams(RecordingStartRequest request) {
        OSSParams oss = new OSSParams();
        oss.setOSSBucket(storage.bucket());
        oss.setOSSEndpoint(storage.endpoint());
        String pattern = request.mode() == RecordingMode.MIX ? MIX_FILE_PATTERN : USER_FILE_PATTERN;
        List<FileInfoItem> files = new ArrayList<>();
        for (RecordingFormat format : RecordingFormat.ordered(request.formats())) {
            FileInfoItem file = new FileInfoItem();
            file.setFormat(format(format));
            file.setFileNamePattern(pattern);
            if (format == RecordingFormat.HLS) {
                file.setSliceNamePattern(pattern + "_{Sequence}");
            }
            if (!storage.fileNamePrefix().isEmpty()) {
                file.setFilePathPrefix(storage.fileNamePrefix());
            }
            files.add(file);
        }
        StorageParams params = new StorageParams();
        params.setStorageType(OSS_STORAGE);
        params.setOSSParams(oss);
        params.setFileInfo(files);
        return params;
    }

    /** A 640x360 canvas at 15 fps and 500 kbps, and 48 kHz stereo audio at 64 kbps, within every range the API states. */
    private static MixTranscodeParams mixTranscoding() {
        MixTranscodeParams transcode = new MixTranscodeParams();
        transcode.setVideoWidth(640);
        transcode.setVideoHeight(360);
        transcode.setVideoFramerate(15);
        transcode.setVideoBitrate(500);
        transcode.setVideoGop(30);
        transcode.setAudioSampleRate(48_000L);
        transcode.setAudioChannels(2);
        transcode.setAudioBitrate(64L);
        return transcode;
    }

    /** The configured callback URL with {@code recorder=<identity>} appended to its query. */
    private String notifyUrl(String recorder) {
        String base = callbackUrl.toString();
        String separator = callbackUrl.getRawQuery() == null ? "?" : "&";
        return base + separator + RECORDER_PARAMETER + "=" + URLEncoder.encode(recorder, StandardCharsets.UTF_8);
    }

    private static String format(RecordingFormat format) {
        return format.name();
    }

    // ---- the answers ----

    private static TaskState taskState(String status) {
        return switch (status) {
            case "RUNNING", "RECOVERING" -> TaskState.RECORDING;
            case "STOPPING" -> TaskState.STOPPING;
            case "STOPPED" -> TaskState.ENDED;
            default -> throw unreadable("query", "unknown TaskInfo.Status " + status);
        };
    }

    private static List<RecordingFile> files(RecordingTask task,
                                             DescribeRtcCloudRecordingFilesResponse.TaskInfo.RecordFileList list,
                                             UploadStatus uploadStatus) {
        if (list == null) {
            return List.of();
        }
        List<RecordingFile> files = new ArrayList<>();
        addFiles(files, list.getHlsFileList(), TrackType.AUDIO_AND_VIDEO, task, uploadStatus);
        addFiles(files, list.getMp4FileList(), TrackType.AUDIO_AND_VIDEO, task, uploadStatus);
        addFiles(files, list.getMp3FileList(), TrackType.AUDIO, task, uploadStatus);
        return files;
    }

    private static void addFiles(List<RecordingFile> files, List<String> names, TrackType trackType, RecordingTask task,
                                 UploadStatus uploadStatus) {
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw unreadable("query", "a recorded file has no name");
            }
            // The name's StartTime carries no zone, so the file's start is left to the callbacks and the task's own times.
            files.add(new RecordingFile(name, trackType, userOf(task, name), Optional.empty(), uploadStatus));
        }
    }

    /** The user of a single-stream file, from the name the recorder asked for: {@code <channel>_<StartTime>_<user>.<ext>}. */
    static Optional<String> userOf(RecordingTask task, String fileName) {
        if (task.mode() != RecordingMode.INDIVIDUAL) {
            return Optional.empty();
        }
        Matcher matcher = Pattern.compile("(?:^|/)" + Pattern.quote(task.channel()) + "_" + START_TIME + "_(.+)\\.[A-Za-z0-9]+$")
                .matcher(fileName);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String taskId(RecordingTask task, String operation) {
        return task.id().taskId().orElseThrow(() -> new IllegalArgumentException(
                "an Aliyun recording task needs its TaskId to " + operation + "; it comes with the first callback naming the recorder"));
    }

    /** A request the adapter does not send, as {@link ArtcIds} refuses one: Aliyun would refuse it. */
    private static VendorException refused(String operation, String problem) {
        return new VendorException(Vendor.ALIYUN, operation, VendorException.Kind.REJECTED, "InvalidParameter", "not sent: " + problem);
    }

    private static VendorException unreadable(String operation, String problem) {
        return new VendorException(Vendor.ALIYUN, operation, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + problem);
    }
}
