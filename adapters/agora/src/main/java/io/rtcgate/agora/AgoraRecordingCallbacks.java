package io.rtcgate.agora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.agora.AgoraNotificationJson.ErrorDetails;
import io.rtcgate.agora.AgoraNotificationJson.ExitDetails;
import io.rtcgate.agora.AgoraNotificationJson.FailoverDetails;
import io.rtcgate.agora.AgoraNotificationJson.FileDetails;
import io.rtcgate.agora.AgoraNotificationJson.Notification;
import io.rtcgate.agora.AgoraNotificationJson.RecordingPayload;
import io.rtcgate.agora.AgoraNotificationJson.StatusDetails;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agora's message notifications (NCS, vendors.md §1.5) at {@code POST /callbacks/agora}: one endpoint for
 * every product the project subscribed, signed with the console's Notifications secret as
 * {@code Agora-Signature-V2 = lowerhex(HMAC-SHA256(secret, raw body))}.
 *
 * <p>The signature is checked, in constant time, over the body's UTF-8 bytes before anything reads them
 * (NCS sends UTF-8 JSON, so these are the bytes it signed). Agora signs the whole body, {@code notifyMs}
 * included, and updates {@code notifyMs} on every resend: a delivery more than {@link #FRESHNESS} from the
 * gateway's clock is a replay and refused. A delivery is named by its {@code noticeId}, which a resend
 * keeps. With no callback secret configured every delivery is refused.
 *
 * <p>Cloud recording's events (productId 3) are read into {@link RecordingNotice}s, by the event type's
 * documented meaning:
 * <ul>
 *   <li>40 recorder_started (status 0): STARTED, the recorder is in the channel and recording. 30
 *       uploader_started is only the upload module starting, which says nothing of the recorder: PROGRESS;</li>
 *   <li>4 cloud_recording_file_infos (the first playlist, still growing), 31 uploaded and 32 backuped: FILES,
 *       in progress, uploaded, or kept in Agora's backup;</li>
 *   <li>11 session_exit: ENDED with exitStatus 0, else FAILED; 1 cloud_recording_error: FAILED at
 *       errorLevel 5 (fatal), else PROGRESS; 12 session_failover: RECORDER_MOVED to {@code newUid};</li>
 *   <li>every other cloud recording event: PROGRESS.</li>
 * </ul>
 * Every other product's events (RTC channel events, media push and pull) read as empty: the inbox keeps them;
 * {@link AgoraIngestCallbacks} reads Media Pull's, {@link AgoraMixCallbacks} the RTC channel events and Media Push's.
 * {@link #verify} reads a cloud recording delivery completely, so one the gateway accepts can always be read.
 */
public final class AgoraRecordingCallbacks implements RecordingCallbacks {

    /** How far {@code notifyMs} may be from the gateway's clock, either way. */
    public static final Duration FRESHNESS = Duration.ofMinutes(10);
    public static final String SIGNATURE_V2_HEADER = "agora-signature-v2";
    public static final String SIGNATURE_HEADER = "agora-signature";
    /** Cloud recording's productId; 1 is RTC, 4 media pull, 5 media push. */
    static final int CLOUD_RECORDING = 3;

    private static final Logger LOG = LoggerFactory.getLogger(AgoraRecordingCallbacks.class);
    private static final Set<String> KEPT_HEADERS = Set.of(SIGNATURE_V2_HEADER, SIGNATURE_HEADER, "content-type");
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int RECORDER_STARTED = 40;
    private static final int FILE_INFOS = 4;
    private static final int UPLOADED = 31;
    private static final int BACKUPED = 32;
    private static final int SESSION_EXIT = 11;
    private static final int RECORDING_ERROR = 1;
    private static final int SESSION_FAILOVER = 12;
    private static final int FATAL = 5;

    private final String secret;

    AgoraRecordingCallbacks(AgoraSettings settings) {
        this.secret = settings.callbackSecret();
        if (secret.isBlank()) {
            LOG.warn("Agora notifications are off: rtcgate.vendors.agora.callback-secret is not set, so every delivery "
                    + "to /callbacks/agora is refused (401) and recordings learn their news only by polling");
        }
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        if (secret.isBlank()) {
            throw new AuthenticationException("Agora notifications are off on this gateway: no callback secret is configured");
        }
        String signature = request.header(SIGNATURE_V2_HEADER).map(String::trim).orElse("");
        if (signature.isEmpty()) {
            throw new AuthenticationException("the notification is not signed: Agora-Signature-V2 is required");
        }
        byte[] expected = signatureV2(secret, request.body()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            throw new AuthenticationException("wrong Agora-Signature-V2");
        }
        Notification notification = envelope(request.body());
        Duration skew = Duration.between(Instant.ofEpochMilli(notification.notifyMs()), now).abs();
        if (skew.compareTo(FRESHNESS) > 0) {
            throw new AuthenticationException("notifyMs is more than " + FRESHNESS.toMinutes()
                    + " minutes from the gateway's clock: stale or replayed notifications are refused");
        }
        if (notification.productId() == CLOUD_RECORDING) {
            notice(notification);
        }
        return new VerifiedCallback(notification.noticeId(), request.keepingHeaders(KEPT_HEADERS));
    }

    @Override
    public Optional<RecordingNotice> read(CallbackRequest request) {
        Notification notification = envelope(request.body());
        return notification.productId() == CLOUD_RECORDING ? Optional.of(notice(notification)) : Optional.empty();
    }

    /** {@code lowerhex(HMAC-SHA256(secret, body as UTF-8))}, NCS's {@code Agora-Signature-V2}. */
    static String signatureV2(String secret, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC_SHA256 + " is part of every JVM", e);
        }
    }

    // ---- reading ----

    /** The envelope of any product's notification, its required fields checked; the ingest reader reads it too. */
    static Notification envelope(String body) {
        Notification notification;
        try {
            notification = AgoraJson.MAPPER.readValue(body, Notification.class);
        } catch (JsonMappingException e) {
            throw wrongType(e, "");
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not JSON");
        }
        if (notification == null) {
            throw invalid("body", "is not a JSON object");
        }
        String noticeId = notification.noticeId();
        if (noticeId == null || noticeId.isBlank()) {
            throw invalid("noticeId", "is required");
        }
        if (noticeId.length() > VerifiedCallback.MAX_DEDUPE_KEY) {
            throw invalid("noticeId", "must be at most " + VerifiedCallback.MAX_DEDUPE_KEY + " characters");
        }
        required(notification.productId(), "productId");
        required(notification.eventType(), "eventType");
        required(notification.notifyMs(), "notifyMs");
        return notification;
    }

    private static RecordingNotice notice(Notification notification) {
        if (notification.payload() == null || !notification.payload().isObject()) {
            throw invalid("payload", "must be an object");
        }
        RecordingPayload payload = bind(notification.payload(), RecordingPayload.class, "payload");
        String channel = text(payload.cname()).orElseThrow(() -> invalid("payload.cname", "is required"));
        Optional<RecorderIdentity> recorder = text(payload.uid()).map(RecorderIdentity::new);
        Optional<String> sid = text(payload.sid());
        if (recorder.isEmpty() && sid.isEmpty()) {
            throw invalid("payload.sid", "or payload.uid is required");
        }
        JsonNode details = payload.details();
        if (details != null && !details.isNull() && !details.isObject()) {
            throw invalid("payload.details", "must be an object");
        }
        String vendorEvent = details != null && details.path("msgName").isTextual()
                ? details.get("msgName").textValue() : "eventType " + notification.eventType();
        Instant reportedAt = Instant.ofEpochMilli(payload.sendts() != null ? payload.sendts() : notification.notifyMs());
        Said said = new Said(channel, recorder, sid, reportedAt, vendorEvent);
        return switch (notification.eventType()) {
            case RECORDER_STARTED -> started(details(details, StatusDetails.class).status())
                    ? said.notice(Event.STARTED) : said.notice(Event.PROGRESS);
            case FILE_INFOS -> said.files(files(details, UploadStatus.IN_PROGRESS));
            case UPLOADED -> said.files(files(details, UploadStatus.UPLOADED));
            case BACKUPED -> said.files(files(details, UploadStatus.BACKED_UP));
            case SESSION_EXIT -> exit(said, details);
            case RECORDING_ERROR -> error(said, details);
            case SESSION_FAILOVER -> {
                Long newUid = details(details, FailoverDetails.class).newUid();
                if (newUid == null || newUid <= 0) {
                    throw invalid("payload.details.newUid", "must be a positive number");
                }
                yield said.moved(new RecorderIdentity(Long.toString(newUid)));
            }
            default -> said.notice(Event.PROGRESS);
        };
    }

    /** A recorder that started with an abnormal status is news, not a recording: its failure comes as its own event. */
    private static boolean started(Integer status) {
        return status == null || status == 0;
    }

    private static List<RecordingFile> files(JsonNode details, UploadStatus status) {
        FileDetails files = details(details, FileDetails.class);
        return AgoraFileLists.read(files.fileList(), files.sliceStartTime(), status,
                (field, problem) -> invalid("payload.details." + field, problem));
    }

    private static RecordingNotice exit(Said said, JsonNode details) {
        int exitStatus = required(details(details, ExitDetails.class).exitStatus(), "payload.details.exitStatus");
        if (exitStatus == 0) {
            return said.notice(Event.ENDED);
        }
        return said.failed(new JobFailure(null, "Agora's recording exited abnormally (session_exit, exitStatus "
                + exitStatus + ")"));
    }

    private static RecordingNotice error(Said said, JsonNode details) {
        ErrorDetails error = details(details, ErrorDetails.class);
        int level = required(error.errorLevel(), "payload.details.errorLevel");
        if (level < FATAL) {
            return said.notice(Event.PROGRESS);
        }
        String message = text(error.errorMsg()).orElse("fatal cloud recording error"
                + (error.module() == null ? "" : " in module " + error.module()));
        return said.failed(new JobFailure(error.errorCode() == null ? null : error.errorCode().toString(), message));
    }

    /** What every notice of one delivery says: whose task it is, when and under which name. */
    private record Said(String channel, Optional<RecorderIdentity> recorder, Optional<String> taskId, Instant reportedAt,
                        String vendorEvent) {

        RecordingNotice notice(Event event) {
            return new RecordingNotice(event, channel, recorder, taskId, List.of(), Optional.empty(), Optional.empty(),
                    reportedAt, vendorEvent);
        }

        RecordingNotice files(List<RecordingFile> files) {
            return new RecordingNotice(Event.FILES, channel, recorder, taskId, files, Optional.empty(), Optional.empty(),
                    reportedAt, vendorEvent);
        }

        RecordingNotice failed(JobFailure failure) {
            return new RecordingNotice(Event.FAILED, channel, recorder, taskId, List.of(), Optional.of(failure),
                    Optional.empty(), reportedAt, vendorEvent);
        }

        RecordingNotice moved(RecorderIdentity newRecorder) {
            return new RecordingNotice(Event.RECORDER_MOVED, channel, recorder, taskId, List.of(), Optional.empty(),
                    Optional.of(newRecorder), reportedAt, vendorEvent);
        }
    }

    // ---- binding, with the field named ----

    /** An event's {@code details}, absent ones read as empty. */
    private static <T> T details(JsonNode details, Class<T> type) {
        return bind(details == null || details.isNull() ? AgoraJson.MAPPER.createObjectNode() : details, type, "payload.details");
    }

    private static <T> T bind(JsonNode node, Class<T> type, String where) {
        try {
            return AgoraJson.MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw wrongType(e, where);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid(where, "is malformed");
        }
    }

    /** Names the field Jackson could not bind, from its path under {@code where}. */
    private static InvalidInputException wrongType(JsonMappingException e, String where) {
        String field = fieldOf(e, where);
        return field.isEmpty() ? invalid("body", "is not a JSON object") : invalid(field, "has the wrong type");
    }

    /** The JSON path Jackson could not bind, under {@code where}, as {@code payload.player.id}; empty for the body itself. */
    static String fieldOf(JsonMappingException e, String where) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return where.isEmpty() ? path : path.isEmpty() ? where : where + "." + path;
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        return value;
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException(field, field + " " + problem);
    }
}
