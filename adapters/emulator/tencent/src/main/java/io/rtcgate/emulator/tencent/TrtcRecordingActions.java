package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.tencent.TrtcRecordingStorage.CloudStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cloud recording actions (CreateCloudRecording, DescribeCloudRecording, DeleteCloudRecording) with the
 * checks and codes of their API pages (trtc.io/document/46960 and 46958; tencentcloud-sdk-go
 * {@code trtc/v20190722/client.go}): the detailed {@code MissingParameter.*} codes, {@code InvalidParameter.SdkAppId},
 * {@code InvalidParameter.OutOfRange} for values outside their documented ranges, and {@code ResourceNotFound}
 * for a task TRTC does not know (or no longer knows: a task that ended).
 *
 * <p>The robot's UserSig is checked when the task is created and refused as {@code InvalidParameter.UserSig}
 * (the SDK's code for "UserSig expired or wrong"); whether TRTC refuses it there or lets the robot fail to
 * enter (callback 301 with status 1) is not documented.
 */
final class TrtcRecordingActions {

    static final String CREATE = "CreateCloudRecording";
    static final String DESCRIBE = "DescribeCloudRecording";
    static final String DELETE = "DeleteCloudRecording";
    static final Set<String> ACTIONS = Set.of(CREATE, DESCRIBE, DELETE);

    private static final String SDK_APP_ID = TrtcParameters.SDK_APP_ID;
    private static final String TASK_ID = "TaskId";
    private static final Set<String> CREATE_PARAMETERS = Set.of(SDK_APP_ID, "RoomId", "UserId", "UserSig", "RecordParams",
            "StorageParams", "RoomIdType", "MixTranscodeParams", "MixLayoutParams", "ResourceExpiredHour", "PrivateMapKey");
    private static final Set<String> TASK_PARAMETERS = Set.of(SDK_APP_ID, TASK_ID);
    /** Describe also takes the RecorderKey of automatic recordings, which the emulator does not run. */
    private static final Set<String> DESCRIBE_PARAMETERS = Set.of(SDK_APP_ID, TASK_ID, "RecorderKey");
    static final int STRING_ROOM = 0;
    static final int NUMERIC_ROOM = 1;
    /** TRTC's string room ids: at most 64 of these characters. */
    static final Pattern STRING_ROOM_ID = Pattern.compile("[A-Za-z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}");
    /** Numeric room ids: 1 to 4294967294. */
    static final long MAX_NUMERIC_ROOM = 4_294_967_294L;
    /** TRTC's user ids: at most 32 letters, digits, underscores and hyphens. */
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern PREFIX_PART = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int CUSTOM_LAYOUT = 4;

    private final long sdkAppId;
    private final String userSigKey;
    private final Clock clock;
    private final TrtcCloudRecordings recordings;

    TrtcRecordingActions(TencentEmulatorCredentials credentials, Clock clock, TrtcCloudRecordings recordings) {
        this.sdkAppId = credentials.sdkAppId();
        this.userSigKey = credentials.userSigKey();
        this.clock = clock;
        this.recordings = recordings;
    }

    /** Runs {@code action} with its JSON body and returns the fields of its answer; throws {@link TrtcApiError} when TRTC would refuse it. */
    Object perform(String action, String body) {
        return switch (action) {
            case CREATE -> recordings.create(createRequest(TrtcParameters.of(body, CREATE_PARAMETERS)));
            case DESCRIBE -> recordings.describe(taskId(TrtcParameters.of(body, DESCRIBE_PARAMETERS)));
            case DELETE -> recordings.delete(taskId(TrtcParameters.of(body, TASK_PARAMETERS)));
            default -> throw new IllegalArgumentException(action + " is not a cloud recording action");
        };
    }

    private String taskId(ObjectNode parameters) {
        TrtcParameters.requireSdkAppId(parameters, sdkAppId, "MissingParameter.SdkAppId");
        return TrtcParameters.requiredText(parameters, TASK_ID, "MissingParameter.TaskId");
    }

    private TrtcRecordingRequest createRequest(ObjectNode parameters) {
        TrtcParameters.requireSdkAppId(parameters, sdkAppId, "MissingParameter.SdkAppId");
        String roomId = TrtcParameters.requiredText(parameters, "RoomId", "MissingParameter.RoomId");
        // RoomIdType defaults to 1 (a numeric room), so a string room must say so.
        int roomIdType = (int) TrtcParameters.optionalInteger(parameters, "RoomIdType", STRING_ROOM, NUMERIC_ROOM, NUMERIC_ROOM);
        requireRoomIdOfType(roomId, roomIdType);
        String userId = TrtcParameters.requiredText(parameters, "UserId", "MissingParameter.UserId");
        if (!USER_ID.matcher(userId).matches()) {
            throw TrtcParameters.outOfRange("UserId must be 1 to 32 letters, digits, '_' or '-'.");
        }
        String userSig = TrtcParameters.requiredText(parameters, "UserSig", "MissingParameter.UserSig");
        TencentUserSigs.verify(userSig, sdkAppId, userSigKey, userId, clock.instant()).ifPresent(reason -> {
            throw new TrtcApiError("InvalidParameter.UserSig", "UserSig expired or wrong: " + reason + ".");
        });

        JsonNode record = TrtcParameters.requiredObject(parameters, "RecordParams", "MissingParameter.RecordParams");
        if (record.get("RecordMode") == null) {
            throw TrtcApiError.missingParameter("MissingParameter.RecordMode", "RecordParams.RecordMode");
        }
        int recordMode = (int) TrtcParameters.optionalInteger(record, "RecordMode", TrtcRecordingRequest.SINGLE_STREAM,
                TrtcRecordingRequest.MIXED, 0);
        int streamType = (int) TrtcParameters.optionalInteger(record, "StreamType", 0, 2, 0);
        long maxIdleTime = TrtcParameters.optionalInteger(record, "MaxIdleTime", 5, 86_400, 30);
        int outputFormat = (int) TrtcParameters.optionalInteger(record, "OutputFormat", 0, 4, 0);
        boolean avMerge = TrtcParameters.optionalInteger(record, "AvMerge", 0, 1, 0) == 1;
        long maxMediaFileMinutes = TrtcParameters.optionalInteger(record, "MaxMediaFileDuration", 1, 1440, 1440);

        CloudStorage storage = cloudStorage(TrtcParameters.requiredObject(parameters, "StorageParams", "MissingParameter.StorageParams"));
        JsonNode layout = parameters.get("MixLayoutParams");
        if (layout != null && !layout.isNull()) {
            requireLayout(layout);
        }
        TrtcParameters.optionalInteger(parameters, "ResourceExpiredHour", 6, 720, 72);
        return new TrtcRecordingRequest(roomId, roomIdType == STRING_ROOM, userId, recordMode, streamType,
                Duration.ofSeconds(maxIdleTime), outputFormat, avMerge, Duration.ofMinutes(maxMediaFileMinutes), storage);
    }

    private static void requireRoomIdOfType(String roomId, int roomIdType) {
        if (roomIdType == STRING_ROOM) {
            if (!STRING_ROOM_ID.matcher(roomId).matches()) {
                throw TrtcParameters.outOfRange("A string RoomId (RoomIdType 0) is 1 to 64 letters, digits and TRTC's allowed symbols.");
            }
            return;
        }
        boolean numeric = roomId.matches("[1-9][0-9]{0,9}") && Long.parseLong(roomId) <= MAX_NUMERIC_ROOM;
        if (!numeric) {
            throw TrtcParameters.outOfRange("RoomIdType 1 takes a numeric RoomId from 1 to " + MAX_NUMERIC_ROOM
                    + "; a string room id needs RoomIdType 0.");
        }
    }

    private static CloudStorage cloudStorage(JsonNode storageParams) {
        JsonNode cloud = storageParams.get("CloudStorage");
        if (cloud == null || cloud.isNull()) {
            if (storageParams.has("CloudVod")) {
                throw new TrtcApiError("FailedOperation.CRUnsupportMethod", "The emulator records to CloudStorage only, not to CloudVod.");
            }
            throw TrtcApiError.missingParameter("MissingParameter.CloudStorage", "StorageParams.CloudStorage");
        }
        if (!cloud.isObject()) {
            throw new TrtcApiError("InvalidParameter", "The parameter `StorageParams.CloudStorage` must be an object.");
        }
        if (cloud.get("Vendor") == null) {
            throw TrtcApiError.missingParameter("MissingParameter.Vendor", "CloudStorage.Vendor");
        }
        int vendor = (int) TrtcParameters.optionalInteger(cloud, "Vendor", 0, 1, 0);
        String region = TrtcParameters.requiredText(cloud, "Region", "MissingParameter.Region");
        String bucket = TrtcParameters.requiredText(cloud, "Bucket", "MissingParameter.Bucket");
        String accessKey = TrtcParameters.requiredText(cloud, "AccessKey", "MissingParameter.AccessKey");
        String secretKey = TrtcParameters.requiredText(cloud, "SecretKey", "MissingParameter.SecretKey");
        List<String> prefix = new ArrayList<>();
        JsonNode parts = cloud.get("FileNamePrefix");
        if (parts != null && !parts.isNull()) {
            if (!parts.isArray()) {
                throw new TrtcApiError("InvalidParameter", "The parameter `CloudStorage.FileNamePrefix` must be an array of strings.");
            }
            for (JsonNode part : parts) {
                if (!part.isTextual() || !PREFIX_PART.matcher(part.textValue()).matches()) {
                    throw TrtcParameters.outOfRange("CloudStorage.FileNamePrefix takes a~z, A~Z, 0~9, '_' and '-' only.");
                }
                prefix.add(part.textValue());
            }
        }
        return new CloudStorage(vendor, region, bucket, accessKey, secretKey, List.copyOf(prefix));
    }

    private static void requireLayout(JsonNode layout) {
        if (!layout.isObject()) {
            throw new TrtcApiError("InvalidParameter", "The parameter `MixLayoutParams` must be an object.");
        }
        long mode = TrtcParameters.optionalInteger(layout, "MixLayoutMode", 1, CUSTOM_LAYOUT, 3);
        JsonNode custom = layout.get("MixLayoutList");
        if (mode == CUSTOM_LAYOUT && (custom == null || !custom.isArray() || custom.isEmpty())) {
            throw TrtcParameters.outOfRange("MixLayoutMode 4 (custom) needs a MixLayoutList.");
        }
    }
}
