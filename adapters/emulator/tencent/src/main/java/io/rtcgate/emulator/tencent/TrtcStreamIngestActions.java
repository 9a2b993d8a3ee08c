package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The stream ingest actions (StartStreamIngest, DescribeStreamIngest, UpdateStreamIngest, StopStreamIngest) with
 * the checks of vendors.md §4.2 and the codes tencentcloud-sdk-go ({@code trtc/v20190722/client.go}, CN and intl)
 * lists for them. Where it lists none for a check the emulator answers a code of TRTC's own table:
 * <ul>
 *   <li>{@code MissingParameter.SdkAppId}, {@code .RoomId}, {@code .TaskId} and {@code InvalidParameter.SdkAppId},
 *       {@code .RoomId} (a numeric room), {@code .StrRoomId} (a string room), {@code .StreamUrl}, {@code .UserSig}
 *       as listed for Start; {@code MissingParameter.UserId} / {@code .UserSig} and {@code InvalidParameter.UserId}
 *       from TRTC's error table, as cloud recording answers them;</li>
 *   <li>a value outside its documented range ({@code RepeatNum}, {@code MaxDuration}, {@code Volume}, {@code Tempo},
 *       {@code SeekSecond}, {@code IdleTimeout}, {@code RoomIdType}) or of the wrong JSON type is
 *       {@code InvalidParameter.BodyParamsError}, the parameter code Start and Stop list;</li>
 *   <li>a second task of the same robot in a room is {@code FailedOperation.TaskExist}; Describe and Update of a
 *       task that ended or never was answer {@code Status: NotExist}; Stop of one answers
 *       {@code FailedOperation.TaskFinished}, the only task code StopStreamIngest lists.</li>
 * </ul>
 * {@code Volume} is [0, 100] as the intl API page and vendors.md have it (the CN page now says [0, 200]).
 */
final class TrtcStreamIngestActions {

    static final String START = "StartStreamIngest";
    static final String DESCRIBE = "DescribeStreamIngest";
    static final String UPDATE = "UpdateStreamIngest";
    static final String STOP = "StopStreamIngest";
    static final Set<String> ACTIONS = Set.of(START, DESCRIBE, UPDATE, STOP);
    static final String INVALID_STREAM_URL = "InvalidParameter.StreamUrl";
    static final String BODY_PARAMS_ERROR = "InvalidParameter.BodyParamsError";
    /** {@code Tempo}: "可取[0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]". */
    static final Set<Double> TEMPOS = Set.of(0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0);

    private static final String SDK_APP_ID = TrtcParameters.SDK_APP_ID;
    private static final String TASK_ID = "TaskId";
    private static final String MISSING_SDK_APP_ID = "MissingParameter.SdkAppId";
    private static final Set<String> START_PARAMETERS = Set.of(SDK_APP_ID, "RoomId", "RoomIdType", "UserId", "UserSig", "StreamUrl",
            "PrivateMapKey", "VideoEncodeParams", "AudioEncodeParams", "SourceUrl", "SeekSecond", "AutoPush", "RepeatNum",
            "MaxDuration", "Volume", "EnableProgress", "Tempo", "IdleTimeout");
    private static final Set<String> UPDATE_PARAMETERS = Set.of(SDK_APP_ID, TASK_ID, "StreamUrl", "Volume", "IsPause",
            "EnableProgress", "Tempo");
    private static final Set<String> TASK_PARAMETERS = Set.of(SDK_APP_ID, TASK_ID);
    private static final long MAX_REPEAT = 1000;
    /** {@code MaxDuration}: minutes, [1, 10080]. */
    private static final long MAX_DURATION_MINUTES = 10_080;
    private static final long MAX_VOLUME = 100;
    private static final long DEFAULT_VOLUME = 100;
    /** {@code IdleTimeout}: seconds, [0, 600]; the emulator's robot always publishes, so it is never idle. */
    private static final long MAX_IDLE_TIMEOUT = 600;

    private final long sdkAppId;
    private final String userSigKey;
    private final Clock clock;
    private final TrtcStreamIngests ingests;

    TrtcStreamIngestActions(TencentEmulatorCredentials credentials, Clock clock, TrtcStreamIngests ingests) {
        this.sdkAppId = credentials.sdkAppId();
        this.userSigKey = credentials.userSigKey();
        this.clock = clock;
        this.ingests = ingests;
    }

    /** Runs {@code action} with its JSON body and returns the fields of its answer; throws {@link TrtcApiError} when TRTC would refuse it. */
    Object perform(String action, String body) {
        return switch (action) {
            case START -> ingests.start(startRequest(TrtcParameters.of(body, START_PARAMETERS)));
            case DESCRIBE -> ingests.describe(taskId(TrtcParameters.of(body, TASK_PARAMETERS)));
            case UPDATE -> update(TrtcParameters.of(body, UPDATE_PARAMETERS));
            case STOP -> {
                ingests.stop(taskId(TrtcParameters.of(body, TASK_PARAMETERS)));
                yield TrtcResponses.NO_FIELDS;
            }
            default -> throw new IllegalArgumentException(action + " is not a stream ingest action");
        };
    }

    private String taskId(ObjectNode parameters) {
        TrtcParameters.requireSdkAppId(parameters, sdkAppId, MISSING_SDK_APP_ID);
        return TrtcParameters.requiredText(parameters, TASK_ID, "MissingParameter.TaskId");
    }

    private TrtcIngestRequest startRequest(ObjectNode parameters) {
        TrtcParameters.requireSdkAppId(parameters, sdkAppId, MISSING_SDK_APP_ID);
        String roomId = TrtcParameters.requiredText(parameters, "RoomId", "MissingParameter.RoomId");
        // RoomIdType defaults to 1 (a 32-bit integer room), so a string room must say 0.
        int roomIdType = (int) TrtcParameters.optionalInteger(parameters, "RoomIdType", TrtcRecordingActions.STRING_ROOM,
                TrtcRecordingActions.NUMERIC_ROOM, TrtcRecordingActions.NUMERIC_ROOM, BODY_PARAMS_ERROR);
        requireRoomIdOfType(roomId, roomIdType);
        String userId = TrtcParameters.requiredText(parameters, "UserId", "MissingParameter.UserId");
        if (!TrtcRecordingActions.USER_ID.matcher(userId).matches()) {
            throw new TrtcApiError("InvalidParameter.UserId", "UserId must be 1 to 32 letters, digits, '_' or '-'.");
        }
        String userSig = TrtcParameters.requiredText(parameters, "UserSig", "MissingParameter.UserSig");
        TencentUserSigs.verify(userSig, sdkAppId, userSigKey, userId, clock.instant()).ifPresent(reason -> {
            throw new TrtcApiError("InvalidParameter.UserSig", "UserSig expired or wrong: " + reason + ".");
        });
        TrtcMediaSource source = TrtcMediaSource.parse(TrtcParameters.requiredText(parameters, "StreamUrl", INVALID_STREAM_URL));
        long seekSeconds = TrtcParameters.optionalInteger(parameters, "SeekSecond", 0, Integer.MAX_VALUE, 0, BODY_PARAMS_ERROR);
        int repeat = (int) TrtcParameters.optionalInteger(parameters, "RepeatNum", TrtcIngestRequest.FOREVER, MAX_REPEAT, 1,
                BODY_PARAMS_ERROR);
        if (repeat == 0) {
            throw new TrtcApiError(BODY_PARAMS_ERROR, "RepeatNum 0 is not valid: -1 loops, 1 to 1000 plays that many times.");
        }
        Optional<Duration> maxDuration = Optional.empty();
        if (parameters.get("MaxDuration") != null && !parameters.get("MaxDuration").isNull()) {
            if (repeat != TrtcIngestRequest.FOREVER) {
                throw new TrtcApiError(BODY_PARAMS_ERROR, "MaxDuration applies only with RepeatNum -1.");
            }
            maxDuration = Optional.of(Duration.ofMinutes(TrtcParameters.optionalInteger(parameters, "MaxDuration", 1,
                    MAX_DURATION_MINUTES, 0, BODY_PARAMS_ERROR)));
        }
        int volume = (int) TrtcParameters.optionalInteger(parameters, "Volume", 0, MAX_VOLUME, DEFAULT_VOLUME, BODY_PARAMS_ERROR);
        double tempo = tempo(parameters).orElse(1.0);
        TrtcParameters.optionalBoolean(parameters, "EnableProgress", BODY_PARAMS_ERROR);
        TrtcParameters.optionalBoolean(parameters, "AutoPush", BODY_PARAMS_ERROR);
        TrtcParameters.optionalInteger(parameters, "IdleTimeout", 0, MAX_IDLE_TIMEOUT, 0, BODY_PARAMS_ERROR);
        return new TrtcIngestRequest(roomId, userId, source, Duration.ofSeconds(seekSeconds), repeat, maxDuration, volume, tempo);
    }

    private Object update(ObjectNode parameters) {
        String taskId = taskId(parameters);
        Optional<TrtcMediaSource> source = Optional.empty();
        JsonNode url = parameters.get("StreamUrl");
        if (url != null && !url.isNull()) {
            source = Optional.of(TrtcMediaSource.parse(TrtcParameters.requiredText(parameters, "StreamUrl", INVALID_STREAM_URL)));
        }
        Optional<Integer> volume = parameters.hasNonNull("Volume")
                ? Optional.of((int) TrtcParameters.optionalInteger(parameters, "Volume", 0, MAX_VOLUME, DEFAULT_VOLUME, BODY_PARAMS_ERROR))
                : Optional.empty();
        Optional<Boolean> pause = TrtcParameters.optionalBoolean(parameters, "IsPause", BODY_PARAMS_ERROR);
        TrtcParameters.optionalBoolean(parameters, "EnableProgress", BODY_PARAMS_ERROR);
        return ingests.update(taskId, new TrtcStreamIngests.Change(source, volume, pause, tempo(parameters)));
    }

    private static Optional<Double> tempo(JsonNode parameters) {
        JsonNode value = parameters.get("Tempo");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber() || !TEMPOS.contains(value.doubleValue())) {
            throw new TrtcApiError(BODY_PARAMS_ERROR, "Tempo is one of 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, not "
                    + TrtcParameters.text(value) + ".");
        }
        return Optional.of(value.doubleValue());
    }

    private static void requireRoomIdOfType(String roomId, int roomIdType) {
        if (roomIdType == TrtcRecordingActions.STRING_ROOM) {
            if (!TrtcRecordingActions.STRING_ROOM_ID.matcher(roomId).matches()) {
                throw new TrtcApiError("InvalidParameter.StrRoomId",
                        "A string RoomId (RoomIdType 0) is 1 to 64 letters, digits and TRTC's allowed symbols.");
            }
            return;
        }
        boolean numeric = roomId.matches("[1-9][0-9]{0,9}") && Long.parseLong(roomId) <= TrtcRecordingActions.MAX_NUMERIC_ROOM;
        if (!numeric) {
            throw new TrtcApiError("InvalidParameter.RoomId", "RoomIdType 1 (the default) takes a numeric RoomId from 1 to "
                    + TrtcRecordingActions.MAX_NUMERIC_ROOM + "; a string room id needs RoomIdType 0.");
        }
    }
}
