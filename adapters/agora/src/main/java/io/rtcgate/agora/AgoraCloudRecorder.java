package io.rtcgate.agora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.agora.AgoraRecordingJson.AcquireAnswer;
import io.rtcgate.agora.AgoraRecordingJson.AcquireClientRequest;
import io.rtcgate.agora.AgoraRecordingJson.AcquireRequest;
import io.rtcgate.agora.AgoraRecordingJson.CodeAnswer;
import io.rtcgate.agora.AgoraRecordingJson.RecordingConfig;
import io.rtcgate.agora.AgoraRecordingJson.RecordingFileConfig;
import io.rtcgate.agora.AgoraRecordingJson.ServerResponse;
import io.rtcgate.agora.AgoraRecordingJson.StartAnswer;
import io.rtcgate.agora.AgoraRecordingJson.StartClientRequest;
import io.rtcgate.agora.AgoraRecordingJson.StartRequest;
import io.rtcgate.agora.AgoraRecordingJson.StopClientRequest;
import io.rtcgate.agora.AgoraRecordingJson.StopRequest;
import io.rtcgate.agora.AgoraRecordingJson.StorageConfig;
import io.rtcgate.agora.AgoraRecordingJson.TaskAnswer;
import io.rtcgate.agora.AgoraRecordingJson.TranscodingConfig;
import io.rtcgate.agora.AgoraRestClient.Answer;
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
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.domain.recording.VendorTaskId;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agora Cloud Recording over its REST API (vendors.md §1.3): {@code acquire} then {@code start} at once,
 * {@code query}, {@code stop}, each honouring the error table of §1.3.6.
 * <ul>
 *   <li>206 with code 65 ("request not completed", a backend timeout) is retried a bounded number of
 *       times, with a short backoff that stays well inside the guard's call timeout;</li>
 *   <li>a resource id lives 5 minutes: a start refused because it expired (legacy code 433) acquires a new
 *       one, once;</li>
 *   <li>201 with code 7 on start ("already started": a retried start whose first try did start) adopts the
 *       running task instead of starting a second recording;</li>
 *   <li>404 on query: the task is gone; on stop, 404 or code 49 (already stopping, or ended at its idle
 *       time): it had ended already; 206 with code 435 on stop: nothing was recorded, which completes the
 *       recording without files;</li>
 *   <li>429 is throttling and 5xx a server error, both counting against Agora's health through the
 *       guard; other refusals are rejections.</li>
 * </ul>
 * The recorder joins with its own uid (a {@code RecorderIdentity} in the recorders' range, above every
 * user's uid) and the caller's token, or else a join-only AccessToken2 this adapter signs for that uid.
 * The storage keys go to Agora in the start body and nowhere else.
 */
public final class AgoraCloudRecorder implements CloudRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(AgoraCloudRecorder.class);
    /** How many times a 206/65 answer is retried after the first try. */
    static final int NOT_COMPLETED_RETRIES = 2;
    static final Duration DEFAULT_BACKOFF = Duration.ofMillis(300);
    /** The recorder's token lives as long as Agora allows; the recorder cannot renew it. */
    static final Duration RECORDER_TOKEN_TTL = AgoraTokenIssuer.MAX_TTL;
    /** How long query and stop keep working after a start (Agora's default and the longest idle time). */
    private static final int RESOURCE_EXPIRED_HOUR = 72;
    private static final int LIVE_BROADCASTING = 1;
    private static final int AUDIO_AND_VIDEO = 2;
    private static final TranscodingConfig MIX_CANVAS = new TranscodingConfig(640, 360, 15, 500, 1);
    private static final int NOT_COMPLETED = 65;
    private static final int ALREADY_STARTED = 7;
    private static final int RESOURCE_EXPIRED = 433;
    private static final int INVALID_OPERATION = 49;
    private static final int NO_RECORDED_DATA = 435;
    /** Query status codes (§1.3.4). */
    private static final int IN_PROGRESS = 5;
    private static final int STOP_REQUESTED = 6;
    private static final int EXITED_ABNORMALLY = 20;

    private final AgoraSettings settings;
    private final StorageConfig storage;
    private final AgoraRestClient rest;
    private final AgoraTokenIssuer tokens;
    private final Clock clock;
    private final Duration backoff;
    private final SecureRandom random = new SecureRandom();

    AgoraCloudRecorder(AgoraSettings settings, AgoraRestClient rest, AgoraTokenIssuer tokens, Clock clock) {
        this(settings, rest, tokens, clock, DEFAULT_BACKOFF);
    }

    AgoraCloudRecorder(AgoraSettings settings, AgoraRestClient rest, AgoraTokenIssuer tokens, Clock clock, Duration backoff) {
        AgoraRecordingStorage configured = settings.recordingStorage().orElseThrow(() -> new IllegalArgumentException(
                "rtcgate.vendors.agora.recording-storage.* must be set for Agora cloud recording"));
        this.settings = settings;
        this.storage = new StorageConfig(configured.vendor(), configured.region(), configured.bucket(),
                configured.accessKey(), configured.secretKey(), configured.fileNamePrefix());
        this.rest = rest;
        this.tokens = tokens;
        this.clock = clock;
        this.backoff = backoff;
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    @Override
    public RecordingStarted start(RecordingStartRequest request) {
        return start(request, resource -> { });
    }

    /** Tells {@code reserved} of each resource id it acquires, before the start that uses it. */
    @Override
    public RecordingStarted start(RecordingStartRequest request, Consumer<VendorTaskId> reserved) {
        String uid = Long.toString(request.recorder().numeric());
        String token = request.recorderToken().orElseGet(() -> recorderToken(request.channel(), request.recorder().numeric()));
        StartRequest body = new StartRequest(request.channel(), uid, new StartClientRequest(token, recordingConfig(request),
                new RecordingFileConfig(avFileTypes(request.formats())), storage));
        String resourceId = acquire(request.channel(), uid);
        reserved.accept(VendorTaskId.unnamed(resourceId));
        Answer answer = withRetries("start", () -> rest.postForAnswer("start", startPath(resourceId, request.mode()), body));
        Optional<CodeAnswer> code = codeOf(answer);
        if (answer.status() == 400 && code.flatMap(c -> Optional.ofNullable(c.code())).orElse(0) == RESOURCE_EXPIRED) {
            LOG.info("agora start: resource id expired before the start reached Agora; acquiring another one");
            String fresh = acquire(request.channel(), uid);
            reserved.accept(VendorTaskId.unnamed(fresh));
            answer = withRetries("start", () -> rest.postForAnswer("start", startPath(fresh, request.mode()), body));
            return started(answer, fresh);
        }
        return started(answer, resourceId);
    }

    @Override
    public RecordingStatus query(RecordingTask task) {
        String sid = sidOf(task, "query");
        String path = taskPath(task, sid, "query");
        Answer answer = withRetries("query", () -> rest.getForAnswer("query", path));
        if (answer.status() == 404) {
            return RecordingStatus.GONE;
        }
        ServerResponse response = taskAnswer("query", answer).serverResponse();
        if (response == null || response.status() == null) {
            throw unreadable("query", "serverResponse.status is missing");
        }
        return new RecordingStatus(taskState(response.status()), files("query", response, UploadStatus.IN_PROGRESS));
    }

    @Override
    public RecordingStopped stop(RecordingTask task) {
        String sid = sidOf(task, "stop");
        String path = taskPath(task, sid, "stop");
        StopRequest body = new StopRequest(task.channel(), Long.toString(task.recorder().numeric()), new StopClientRequest(false));
        Answer answer = withRetries("stop", () -> rest.postForAnswer("stop", path, body));
        Optional<Integer> code = codeOf(answer).map(CodeAnswer::code);
        if (answer.status() == 206 && code.orElse(0) == NO_RECORDED_DATA) {
            return RecordingStopped.nothingRecorded();
        }
        if (answer.status() == 404 || (answer.status() == 400 && code.orElse(0) == INVALID_OPERATION)) {
            return RecordingStopped.alreadyEnded();
        }
        ServerResponse response = taskAnswer("stop", answer).serverResponse();
        if (response == null) {
            throw unreadable("stop", "serverResponse is missing");
        }
        return RecordingStopped.stopped(files("stop", response, uploadStatus(response.uploadingStatus())));
    }

    // ---- the calls ----

    private String acquire(String channel, String uid) {
        AcquireRequest body = new AcquireRequest(channel, uid, new AcquireClientRequest(0, RESOURCE_EXPIRED_HOUR));
        Answer answer = withRetries("acquire", () -> rest.postForAnswer("acquire", prefix() + "/acquire", body));
        requireOk("acquire", answer);
        AcquireAnswer acquired = read("acquire", answer.body(), AcquireAnswer.class);
        return requireText("acquire", acquired.resourceId(), "resourceId");
    }

    private RecordingStarted started(Answer answer, String resourceId) {
        Optional<CodeAnswer> code = codeOf(answer);
        if (answer.status() == 201 && code.map(CodeAnswer::code).orElse(0) == ALREADY_STARTED) {
            // A start that Agora ran although its answer was lost (a 206): adopt that task, never start a second.
            Optional<String> sid = code.map(CodeAnswer::sid).filter(text -> !text.isBlank());
            LOG.info("agora start: the task was already running; adopting it{}", sid.isPresent() ? "" : " (sid not told yet)");
            return new RecordingStarted(sid.map(id -> VendorTaskId.agora(resourceId, id))
                    .orElseGet(() -> VendorTaskId.unnamed(resourceId)), true);
        }
        requireOk("start", answer);
        StartAnswer started = read("start", answer.body(), StartAnswer.class);
        return new RecordingStarted(VendorTaskId.agora(resourceId, requireText("start", started.sid(), "sid")), false);
    }

    /** Sends, and sends again while Agora answers 206/65 (its backend timed out), a bounded number of times. */
    private Answer withRetries(String operation, java.util.function.Supplier<Answer> call) {
        Answer answer = call.get();
        for (int retry = 1; retry <= NOT_COMPLETED_RETRIES && isNotCompleted(answer); retry++) {
            LOG.debug("agora {}: request not completed (206/65), retry {} of {}", operation, retry, NOT_COMPLETED_RETRIES);
            pause(backoff.multipliedBy(retry), operation);
            answer = call.get();
        }
        if (isNotCompleted(answer)) {
            throw AgoraRestClient.failure(operation, VendorException.Kind.SERVER_ERROR, Integer.toString(NOT_COMPLETED),
                    "request not completed after " + (NOT_COMPLETED_RETRIES + 1) + " tries");
        }
        return answer;
    }

    private static boolean isNotCompleted(Answer answer) {
        return answer.status() == 206 && codeOf(answer).map(CodeAnswer::code).orElse(0) == NOT_COMPLETED;
    }

    /** A 200 passes; anything else becomes the VendorException its status and code call for. */
    private static void requireOk(String operation, Answer answer) {
        if (answer.status() == 200) {
            return;
        }
        int status = answer.status();
        Optional<CodeAnswer> code = codeOf(answer);
        VendorException.Kind kind = status == 429 ? VendorException.Kind.THROTTLED
                : status >= 500 ? VendorException.Kind.SERVER_ERROR
                : status < 300 ? VendorException.Kind.SERVER_ERROR // a 2xx Agora documents no meaning for
                : VendorException.Kind.REJECTED;
        String vendorCode = code.map(CodeAnswer::code).map(String::valueOf).orElse(Integer.toString(status));
        String reason = code.map(CodeAnswer::reason)
                .or(() -> AgoraRestClient.gatewayMessage(answer.body()))
                .map(text -> ": " + text).orElse("");
        throw AgoraRestClient.failure(operation, kind, vendorCode, "HTTP " + status + reason);
    }

    private TaskAnswer taskAnswer(String operation, Answer answer) {
        requireOk(operation, answer);
        return read(operation, answer.body(), TaskAnswer.class);
    }

    /** The body as cloud recording's {@code {"code","reason"}}, when it is one. */
    private static Optional<CodeAnswer> codeOf(Answer answer) {
        try {
            JsonNode node = AgoraJson.MAPPER.readTree(answer.body());
            if (node == null || !node.path("code").isInt()) {
                return Optional.empty();
            }
            return Optional.of(AgoraJson.MAPPER.treeToValue(node, CodeAnswer.class));
        } catch (JsonProcessingException | IllegalArgumentException notACodeAnswer) {
            return Optional.empty();
        }
    }

    private <T> T read(String operation, String body, Class<T> type) {
        return rest.read(operation, body, type);
    }

    // ---- bodies ----

    private static RecordingConfig recordingConfig(RecordingStartRequest request) {
        TranscodingConfig transcoding = request.mode() == RecordingMode.MIX
                ? new TranscodingConfig(MIX_CANVAS.width(), MIX_CANVAS.height(), MIX_CANVAS.fps(), MIX_CANVAS.bitrate(),
                        request.layout().map(AgoraCloudRecorder::mixedVideoLayout).orElse(MIX_CANVAS.mixedVideoLayout()))
                : null;
        return new RecordingConfig(LIVE_BROADCASTING, AUDIO_AND_VIDEO, (int) request.maxIdleTime().toSeconds(), transcoding);
    }

    private static int mixedVideoLayout(MixLayout layout) {
        return switch (layout) {
            case FLOAT -> 0;
            case BEST_FIT -> 1;
            case VERTICAL -> 2;
        };
    }

    /** Agora writes HLS always (§1.3.3 takes {@code ["hls"]} or {@code ["hls","mp4"]}), so MP4 comes with HLS. */
    static List<String> avFileTypes(Set<RecordingFormat> formats) {
        return formats.contains(RecordingFormat.MP4) ? List.of("hls", "mp4") : List.of("hls");
    }

    private String recorderToken(String channel, long uid) {
        int issuedAt = (int) clock.instant().getEpochSecond();
        return tokens.buildToken(channel, uid, ParticipantRole.AUDIENCE, (int) RECORDER_TOKEN_TTL.toSeconds(), issuedAt,
                random.nextInt());
    }

    // ---- answers ----

    private static TaskState taskState(int status) {
        if (status >= 0 && status < IN_PROGRESS) {
            return TaskState.STARTING;
        }
        return switch (status) {
            case IN_PROGRESS -> TaskState.RECORDING;
            case STOP_REQUESTED -> TaskState.STOPPING;
            case 7, 8 -> TaskState.ENDED;
            case EXITED_ABNORMALLY -> TaskState.FAILED;
            default -> throw unreadable("query", "unknown status " + status);
        };
    }

    /** The files of a query or stop answer, in either of Agora's two list shapes. */
    private static List<RecordingFile> files(String operation, ServerResponse response, UploadStatus uploadStatus) {
        return AgoraFileLists.read(response.fileList(), response.sliceStartTime(), uploadStatus,
                (field, problem) -> unreadable(operation, field + " " + problem));
    }

    private static UploadStatus uploadStatus(String value) {
        if (value == null) {
            return UploadStatus.UNKNOWN;
        }
        return switch (value) {
            case "uploaded" -> UploadStatus.UPLOADED;
            case "backuped" -> UploadStatus.BACKED_UP;
            default -> UploadStatus.UNKNOWN;
        };
    }

    // ---- paths ----

    private String prefix() {
        return "/v1/apps/" + segment(settings.appId()) + "/cloud_recording";
    }

    private String startPath(String resourceId, RecordingMode mode) {
        return prefix() + "/resourceid/" + segment(resourceId) + "/mode/" + mode.wireName() + "/start";
    }

    private String taskPath(RecordingTask task, String sid, String operation) {
        String resourceId = task.id().resourceId().orElseThrow(() -> new IllegalArgumentException(
                "an Agora recording task needs its resource id to " + operation));
        return prefix() + "/resourceid/" + segment(resourceId) + "/sid/" + segment(sid) + "/mode/" + task.mode().wireName()
                + "/" + operation;
    }

    private static String sidOf(RecordingTask task, String operation) {
        return task.id().taskId().orElseThrow(() -> new IllegalArgumentException(
                "an Agora recording task needs its sid to " + operation + "; it comes with the first callback naming the recorder"));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String requireText(String operation, String value, String field) {
        if (value == null || value.isBlank()) {
            throw unreadable(operation, field + " is missing");
        }
        return value;
    }

    private static VendorException unreadable(String operation, String problem) {
        return AgoraRestClient.failure(operation, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + problem);
    }

    private static void pause(Duration duration, String operation) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgoraRestClient.failure(operation, VendorException.Kind.TRANSPORT, null, "interrupted while backing off");
        }
    }
}
