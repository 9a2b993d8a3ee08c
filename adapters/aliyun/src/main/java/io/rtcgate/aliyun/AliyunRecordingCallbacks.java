package io.rtcgate.aliyun;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingCallbacks;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingNotice;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ARTC cloud recording callbacks at {@code POST /callbacks/aliyun/recording}
 * (help.aliyun.com/zh/live/on-cloud-recording-callback-message): a JSON body
 * {@code {appId, channelId, taskId, eventType, callbackTs, payload}}, {@code callbackTs} in milliseconds and
 * {@code payload} a JSON object written into a string, with the headers {@code ALI-LIVE-TIMESTAMP} and
 * {@code ALI-LIVE-SIGNATURE} when the task was started with a NotifyAuthKey.
 *
 * <p><b>The string signed is {@code timestamp|NotifyAuthKey}</b>: {@code ALI-LIVE-SIGNATURE =
 * lowerhex(md5(ALI-LIVE-TIMESTAMP + "|" + NotifyAuthKey))}, as the cloud recording callback page itself
 * defines it (Chinese and English versions alike). The general callback-authentication page's
 * {@code md5(host-of-callback-URL|timestamp|key)} is for the live product's recordings and snapshots configured
 * on a domain (AddLiveRecordNotifyConfig), which carry a domain; ARTC tasks have none, and their own page
 * leaves it out. The timestamp must be within {@link #FRESHNESS} of the gateway's clock either way, since the
 * signature covers no part of the body.
 *
 * <p>The NotifyAuthKey is not the callback auth key itself but {@link #notifyAuthKey derived from it}: Aliyun
 * takes only 16 to 64 letters and digits there, which a configured or generated key need not be, and the push
 * domain's key is not handed to another service as it is.
 *
 * <p>The recorder is the callback URL's {@code recorder} query parameter, which {@link AliyunCloudRecorder} puts
 * there. A delivery is named by {@code sha256(taskId LF eventType LF callbackTs LF payload)}: Aliyun resends the
 * same message, while the signature's timestamp may change.
 *
 * <p>Events: {@code TaskRunning} is STARTED; {@code RecordFileUploaded} is FILES; {@code TaskStopped} is ENDED,
 * or FAILED when its payload carries an error code; {@code TaskCreated}, {@code TaskStarting},
 * {@code TaskRecovering}, {@code TaskStopping} and any event Aliyun adds are PROGRESS (the page's list runs on
 * past TaskStopped in a part the copies we have cut off). The payload's fields are not documented in those
 * copies either, so they are read leniently, as the emulator writes them ({@code format, fileName, userId};
 * {@code errorCode, errorMessage}), and a payload without them never refuses a genuine delivery.
 */
public final class AliyunRecordingCallbacks implements RecordingCallbacks {

    /** How far the signature's timestamp may be from the gateway's clock, either way. */
    public static final Duration FRESHNESS = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern ARTC_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final int MAX_VALUE = 256;
    private static final String NOTIFY_KEY_CONTEXT = "rtcgate artc cloud recording|";

    private final String artcAppId;
    private final String notifyAuthKey;

    AliyunRecordingCallbacks(String artcAppId, String callbackAuthKey) {
        this.artcAppId = artcAppId;
        this.notifyAuthKey = callbackAuthKey.isBlank() ? "" : notifyAuthKey(callbackAuthKey);
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        AliyunCallbackSignatures.verify(request, notifyAuthKey, timestamp -> signature(timestamp, notifyAuthKey), FRESHNESS, now,
                "recording");
        Delivery delivery = Delivery.of(request, artcAppId);
        String canonical = String.join("\n", delivery.body.taskId(), delivery.body.eventType(),
                Long.toString(delivery.body.callbackTs()), delivery.payloadText);
        return new VerifiedCallback(AliyunDigests.sha256Hex(canonical), request.keepingHeaders(AliyunCallbackSignatures.KEPT_HEADERS));
    }

    @Override
    public Optional<RecordingNotice> read(CallbackRequest request) {
        Delivery delivery = Delivery.of(request, artcAppId);
        Body body = delivery.body;
        Payload payload = delivery.payload;
        RecordingNotice.Event event = switch (body.eventType()) {
            case "TaskRunning" -> RecordingNotice.Event.STARTED;
            case "RecordFileUploaded" -> RecordingNotice.Event.FILES;
            case "TaskStopped" -> payload.failed() ? RecordingNotice.Event.FAILED : RecordingNotice.Event.ENDED;
            default -> RecordingNotice.Event.PROGRESS;
        };
        List<RecordingFile> files = event == RecordingNotice.Event.FILES ? payload.file().stream().toList() : List.of();
        Optional<JobFailure> failure = event == RecordingNotice.Event.FAILED
                ? Optional.of(new JobFailure(payload.errorCode().asText(),
                        payload.errorMessage() == null || payload.errorMessage().isBlank() ? "the task stopped abnormally" : payload.errorMessage()))
                : Optional.empty();
        return Optional.of(new RecordingNotice(event, body.channelId(), delivery.recorder, Optional.of(body.taskId()), files, failure,
                Optional.empty(), Instant.ofEpochMilli(body.callbackTs()), body.eventType()));
    }

    /** {@code lowerhex(md5(timestamp|key))}, the cloud recording callbacks' signature. */
    static String signature(String timestamp, String key) {
        return AliyunDigests.md5Hex(timestamp + "|" + key);
    }

    /**
     * The NotifyAuthKey the recorder gives Aliyun and the callbacks are checked with: 64 lower-hex characters
     * derived from the callback auth key, which Aliyun's rule (16 to 64 letters and digits) always admits.
     */
    static String notifyAuthKey(String callbackAuthKey) {
        return AliyunDigests.sha256Hex(NOTIFY_KEY_CONTEXT + callbackAuthKey);
    }

    /** The documented body; unknown fields are Aliyun's to add. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(String appId, String channelId, String taskId, String eventType, Long callbackTs, JsonNode payload) {
    }

    /** What the payloads say, where they say it; see the class comment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(String format, String fileName, String userId, JsonNode errorCode, String errorMessage) {

        static final Payload NONE = new Payload(null, null, null, null, null);

        boolean failed() {
            return errorCode != null && !errorCode.isNull() && !errorCode.asText().isBlank() && !errorCode.asText().equals("0");
        }

        Optional<RecordingFile> file() {
            if (fileName == null || fileName.isBlank()) {
                return Optional.empty();
            }
            boolean audioOnly = "MP3".equalsIgnoreCase(format) || fileName.toLowerCase(Locale.ROOT).endsWith(".mp3");
            return Optional.of(new RecordingFile(fileName, audioOnly ? TrackType.AUDIO : TrackType.AUDIO_AND_VIDEO,
                    Optional.ofNullable(userId).filter(user -> !user.isBlank()), Optional.empty(), UploadStatus.UPLOADED));
        }
    }

    /** One delivery, checked: the body, its payload (and the text it was named by) and the recorder of the URL. */
    private static final class Delivery {
        final Body body;
        final Payload payload;
        final String payloadText;
        final Optional<RecorderIdentity> recorder;

        private Delivery(Body body, Payload payload, String payloadText, Optional<RecorderIdentity> recorder) {
            this.body = body;
            this.payload = payload;
            this.payloadText = payloadText;
            this.recorder = recorder;
        }

        static Delivery of(CallbackRequest request, String artcAppId) {
            Body body = body(request.body());
            required(body.appId(), "appId");
            if (!body.appId().equals(artcAppId)) {
                throw new InvalidInputException("appId", "appId is not this gateway's ARTC app");
            }
            if (body.channelId() == null || !ARTC_ID.matcher(body.channelId()).matches()) {
                throw new InvalidInputException("channelId", "channelId must be an ARTC channel id");
            }
            required(body.taskId(), "taskId");
            required(body.eventType(), "eventType");
            if (body.callbackTs() == null || body.callbackTs() <= 0) {
                throw new InvalidInputException("callbackTs", "callbackTs must be a Unix time in milliseconds");
            }
            String payloadText = payloadText(body.payload());
            return new Delivery(body, payload(payloadText), payloadText, recorder(request.query()));
        }

        private static Body body(String text) {
            JsonNode tree;
            try {
                tree = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("body", "the body is not JSON");
            }
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException("body", "the body must be a JSON object");
            }
            try {
                return JSON.treeToValue(tree, Body.class);
            } catch (JsonMappingException e) {
                String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
                throw new InvalidInputException(field, field + " has the wrong type");
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("body", "the body is not a cloud recording callback");
            }
        }

        /** The payload as the text it is sent as: a JSON string holding an object (or, leniently, the object itself). */
        private static String payloadText(JsonNode payload) {
            if (payload == null || payload.isNull()) {
                return "";
            }
            if (payload.isObject()) {
                return payload.toString();
            }
            if (payload.isTextual()) {
                return payload.textValue();
            }
            throw new InvalidInputException("payload", "payload must be a JSON object written into a string");
        }

        private static Payload payload(String text) {
            if (text.isBlank()) {
                return Payload.NONE;
            }
            try {
                JsonNode tree = JSON.readTree(text);
                if (tree == null || !tree.isObject()) {
                    throw new InvalidInputException("payload", "payload must hold a JSON object");
                }
                return JSON.treeToValue(tree, Payload.class);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("payload", "payload must hold a JSON object of the event's details");
            }
        }

        private static Optional<RecorderIdentity> recorder(String query) {
            String value = UrlEncodedParameters.of(query).get(AliyunCloudRecorder.RECORDER_PARAMETER);
            if (value == null) {
                return Optional.empty();
            }
            if (value.isBlank() || value.length() > MAX_VALUE) {
                throw new InvalidInputException(AliyunCloudRecorder.RECORDER_PARAMETER,
                        "recorder must name the recorder in 1 to " + MAX_VALUE + " characters");
            }
            return Optional.of(new RecorderIdentity(value));
        }

        private static void required(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(field, field + " is required");
            }
            if (value.length() > MAX_VALUE) {
                throw new InvalidInputException(field, field + " must be at most " + MAX_VALUE + " characters");
            }
        }
    }
}
