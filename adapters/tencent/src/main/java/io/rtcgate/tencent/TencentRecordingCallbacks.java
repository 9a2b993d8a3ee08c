package io.rtcgate.tencent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingCallbacks;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingNotice.Event;
import io.rtcgate.domain.recording.RecordingNotice;
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.domain.vendor.Vendor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRTC's event callbacks (vendors.md §2.6; trtc.io/document/54914): a POST of a JSON body
 * {@code {EventGroupId, EventType, CallbackTs (ms), EventInfo}} with headers {@code SdkAppId} and
 * {@code Sign = base64(HMAC-SHA256(callback key, body))}, the key set in the TRTC console. Tencent signs the
 * body's exact bytes, so the signature is checked over the body as received, before it is parsed. Stream ingest's
 * callbacks (group 7, trtc.io/document/62717) come to the same endpoint with the same key, their send time named
 * {@code CallbackMsTs}; {@link TencentIngestCallbacks} reads them once verified here.
 *
 * <p>The body carries its own send time, {@code CallbackTs}; a delivery more than {@link #FRESHNESS} from the
 * gateway's clock is refused, so a captured one cannot be replayed later. Tencent resends a delivery with the
 * same body, so {@code lowerhex(sha256(body))} names it. With no callback key every callback is refused.
 *
 * <p>Only cloud recording (event group 3) says anything of a recording: 301 the recorder started (or failed to,
 * {@code Status} 1), 302 it left the room, ended by {@code LeaveCode} 0 (stopped), 2 or 4 (room dismissed) or
 * 99 (the room stayed empty for MaxIdleTime) and failed by any other (removed from the room, a timeout, its user
 * id entering again); 307 an m3u8 got its first slice; 310 the MP4 files, uploaded ({@code Status} 0), kept in
 * backup (1) or failed (2). The other recording events (303 upload start, 304 m3u8 uploaded, which names the
 * file 307 described, 305 HLS upload end, 306 migration, 309 image error, 311 and 312 VOD) are progress. Room and
 * media events (groups 1 and 2) and any other group are not the recordings' business.
 */
public final class TencentRecordingCallbacks implements RecordingCallbacks {

    /** How far {@code CallbackTs} may be from the gateway's clock, either way. */
    public static final Duration FRESHNESS = Duration.ofMinutes(10);
    public static final String SIGN_HEADER = "Sign";
    public static final String SDK_APP_ID_HEADER = "SdkAppId";
    static final int CLOUD_RECORDING = 3;

    private static final Logger LOG = LoggerFactory.getLogger(TencentRecordingCallbacks.class);
    private static final Set<String> KEPT_HEADERS = Set.of(SIGN_HEADER, SDK_APP_ID_HEADER, "Content-Type");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int RECORDER_START = 301;
    private static final int RECORDER_STOP = 302;
    private static final int FILE_SLICE = 307;
    private static final int MP4_STOP = 310;
    /** The documented names of the cloud recording events, for the inbox's outcome. */
    private static final Map<Integer, String> EVENT_NAMES = Map.ofEntries(
            Map.entry(301, "EVENT_TYPE_CLOUD_RECORDING_RECORDER_START"),
            Map.entry(302, "EVENT_TYPE_CLOUD_RECORDING_RECORDER_STOP"),
            Map.entry(303, "EVENT_TYPE_CLOUD_RECORDING_UPLOAD_START"),
            Map.entry(304, "EVENT_TYPE_CLOUD_RECORDING_FILE_INFO"),
            Map.entry(305, "EVENT_TYPE_CLOUD_RECORDING_UPLOAD_STOP"),
            Map.entry(306, "EVENT_TYPE_CLOUD_RECORDING_FAILOVER"),
            Map.entry(307, "EVENT_TYPE_CLOUD_RECORDING_FILE_SLICE"),
            Map.entry(309, "EVENT_TYPE_CLOUD_RECORDING_DOWNLOAD_IMAGE_ERROR"),
            Map.entry(310, "EVENT_TYPE_CLOUD_RECORDING_MP4_STOP"),
            Map.entry(311, "EVENT_TYPE_CLOUD_RECORDING_VOD_COMMIT"),
            Map.entry(312, "EVENT_TYPE_CLOUD_RECORDING_VOD_STOP"));
    /** Why the recorder left the room (302's LeaveCode), per Tencent's page. */
    private static final Map<Integer, String> LEAVE_REASONS = Map.of(
            0, "the recorder was stopped",
            1, "the recorder was removed from the room by the application",
            2, "the room was dismissed by the application",
            3, "the recorder was removed from the room by TRTC",
            4, "the room was dismissed by TRTC",
            99, "nobody but the recorder was in the room for MaxIdleTime",
            100, "the recorder left the room on a timeout",
            101, "the recorder's user id entered the room again");
    private static final Set<Integer> NORMAL_LEAVES = Set.of(0, 2, 4, 99);
    private static final int UPLOADED = 0;
    private static final int KEPT_IN_BACKUP = 1;

    private final long sdkAppId;
    private final String callbackKey;

    /** The body's fields the gateway reads; Tencent adds others. Stream ingest names the send time {@code CallbackMsTs}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(@JsonProperty("EventGroupId") Integer eventGroupId, @JsonProperty("EventType") Integer eventType,
                    @JsonProperty("CallbackTs") Long callbackTs, @JsonProperty("CallbackMsTs") Long callbackMsTs,
                    @JsonProperty("EventInfo") EventInfo eventInfo) {

        /** When Tencent sent it, in ms, under either name. */
        Long sentAtMillis() {
            return callbackTs != null ? callbackTs : callbackMsTs;
        }
    }

    /**
     * {@code RoomId} is a string or a number, as the room's id type is; {@code UserId} is the recorder's. Stream
     * ingest's events carry their {@code Status} here, recording's in the {@code Payload}; {@code EventMsTs} may come
     * as a number or as a string of digits (ingest's table types it a String), and reads as either.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventInfo(@JsonProperty("RoomId") String roomId, @JsonProperty("EventTs") Long eventTs,
                     @JsonProperty("EventMsTs") Long eventMsTs, @JsonProperty("UserId") String userId,
                     @JsonProperty("TaskId") String taskId, @JsonProperty("Status") Integer status,
                     @JsonProperty("Payload") Payload payload) {
    }

    /** The fields of the events' payloads the gateway reads (each event has some of them). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(@JsonProperty("Status") Integer status, @JsonProperty("LeaveCode") Integer leaveCode,
                   @JsonProperty("FileName") String fileName, @JsonProperty("UserId") String userId,
                   @JsonProperty("TrackType") String trackType, @JsonProperty("BeginTimeStamp") Long beginTimeStamp,
                   @JsonProperty("FileMessage") List<FileMessage> fileMessage) {
    }

    /** One MP4 of event 310. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileMessage(@JsonProperty("FileName") String fileName, @JsonProperty("UserId") String userId,
                       @JsonProperty("TrackType") String trackType, @JsonProperty("StartTimeStamp") Long startTimeStamp) {
    }

    TencentRecordingCallbacks(TencentSettings settings) {
        this.sdkAppId = settings.sdkAppId();
        this.callbackKey = settings.callbackKey();
        if (callbackKey.isBlank()) {
            LOG.warn("Tencent recording callbacks are off: rtcgate.vendors.tencent.callback-key is not set, so every callback "
                    + "is refused (401) and recordings learn of their ends and files only by polling");
        }
    }

    @Override
    public Vendor vendor() {
        return Vendor.TENCENT;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        if (callbackKey.isBlank()) {
            throw new AuthenticationException("Tencent callbacks are off on this gateway: no callback key is configured");
        }
        String sign = request.header(SIGN_HEADER).orElse("");
        if (sign.isEmpty()) {
            throw new AuthenticationException("the callback is not signed: the Sign header is required");
        }
        if (!request.header(SDK_APP_ID_HEADER).orElse("").equals(Long.toString(sdkAppId))) {
            throw new AuthenticationException("the callback is not for this gateway's TRTC application (SdkAppId)");
        }
        byte[] expected = sign(callbackKey, request.body()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sign.getBytes(StandardCharsets.UTF_8))) {
            throw new AuthenticationException("wrong Sign");
        }
        Delivery delivery = parse(request.body());
        Duration age = Duration.between(Instant.ofEpochMilli(delivery.sentAtMillis()), now).abs();
        if (age.compareTo(FRESHNESS) > 0) {
            throw new AuthenticationException("CallbackTs is more than " + FRESHNESS.toMinutes()
                    + " minutes from the gateway's clock: stale or replayed callbacks are refused");
        }
        // Reading it now names a missing or malformed field at the door, not when the inbox processes it.
        interpret(delivery);
        return new VerifiedCallback(sha256Hex(request.body()), request.keepingHeaders(KEPT_HEADERS));
    }

    @Override
    public Optional<RecordingNotice> read(CallbackRequest request) {
        return interpret(parse(request.body()));
    }

    /** {@code base64(HMAC-SHA256(key, body))} over the body's UTF-8 bytes: Tencent's {@code Sign}. */
    static String sign(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    // ---- the body ----

    /** The envelope of any event group's body, its required fields checked; the ingest reader reads it too. */
    static Delivery parse(String body) {
        Delivery delivery;
        try {
            delivery = MAPPER.readValue(body, Delivery.class);
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            throw new InvalidInputException(field, field + " is malformed");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "the callback body is not a JSON object");
        }
        if (delivery == null) {
            throw new InvalidInputException("body", "the callback body is not a JSON object");
        }
        required(delivery.eventGroupId(), "EventGroupId");
        required(delivery.eventType(), "EventType");
        if (delivery.sentAtMillis() == null) {
            throw new InvalidInputException("CallbackTs", "CallbackTs (CallbackMsTs for stream ingest) is required");
        }
        required(delivery.eventInfo(), "EventInfo");
        return delivery;
    }

    /** The JSON path of the field a mapping failed on, as {@code EventInfo.Payload.Status}. */
    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static Optional<RecordingNotice> interpret(Delivery delivery) {
        if (delivery.eventGroupId() != CLOUD_RECORDING) {
            return Optional.empty(); // room and media events, and groups the gateway does not read
        }
        EventInfo info = delivery.eventInfo();
        String channel = requiredText(info.roomId(), "EventInfo.RoomId");
        Optional<RecorderIdentity> recorder = text(info.userId()).map(RecorderIdentity::new);
        Optional<String> taskId = text(info.taskId());
        if (recorder.isEmpty() && taskId.isEmpty()) {
            throw new InvalidInputException("EventInfo.TaskId", "EventInfo.TaskId (or the recorder's EventInfo.UserId) is required");
        }
        Instant reportedAt = info.eventMsTs() != null ? Instant.ofEpochMilli(info.eventMsTs())
                : info.eventTs() != null ? Instant.ofEpochSecond(info.eventTs())
                : Instant.ofEpochMilli(delivery.sentAtMillis());
        int type = delivery.eventType();
        String vendorEvent = EVENT_NAMES.getOrDefault(type, "EventType " + type);
        Notice notice = switch (type) {
            case RECORDER_START -> started(payloadOf(info));
            case RECORDER_STOP -> left(payloadOf(info));
            case FILE_SLICE -> slice(payloadOf(info));
            case MP4_STOP -> mp4Files(payloadOf(info));
            default -> new Notice(Event.PROGRESS, List.of(), Optional.empty());
        };
        return Optional.of(new RecordingNotice(notice.event(), channel, recorder, taskId, notice.files(), notice.failure(),
                Optional.empty(), reportedAt, vendorEvent));
    }

    /** What one event says, before the task's names are put to it. */
    private record Notice(Event event, List<RecordingFile> files, Optional<JobFailure> failure) {

        static Notice failed(String code, String message, List<RecordingFile> files) {
            return new Notice(Event.FAILED, files, Optional.of(new JobFailure(code, message)));
        }
    }

    private static Notice started(Payload payload) {
        int status = required(payload.status(), "EventInfo.Payload.Status");
        return status == 0 ? new Notice(Event.STARTED, List.of(), Optional.empty())
                : Notice.failed(RECORDER_START + ":" + status, "the recorder failed to start", List.of());
    }

    private static Notice left(Payload payload) {
        int leaveCode = required(payload.leaveCode(), "EventInfo.Payload.LeaveCode");
        if (NORMAL_LEAVES.contains(leaveCode)) {
            return new Notice(Event.ENDED, List.of(), Optional.empty());
        }
        return Notice.failed(RECORDER_STOP + ":" + leaveCode,
                LEAVE_REASONS.getOrDefault(leaveCode, "the recorder left the room (LeaveCode " + leaveCode + ")"), List.of());
    }

    private static Notice slice(Payload payload) {
        RecordingFile file = file(payload.fileName(), payload.trackType(), payload.userId(), payload.beginTimeStamp(),
                UploadStatus.IN_PROGRESS, "EventInfo.Payload");
        return new Notice(Event.FILES, List.of(file), Optional.empty());
    }

    private static Notice mp4Files(Payload payload) {
        int status = required(payload.status(), "EventInfo.Payload.Status");
        UploadStatus upload = status == UPLOADED ? UploadStatus.UPLOADED : status == KEPT_IN_BACKUP ? UploadStatus.BACKED_UP
                : UploadStatus.UNKNOWN;
        List<RecordingFile> files = new ArrayList<>();
        List<FileMessage> messages = payload.fileMessage() == null ? List.of() : payload.fileMessage();
        for (int i = 0; i < messages.size(); i++) {
            FileMessage message = required(messages.get(i), "EventInfo.Payload.FileMessage[" + i + "]");
            files.add(file(message.fileName(), message.trackType(), message.userId(), message.startTimeStamp(), upload,
                    "EventInfo.Payload.FileMessage[" + i + "]"));
        }
        if (status == UPLOADED || status == KEPT_IN_BACKUP) {
            return new Notice(Event.FILES, files, Optional.empty());
        }
        return Notice.failed(MP4_STOP + ":" + status, "the MP4 recording exited abnormally", files);
    }

    private static RecordingFile file(String fileName, String trackType, String userId, Long startMillis, UploadStatus upload,
                                      String at) {
        String name = requiredText(fileName, at + ".FileName");
        var track = TrtcTrackTypes.of(trackType)
                .orElseThrow(() -> new InvalidInputException(at + ".TrackType", at + ".TrackType must be audio, video or audio_video"));
        // A mixed file names no user.
        return new RecordingFile(name, track, text(userId),
                Optional.ofNullable(startMillis).filter(ms -> ms > 0).map(Instant::ofEpochMilli), upload);
    }

    private static Payload payloadOf(EventInfo info) {
        return required(info.payload(), "EventInfo.Payload");
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    private static String requiredText(String value, String field) {
        return text(value).orElseThrow(() -> new InvalidInputException(field, field + " is required"));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    private static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
