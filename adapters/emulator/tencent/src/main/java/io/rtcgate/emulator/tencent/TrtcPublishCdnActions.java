package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.tencent.TrtcMixRequest.AudioEncode;
import io.rtcgate.emulator.tencent.TrtcMixRequest.Canvas;
import io.rtcgate.emulator.tencent.TrtcMixTask.CdnTarget;
import io.rtcgate.emulator.tencent.TrtcMixTask.Pane;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mix and relay to CDN actions (StartPublishCdnStream, UpdatePublishCdnStream, StopPublishCdnStream) with the
 * parameters and ranges of their API pages and models (trtc.io/document/48247; tencentcloud-sdk-python(-intl)
 * {@code trtc/v20190722/models.py}) and the codes tencentcloud-sdk-go-intl-en ({@code trtc/v20190722/client.go})
 * lists for them: {@code MissingParameter} for a required parameter that is absent, {@code InvalidParameter} for a
 * value of the wrong type or out of its range, {@code InvalidParameter.SdkAppId} for another application, and
 * {@code ResourceNotFound} for an update or stop of a task TRTC does not have. The robot's UserSig is checked at the
 * start and refused as {@code InvalidParameter.UserSig} (TRTC's code for "UserSig expired or wrong", as the other
 * emulated robots answer it).
 *
 * <p>Note the reversed room id type of these actions: {@code RoomIdType} (and {@code MixUserInfo.RoomIdType}) 0 is a
 * numeric room, 1 a string room. Only the custom layout ({@code MixLayoutMode} 4) is checked pane by pane: each
 * pane lies on the canvas ({@code LocationX + ImageWidth <= Width}, the same for heights), at most 16 of them.
 */
final class TrtcPublishCdnActions {

    static final String START = "StartPublishCdnStream";
    static final String UPDATE = "UpdatePublishCdnStream";
    static final String STOP = "StopPublishCdnStream";
    static final Set<String> ACTIONS = Set.of(START, UPDATE, STOP);
    static final int NUMERIC_ROOM = 0;
    static final int STRING_ROOM = 1;

    private static final String MISSING = TrtcApiError.MISSING_PARAMETER;
    private static final String INVALID = "InvalidParameter";
    private static final String SDK_APP_ID = TrtcParameters.SDK_APP_ID;
    private static final String TASK_ID = "TaskId";
    private static final Set<String> START_PARAMETERS = Set.of(SDK_APP_ID, "RoomId", "RoomIdType", "AgentParams", "WithTranscoding",
            "AudioParams", "VideoParams", "SingleSubscribeParams", "PublishCdnParams", "SeiParams", "FeedBackRoomParams", "RecordParams");
    private static final Set<String> UPDATE_PARAMETERS = Set.of(SDK_APP_ID, TASK_ID, "SequenceNumber", "WithTranscoding", "AudioParams",
            "VideoParams", "SingleSubscribeParams", "PublishCdnParams", "SeiParams", "FeedBackRoomParams");
    private static final Set<String> STOP_PARAMETERS = Set.of(SDK_APP_ID, TASK_ID, "RecordKey");
    /** {@code AudioEncode.SampleRate}: "取值为[48000, 44100, 32000, 24000, 16000, 8000]". */
    private static final Set<Long> SAMPLE_RATES = Set.of(48_000L, 44_100L, 32_000L, 24_000L, 16_000L, 8_000L);
    private static final int CUSTOM_LAYOUT = 4;
    /** "supports up to 16 mixed media streams". */
    private static final int MAX_PANES = 16;
    private static final int MAX_CDN_URLS = 10;

    private final long sdkAppId;
    private final String userSigKey;
    private final Clock clock;
    private final TrtcPublishCdnStreams streams;

    TrtcPublishCdnActions(TencentEmulatorCredentials credentials, Clock clock, TrtcPublishCdnStreams streams) {
        this.sdkAppId = credentials.sdkAppId();
        this.userSigKey = credentials.userSigKey();
        this.clock = clock;
        this.streams = streams;
    }

    /** Runs {@code action} with its JSON body and returns the fields of its answer; throws {@link TrtcApiError} when TRTC would refuse it. */
    Object perform(String action, String body) {
        return switch (action) {
            case START -> streams.start(startRequest(TrtcParameters.of(body, START_PARAMETERS)));
            case UPDATE -> {
                ObjectNode parameters = TrtcParameters.of(body, UPDATE_PARAMETERS);
                yield streams.update(taskId(parameters), change(parameters));
            }
            case STOP -> streams.stop(taskId(TrtcParameters.of(body, STOP_PARAMETERS)));
            default -> throw new IllegalArgumentException(action + " is not a relay to CDN action");
        };
    }

    private String taskId(ObjectNode parameters) {
        TrtcParameters.requireSdkAppId(parameters, sdkAppId, MISSING);
        return TrtcParameters.requiredText(parameters, TASK_ID, MISSING);
    }

    private TrtcMixRequest startRequest(ObjectNode parameters) {
        TrtcParameters.requireSdkAppId(parameters, sdkAppId, MISSING);
        String roomId = TrtcParameters.requiredText(parameters, "RoomId", MISSING);
        TrtcParameters.required(parameters, "RoomIdType", MISSING);
        boolean stringRoom = roomIdType(parameters, "RoomIdType") == STRING_ROOM;
        requireRoomIdOfType(roomId, stringRoom, "RoomId");

        JsonNode agent = TrtcParameters.requiredObject(parameters, "AgentParams", MISSING);
        String robot = TrtcParameters.requiredText(agent, "UserId", MISSING);
        if (!TrtcRecordingActions.USER_ID.matcher(robot).matches()) {
            throw invalid("AgentParams.UserId must be 1 to 32 letters, digits, '_' or '-'.");
        }
        String userSig = TrtcParameters.requiredText(agent, "UserSig", MISSING);
        TencentUserSigs.verify(userSig, sdkAppId, userSigKey, robot, clock.instant()).ifPresent(reason -> {
            throw new TrtcApiError("InvalidParameter.UserSig", "UserSig expired or wrong: " + reason + ".");
        });
        long maxIdle = TrtcParameters.optionalInteger(agent, "MaxIdleTime", 5, 86_400, 30, INVALID);

        TrtcParameters.required(parameters, "WithTranscoding", MISSING);
        boolean transcoding = TrtcParameters.optionalInteger(parameters, "WithTranscoding", 0, 1, 0, INVALID) == 1;
        // Audio is always transcoded, so its encoding is always given.
        AudioEncode audio = audioEncode(TrtcParameters.requiredObject(
                TrtcParameters.requiredObject(parameters, "AudioParams", MISSING), "AudioEncode", MISSING));
        Canvas canvas = new Canvas(0, 0, List.of());
        JsonNode video = parameters.get("VideoParams");
        if (transcoding) {
            if (video != null && !video.isNull()) {
                canvas = canvas(video, roomId, stringRoom);
            }
        } else if (!parameters.hasNonNull("SingleSubscribeParams")) {
            throw TrtcApiError.missingParameter(MISSING, "SingleSubscribeParams");
        }
        List<CdnTarget> targets = cdnTargets(TrtcParameters.required(parameters, "PublishCdnParams", MISSING));
        return new TrtcMixRequest(roomId, stringRoom, robot, maxIdle, transcoding, Optional.of(audio), canvas.width(), canvas.height(),
                canvas.panes(), targets);
    }

    private static TrtcMixRequest.Change change(ObjectNode parameters) {
        TrtcParameters.required(parameters, "SequenceNumber", MISSING);
        long sequence = TrtcParameters.optionalInteger(parameters, "SequenceNumber", 0, Long.MAX_VALUE, 0, INVALID);
        Optional<AudioEncode> audio = Optional.empty();
        JsonNode audioParams = parameters.get("AudioParams");
        if (audioParams != null && !audioParams.isNull() && audioParams.hasNonNull("AudioEncode")) {
            audio = Optional.of(audioEncode(TrtcParameters.requiredObject(audioParams, "AudioEncode", MISSING)));
        }
        Optional<Canvas> canvas = Optional.empty();
        JsonNode video = parameters.get("VideoParams");
        if (video != null && !video.isNull()) {
            // The update does not name the main room: a pane without a room is of the task's room, which the change keeps.
            canvas = Optional.of(canvas(video, null, true));
        }
        Optional<List<CdnTarget>> targets = parameters.hasNonNull("PublishCdnParams")
                ? Optional.of(cdnTargets(parameters.get("PublishCdnParams"))) : Optional.empty();
        return new TrtcMixRequest.Change(sequence, audio, canvas, targets);
    }

    private static AudioEncode audioEncode(JsonNode encode) {
        TrtcParameters.required(encode, "SampleRate", MISSING);
        long sampleRate = TrtcParameters.optionalInteger(encode, "SampleRate", 8_000, 48_000, 0, INVALID);
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw invalid("AudioEncode.SampleRate is one of 48000, 44100, 32000, 24000, 16000, 8000, not " + sampleRate + ".");
        }
        TrtcParameters.required(encode, "Channel", MISSING);
        long channel = TrtcParameters.optionalInteger(encode, "Channel", 1, 2, 0, INVALID);
        TrtcParameters.required(encode, "BitRate", MISSING);
        long bitRate = TrtcParameters.optionalInteger(encode, "BitRate", 8, 500, 0, INVALID);
        long codec = TrtcParameters.optionalInteger(encode, "Codec", 0, 2, 0, INVALID);
        return new AudioEncode(sampleRate, channel, bitRate, codec);
    }

    /** {@code VideoParams}: its {@code VideoEncode} (every field required when video is relayed) and its layout. */
    private static Canvas canvas(JsonNode video, String mainRoom, boolean mainRoomIsString) {
        if (!video.isObject()) {
            throw invalid("The parameter `VideoParams` must be an object.");
        }
        JsonNode encode = TrtcParameters.requiredObject(video, "VideoEncode", MISSING);
        int width = (int) requiredInteger(encode, "Width", 0, 1920);
        int height = (int) requiredInteger(encode, "Height", 0, 1080);
        requiredInteger(encode, "Fps", 0, 60);
        requiredInteger(encode, "BitRate", 0, 10_000);
        requiredInteger(encode, "Gop", 1, 5);
        JsonNode layout = video.get("LayoutParams");
        if (layout == null || layout.isNull()) {
            return new Canvas(width, height, List.of());
        }
        if (!layout.isObject()) {
            throw invalid("The parameter `VideoParams.LayoutParams` must be an object.");
        }
        long mode = TrtcParameters.optionalInteger(layout, "MixLayoutMode", 1, CUSTOM_LAYOUT, 1, INVALID);
        if (mode != CUSTOM_LAYOUT) {
            return new Canvas(width, height, List.of());
        }
        JsonNode list = layout.get("MixLayoutList");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_PANES) {
            throw invalid("MixLayoutMode 4 (custom) takes a MixLayoutList of 1 to " + MAX_PANES + " panes.");
        }
        List<Pane> panes = new ArrayList<>();
        for (JsonNode entry : list) {
            panes.add(pane(entry, width, height, mainRoom, mainRoomIsString));
        }
        return new Canvas(width, height, List.copyOf(panes));
    }

    private static Pane pane(JsonNode entry, int canvasWidth, int canvasHeight, String mainRoom, boolean mainRoomIsString) {
        if (!entry.isObject()) {
            throw invalid("Each MixLayoutList entry must be an object.");
        }
        String userId = null;
        String roomId = mainRoom;
        JsonNode stream = entry.get("UserMediaStream");
        if (stream != null && !stream.isNull()) {
            JsonNode user = TrtcParameters.requiredObject(stream, "UserInfo", MISSING);
            userId = TrtcParameters.requiredText(user, "UserId", MISSING);
            if (user.hasNonNull("RoomId")) {
                roomId = TrtcParameters.requiredText(user, "RoomId", MISSING);
                boolean stringRoom = user.hasNonNull("RoomIdType") ? roomIdType(user, "RoomIdType") == STRING_ROOM : mainRoomIsString;
                requireRoomIdOfType(roomId, stringRoom, "MixUserInfo.RoomId");
            }
            TrtcParameters.optionalInteger(stream, "StreamType", 0, 1, 0, INVALID);
        }
        int width = (int) TrtcParameters.optionalInteger(entry, "ImageWidth", 0, canvasWidth, 0, INVALID);
        int height = (int) TrtcParameters.optionalInteger(entry, "ImageHeight", 0, canvasHeight, 0, INVALID);
        int x = (int) TrtcParameters.optionalInteger(entry, "LocationX", 0, canvasWidth, 0, INVALID);
        int y = (int) TrtcParameters.optionalInteger(entry, "LocationY", 0, canvasHeight, 0, INVALID);
        if (x + width > canvasWidth || y + height > canvasHeight) {
            throw invalid("A pane of " + width + "x" + height + " at " + x + "," + y + " does not fit the " + canvasWidth + "x"
                    + canvasHeight + " canvas: LocationX + ImageWidth and LocationY + ImageHeight must stay within it.");
        }
        int zOrder = (int) TrtcParameters.optionalInteger(entry, "ZOrder", 0, Integer.MAX_VALUE, 0, INVALID);
        int renderMode = (int) TrtcParameters.optionalInteger(entry, "RenderMode", 0, 2, 0, INVALID);
        return new Pane(userId, roomId, x, y, width, height, zOrder, renderMode);
    }

    private static List<CdnTarget> cdnTargets(JsonNode list) {
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_CDN_URLS) {
            throw invalid("PublishCdnParams lists 1 to " + MAX_CDN_URLS + " CDN URLs.");
        }
        List<CdnTarget> targets = new ArrayList<>();
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw invalid("Each PublishCdnParams entry must be an object.");
            }
            String url = TrtcParameters.requiredText(entry, "PublishCdnUrl", MISSING);
            if (!url.startsWith("rtmp://") || url.length() <= "rtmp://".length()) {
                throw invalid("PublishCdnParams.PublishCdnUrl must be an rtmp:// URL.");
            }
            boolean tencent = TrtcParameters.optionalInteger(entry, "IsTencentCdn", 0, 1, 1, INVALID) == 1;
            targets.add(new CdnTarget(url, tencent));
        }
        return List.copyOf(targets);
    }

    private static int roomIdType(JsonNode parameters, String name) {
        return (int) TrtcParameters.optionalInteger(parameters, name, NUMERIC_ROOM, STRING_ROOM, NUMERIC_ROOM, INVALID);
    }

    private static void requireRoomIdOfType(String roomId, boolean stringRoom, String field) {
        if (stringRoom) {
            if (!TrtcRecordingActions.STRING_ROOM_ID.matcher(roomId).matches()) {
                throw invalid("A string " + field + " (RoomIdType 1 here) is 1 to 64 letters, digits and TRTC's allowed symbols.");
            }
            return;
        }
        boolean numeric = roomId.matches("[1-9][0-9]{0,9}") && Long.parseLong(roomId) <= TrtcRecordingActions.MAX_NUMERIC_ROOM;
        if (!numeric) {
            throw invalid("RoomIdType 0 is a numeric " + field + " from 1 to " + TrtcRecordingActions.MAX_NUMERIC_ROOM
                    + " for StartPublishCdnStream; a string room id needs RoomIdType 1.");
        }
    }

    private static long requiredInteger(JsonNode parameters, String name, long min, long max) {
        TrtcParameters.required(parameters, name, MISSING);
        return TrtcParameters.optionalInteger(parameters, name, min, max, 0, INVALID);
    }

    private static TrtcApiError invalid(String message) {
        return new TrtcApiError(INVALID, message);
    }
}
