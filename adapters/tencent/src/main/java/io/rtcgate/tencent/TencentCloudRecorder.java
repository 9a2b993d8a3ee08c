package io.rtcgate.tencent;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import com.tencentcloudapi.trtc.v20190722.models.CloudStorage;
import com.tencentcloudapi.trtc.v20190722.models.CreateCloudRecordingRequest;
import com.tencentcloudapi.trtc.v20190722.models.CreateCloudRecordingResponse;
import com.tencentcloudapi.trtc.v20190722.models.DeleteCloudRecordingRequest;
import com.tencentcloudapi.trtc.v20190722.models.DescribeCloudRecordingRequest;
import com.tencentcloudapi.trtc.v20190722.models.DescribeCloudRecordingResponse;
import com.tencentcloudapi.trtc.v20190722.models.MixLayoutParams;
import com.tencentcloudapi.trtc.v20190722.models.RecordParams;
import com.tencentcloudapi.trtc.v20190722.models.StorageFile;
import com.tencentcloudapi.trtc.v20190722.models.StorageParams;
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
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRTC cloud recording over API 3.0 through Tencent's SDK (vendors.md §2.4): {@code CreateCloudRecording},
 * {@code DescribeCloudRecording}, {@code DeleteCloudRecording}.
 * <ul>
 *   <li>The room is the channel as a string room id ({@code RoomIdType} 0). The robot enters it as the
 *       recorder's own identity (a decimal uid in the recorders' range, never a user's id) with the caller's
 *       UserSig or one this adapter signs with the application's key.</li>
 *   <li>A task TRTC no longer knows ({@code ResourceNotFound}, the code the API pages list for Describe and
 *       Delete; see {@link #TASK_GONE}) is gone on query and had ended already on stop. A query or a
 *       delete after the task exited fails, so TRTC keeps no record of its final files: they come with the
 *       callbacks (307 and 310).</li>
 *   <li>Stop asks for the task's files first, then deletes the task, and answers the files it was told;
 *       TRTC goes on uploading after the delete, so they are still {@code in_progress}.</li>
 *   <li>{@code RequestLimitExceeded}, {@code InternalError*} and transport failures count against Tencent's
 *       health ({@link TencentFailures}); other refusals are rejections.</li>
 * </ul>
 * TRTC reports a second start of the same robot in a room as a plain refusal, not as the running task, so
 * there is nothing to adopt: a start whose answer was lost is found again through the callbacks that name
 * the recorder. The storage keys go to TRTC in the start request and nowhere else.
 */
public final class TencentCloudRecorder implements CloudRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(TencentCloudRecorder.class);
    /**
     * How long the robot's UserSig is valid: as long as the gateway signs any UserSig. TRTC checks it when the
     * robot enters the room.
     */
    static final Duration ROBOT_USER_SIG_TTL = Duration.ofHours(24);
    /**
     * The codes by which TRTC says it does not know a task. The API pages of DescribeCloudRecording and
     * DeleteCloudRecording list {@code ResourceNotFound}; the SDK's error table also has task codes that other
     * TRTC task APIs answer, which mean the same here.
     */
    static final Set<String> TASK_GONE = Set.of("ResourceNotFound", "FailedOperation.TaskNotExist", "InvalidParameter.TaskId",
            "FailedOperation.TaskFinished");
    private static final long STRING_ROOM_ID = 0;
    private static final long AUDIO_AND_VIDEO = 0;
    private static final long SINGLE_STREAM = 1;
    private static final long MIXED = 2;
    /** {@code OutputFormat}: 0 HLS, 1 HLS + MP4, 3 MP4 (2 and 4 are AAC, which the gateway does not ask for). */
    private static final long HLS = 0;
    private static final long HLS_AND_MP4 = 1;
    private static final long MP4 = 3;

    private final long sdkAppId;
    private final TencentRecordingStorage storage;
    private final TrtcClient client;
    private final TencentTokenIssuer userSigs;

    TencentCloudRecorder(TencentSettings settings, TrtcClient client, TencentTokenIssuer userSigs) {
        this.sdkAppId = settings.sdkAppId();
        this.storage = settings.recordingStorage().orElseThrow(() -> new IllegalArgumentException(
                "rtcgate.vendors.tencent.recording-storage.* must be set for Tencent cloud recording"));
        this.client = client;
        this.userSigs = userSigs;
    }

    @Override
    public Vendor vendor() {
        return Vendor.TENCENT;
    }

    @Override
    public RecordingStarted start(RecordingStartRequest request) {
        String robot = Long.toString(request.recorder().numeric());
        CreateCloudRecordingRequest create = new CreateCloudRecordingRequest();
        create.setSdkAppId(sdkAppId);
        create.setRoomId(request.channel());
        create.setRoomIdType(STRING_ROOM_ID);
        create.setUserId(robot);
        create.setUserSig(request.recorderToken().orElseGet(() -> userSigs.userSig(robot, ROBOT_USER_SIG_TTL)));
        create.setRecordParams(recordParams(request));
        create.setStorageParams(storageParams());
        request.layout().map(TencentCloudRecorder::mixLayoutParams).ifPresent(create::setMixLayoutParams);
        CreateCloudRecordingResponse created = call("start", request.channel(), () -> client.CreateCloudRecording(create));
        String taskId = created.getTaskId();
        if (taskId == null || taskId.isBlank()) {
            throw unreadable("start", "TaskId is missing");
        }
        return new RecordingStarted(VendorTaskId.of(taskId), false);
    }

    @Override
    public RecordingStatus query(RecordingTask task) {
        return describe("query", task)
                .map(described -> new RecordingStatus(taskState("query", described.getStatus()), files("query", described)))
                .orElse(RecordingStatus.GONE);
    }

    @Override
    public RecordingStopped stop(RecordingTask task) {
        Optional<DescribeCloudRecordingResponse> described = describe("stop", task);
        if (described.isEmpty() || taskState("stop", described.get().getStatus()) == TaskState.ENDED) {
            return RecordingStopped.alreadyEnded();
        }
        List<RecordingFile> files = files("stop", described.get());
        DeleteCloudRecordingRequest delete = new DeleteCloudRecordingRequest();
        delete.setSdkAppId(sdkAppId);
        delete.setTaskId(taskId(task));
        boolean deleted = callUnlessGone("stop", task.channel(), () -> client.DeleteCloudRecording(delete)).isPresent();
        return deleted ? RecordingStopped.stopped(files) : RecordingStopped.alreadyEnded();
    }

    @Override
    public String toString() {
        return "TencentCloudRecorder[sdkAppId=" + sdkAppId + ", storage=" + storage + "]";
    }

    // ---- requests ----

    private static RecordParams recordParams(RecordingStartRequest request) {
        RecordParams record = new RecordParams();
        record.setRecordMode(request.mode() == RecordingMode.MIX ? MIXED : SINGLE_STREAM);
        record.setMaxIdleTime(request.maxIdleTime().toSeconds());
        record.setStreamType(AUDIO_AND_VIDEO);
        record.setOutputFormat(outputFormat(request.formats()));
        return record;
    }

    static long outputFormat(Set<RecordingFormat> formats) {
        boolean hls = formats.contains(RecordingFormat.HLS);
        boolean mp4 = formats.contains(RecordingFormat.MP4);
        return hls && mp4 ? HLS_AND_MP4 : mp4 ? MP4 : HLS;
    }

    /**
     * TRTC's templates ({@code MixLayoutMode}): 1 floating, 2 screen sharing, 3 grid. TRTC has no vertical
     * template; the screen sharing one is the closest, one large video on the left and the others in columns
     * on the right, as Agora's vertical layout has them. Without {@code MaxResolutionUserId}, which the
     * gateway does not know, TRTC leaves its large window to the background.
     */
    static long mixLayoutMode(MixLayout layout) {
        return switch (layout) {
            case FLOAT -> 1;
            case VERTICAL -> 2;
            case BEST_FIT -> 3;
        };
    }

    private static MixLayoutParams mixLayoutParams(MixLayout layout) {
        MixLayoutParams params = new MixLayoutParams();
        params.setMixLayoutMode(mixLayoutMode(layout));
        return params;
    }

    /** A fresh SDK model per start: the SDK's models are mutable. */
    private StorageParams storageParams() {
        CloudStorage cloud = new CloudStorage();
        cloud.setVendor((long) storage.vendor());
        cloud.setRegion(storage.region());
        cloud.setBucket(storage.bucket());
        cloud.setAccessKey(storage.accessKey());
        cloud.setSecretKey(storage.secretKey());
        if (!storage.fileNamePrefix().isEmpty()) {
            cloud.setFileNamePrefix(storage.fileNamePrefix().toArray(String[]::new));
        }
        StorageParams params = new StorageParams();
        params.setCloudStorage(cloud);
        return params;
    }

    private Optional<DescribeCloudRecordingResponse> describe(String operation, RecordingTask task) {
        DescribeCloudRecordingRequest describe = new DescribeCloudRecordingRequest();
        describe.setSdkAppId(sdkAppId);
        describe.setTaskId(taskId(task));
        return callUnlessGone(operation, task.channel(), () -> client.DescribeCloudRecording(describe));
    }

    private static String taskId(RecordingTask task) {
        return task.id().taskId().orElseThrow(() -> new IllegalArgumentException("a Tencent recording task is known by its TaskId"));
    }

    // ---- answers ----

    private static TaskState taskState(String operation, String status) {
        if (status == null) {
            throw unreadable(operation, "Status is missing");
        }
        return switch (status) {
            case "Idle" -> TaskState.STARTING;
            case "InProgress" -> TaskState.RECORDING;
            case "Exited" -> TaskState.ENDED;
            default -> throw unreadable(operation, "unknown Status " + status);
        };
    }

    /** The files TRTC lists as written so far; they are uploading until its callbacks say otherwise. */
    private static List<RecordingFile> files(String operation, DescribeCloudRecordingResponse described) {
        StorageFile[] listed = described.getStorageFileList();
        if (listed == null) {
            return List.of();
        }
        List<RecordingFile> files = new ArrayList<>();
        for (StorageFile file : listed) {
            if (file == null || file.getFileName() == null || file.getFileName().isBlank()) {
                throw unreadable(operation, "StorageFileList[].FileName is missing");
            }
            Optional<String> user = Optional.ofNullable(file.getUserId()).filter(id -> !id.isBlank());
            Optional<Instant> begin = Optional.ofNullable(file.getBeginTimeStamp()).filter(ms -> ms > 0).map(Instant::ofEpochMilli);
            TrackType trackType = TrtcTrackTypes.of(file.getTrackType())
                    .orElseThrow(() -> unreadable(operation, "unknown TrackType " + file.getTrackType()));
            files.add(new RecordingFile(file.getFileName(), trackType, user, begin, UploadStatus.IN_PROGRESS));
        }
        return files;
    }

    // ---- calls ----

    private static <T> T call(String operation, String channel, SdkCall<T> call) {
        try {
            T answer = call.run();
            LOG.debug("tencent recording {} in room {} done", operation, channel);
            return answer;
        } catch (TencentCloudSDKException e) {
            throw failure(operation, channel, e);
        }
    }

    /** The call's answer, or empty when TRTC says it does not know the task. */
    private static <T> Optional<T> callUnlessGone(String operation, String channel, SdkCall<T> call) {
        try {
            return Optional.of(call(operation, channel, call));
        } catch (VendorException e) {
            if (e.vendorCode() != null && TASK_GONE.contains(e.vendorCode())) {
                LOG.debug("tencent recording {} in room {}: the task is gone ({})", operation, channel, e.vendorCode());
                return Optional.empty();
            }
            throw e;
        }
    }

    private static VendorException failure(String operation, String channel, TencentCloudSDKException e) {
        VendorException failure = TencentFailures.toVendorException(operation, e);
        LOG.debug("tencent recording {} in room {}: {} ({})", operation, channel, failure.getMessage(), failure.kind());
        return failure;
    }

    private static VendorException unreadable(String operation, String problem) {
        return new VendorException(Vendor.TENCENT, operation, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + problem);
    }

    /** One SDK call; the SDK declares its only exception as checked. */
    @FunctionalInterface
    private interface SdkCall<T> {
        T run() throws TencentCloudSDKException;
    }
}
