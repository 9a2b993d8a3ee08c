package io.rtcgate.tencent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.rtcgate.domain.ingest.IngestStartRequest;
import io.rtcgate.domain.ingest.IngestStopped;
import io.rtcgate.domain.ingest.IngestTask;
import io.rtcgate.domain.ingest.IngestTaskState;
import io.rtcgate.domain.ingest.IngestUpdate;
import io.rtcgate.domain.ingest.StreamIngester;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorProbe;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.tencent.TrtcIngestMessages.NoAnswer;
import io.rtcgate.tencent.TrtcIngestMessages.StartAnswer;
import io.rtcgate.tencent.TrtcIngestMessages.StartRequest;
import io.rtcgate.tencent.TrtcIngestMessages.StatusAnswer;
import io.rtcgate.tencent.TrtcIngestMessages.TaskRequest;
import io.rtcgate.tencent.TrtcIngestMessages.UpdateRequest;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRTC stream ingest ("input online media stream", vendors.md §2.3) over API 3.0: {@code StartStreamIngest},
 * {@code DescribeStreamIngest}, {@code UpdateStreamIngest}, {@code StopStreamIngest}. Tencent's TRTC artifact has
 * none of them, so they go through the common module's generic client ({@link CommonClient#call}: the same TC3
 * signing, endpoint and timeouts as the SDK's TRTC client) with bodies of our own ({@link TrtcIngestMessages}).
 * <ul>
 *   <li>The room is the channel as a string room id: {@code RoomIdType} <b>0</b> here, as for cloud recording
 *       (StartPublishCdnStream has the meaning the other way round). The robot enters as the request's robot user
 *       with a UserSig this adapter signs with the application's key.</li>
 *   <li>A file starts at the whole seconds of {@code seek} ({@code SeekSecond}, sent only when positive) and plays
 *       {@code repeat} times ({@code RepeatNum}, -1 for ever). A live stream is sent {@code RepeatNum} 1, TRTC's
 *       default: its pages say nothing of repeats for a live source, and the domain asks 1 for it.
 *       {@code EnableProgress} is false: nobody reads the progress TRTC would put in the room's custom data.</li>
 *   <li>TRTC's Describe knows {@code InProgress} and {@code NotExist} only: it does not tell a paused task from a
 *       playing one, so a paused task is {@link IngestTaskState#RUNNING} here and the gateway keeps the pause
 *       itself. {@code NotExist} (and the task codes {@link #TASK_GONE}) is {@link IngestTaskState#GONE}.</li>
 *   <li>An update of a task TRTC no longer has ({@code Status: NotExist}, or the {@code FailedOperation.TaskNotExist}
 *       UpdateStreamIngest lists) is a {@link VendorException.Kind#REJECTED} failure with that code, so the
 *       caller sees the task is gone.</li>
 *   <li>Stop of a task that ended is {@code FailedOperation.TaskFinished}, the task code StopStreamIngest lists:
 *       {@link IngestStopped#ALREADY_ENDED}.</li>
 *   <li>{@code RequestLimitExceeded}, {@code InternalError*}, non-200 answers and transport failures count against
 *       Tencent's health ({@link TencentFailures}); other refusals are rejections.</li>
 * </ul>
 * Codes per action: tencentcloud-sdk-go and tencentcloud-sdk-go-intl-en, {@code trtc/v20190722/client.go}.
 */
public final class TencentStreamIngester implements StreamIngester, VendorProbe {

    private static final Logger LOG = LoggerFactory.getLogger(TencentStreamIngester.class);
    static final String START = "StartStreamIngest";
    static final String DESCRIBE = "DescribeStreamIngest";
    static final String UPDATE = "UpdateStreamIngest";
    static final String STOP = "StopStreamIngest";
    /** The codes by which TRTC says a task has ended or never was: Update lists the first, Stop the second. */
    static final Set<String> TASK_GONE = Set.of("FailedOperation.TaskNotExist", "FailedOperation.TaskFinished");
    static final String IN_PROGRESS = "InProgress";
    /** Describe's and Update's {@code Status} for a task TRTC does not have; also the code an update of one fails with. */
    static final String NOT_EXIST = "NotExist";
    private static final int STRING_ROOM_ID = 0;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final long sdkAppId;
    private final CommonClient client;
    private final TencentTokenIssuer userSigs;

    TencentStreamIngester(TencentSettings settings, CommonClient client, TencentTokenIssuer userSigs) {
        this.sdkAppId = settings.sdkAppId();
        this.client = client;
        this.userSigs = userSigs;
    }

    @Override
    public Vendor vendor() {
        return Vendor.TENCENT;
    }

    @Override
    public String start(IngestStartRequest request) {
        long seekSeconds = request.seek().toSeconds();
        StartRequest start = new StartRequest(sdkAppId, request.channel(), STRING_ROOM_ID, request.robotUserId(),
                userSigs.userSig(request.robotUserId(), TencentCloudRecorder.ROBOT_USER_SIG_TTL), request.sourceUrl(),
                seekSeconds > 0 ? seekSeconds : null, request.repeat(), request.volume(), false);
        StartAnswer started = call("start", request.channel(), START, start, StartAnswer.class);
        if (started.taskId() == null || started.taskId().isBlank()) {
            throw unreadable("start", "TaskId is missing");
        }
        return started.taskId();
    }

    /** {@inheritDoc} TRTC reports a paused task as {@code InProgress}: it is {@link IngestTaskState#RUNNING} here. */
    /**
     * The health probe: DescribeStreamIngest of a task the gateway never started, a TC3-signed read that TRTC answers
     * with {@code Status: NotExist}.
     */
    @Override
    public void probe() {
        describe(new IngestTask(PROBE_NAME, PROBE_NAME, PROBE_NAME));
    }

    @Override
    public IngestTaskState describe(IngestTask task) {
        Optional<StatusAnswer> described = callUnlessGone("describe", task, DESCRIBE, new TaskRequest(sdkAppId, task.taskId()),
                StatusAnswer.class);
        if (described.isEmpty()) {
            return IngestTaskState.GONE;
        }
        String status = described.get().status();
        if (IN_PROGRESS.equals(status)) {
            return IngestTaskState.RUNNING;
        }
        if (NOT_EXIST.equals(status)) {
            return IngestTaskState.GONE;
        }
        throw unreadable("describe", status == null ? "Status is missing" : "unknown Status " + status);
    }

    @Override
    public void update(IngestTask task, IngestUpdate update) {
        UpdateRequest change = new UpdateRequest(sdkAppId, task.taskId(), update.paused().orElse(null), update.volume().orElse(null));
        StatusAnswer updated = call("update", task.channel(), UPDATE, change, StatusAnswer.class);
        if (NOT_EXIST.equals(updated.status())) {
            throw new VendorException(Vendor.TENCENT, "update", VendorException.Kind.REJECTED, NOT_EXIST,
                    "TRTC no longer has the task (Status NotExist)");
        }
        if (updated.status() != null && !IN_PROGRESS.equals(updated.status())) {
            throw unreadable("update", "unknown Status " + updated.status());
        }
    }

    @Override
    public IngestStopped stop(IngestTask task) {
        boolean stopped = callUnlessGone("stop", task, STOP, new TaskRequest(sdkAppId, task.taskId()), NoAnswer.class).isPresent();
        return stopped ? IngestStopped.STOPPED : IngestStopped.ALREADY_ENDED;
    }

    @Override
    public String toString() {
        return "TencentStreamIngester[sdkAppId=" + sdkAppId + "]";
    }

    // ---- calls ----

    private <T> T call(String operation, String channel, String action, Object request, Class<T> answer) {
        String body;
        try {
            body = JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + action + " as JSON", e);
        }
        String response;
        try {
            response = client.call(action, body);
        } catch (TencentCloudSDKException e) {
            VendorException failure = TencentFailures.toVendorException(operation, e);
            LOG.debug("tencent ingest {} in room {}: {} ({})", operation, channel, failure.getMessage(), failure.kind());
            throw failure;
        }
        LOG.debug("tencent ingest {} in room {} done", operation, channel);
        return read(operation, response, answer);
    }

    /** The call's answer, or empty when TRTC says the task has ended or never was. */
    private <T> Optional<T> callUnlessGone(String operation, IngestTask task, String action, Object request, Class<T> answer) {
        try {
            return Optional.of(call(operation, task.channel(), action, request, answer));
        } catch (VendorException e) {
            if (e.vendorCode() != null && TASK_GONE.contains(e.vendorCode())) {
                LOG.debug("tencent ingest {} in room {}: the task is gone ({})", operation, task.channel(), e.vendorCode());
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The SDK has already turned {@code Response.Error} into an exception: this is a success envelope. */
    private static <T> T read(String operation, String body, Class<T> answer) {
        try {
            JsonNode response = JSON.readTree(body).get("Response");
            if (response == null || !response.isObject()) {
                throw unreadable(operation, "no Response object");
            }
            return JSON.treeToValue(response, answer);
        } catch (JsonProcessingException e) {
            throw unreadable(operation, "not JSON: " + e.getOriginalMessage());
        }
    }

    private static VendorException unreadable(String operation, String problem) {
        return new VendorException(Vendor.TENCENT, operation, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + problem);
    }
}
