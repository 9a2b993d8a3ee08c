package io.rtcgate.emulator.tencent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/** The string-room actions the emulator serves, with TRTC's parameter checks and error codes. */
final class TrtcRoomActions {

    static final String REMOVE_USER = "RemoveUserByStrRoomId";
    static final String DISMISS_ROOM = "DismissRoomByStrRoomId";

    private static final String SDK_APP_ID = "SdkAppId";
    private static final String ROOM_ID = "RoomId";
    private static final String USER_IDS = "UserIds";
    /** RemoveUser takes at most ten users per call. */
    private static final int MAX_USER_IDS = 10;

    private final long sdkAppId;
    private final TrtcRooms rooms;

    TrtcRoomActions(long sdkAppId, TrtcRooms rooms) {
        this.sdkAppId = sdkAppId;
        this.rooms = rooms;
    }

    /** Runs {@code action} with its JSON body; throws {@link TrtcApiError} when TRTC would refuse it. */
    void perform(String action, String body) {
        switch (action) {
            case REMOVE_USER -> removeUser(parameters(body, Set.of(SDK_APP_ID, ROOM_ID, USER_IDS)));
            case DISMISS_ROOM -> dismissRoom(parameters(body, Set.of(SDK_APP_ID, ROOM_ID)));
            default -> throw new TrtcApiError("InvalidAction", "The requested action `" + action + "` does not exist.");
        }
    }

    private void removeUser(JSONObject parameters) {
        requireSdkAppId(parameters);
        String roomId = requireRoomId(parameters);
        List<String> userIds = requireUserIds(parameters);
        if (!rooms.remove(roomId, userIds)) {
            throw roomNotExist(roomId);
        }
    }

    private void dismissRoom(JSONObject parameters) {
        requireSdkAppId(parameters);
        String roomId = requireRoomId(parameters);
        if (!rooms.dismiss(roomId)) {
            throw roomNotExist(roomId);
        }
    }

    private static JSONObject parameters(String body, Set<String> known) {
        JSONObject parameters;
        try {
            parameters = new JSONObject(body);
        } catch (JSONException e) {
            throw new TrtcApiError("InvalidParameter", "The request body is not a JSON object.");
        }
        parameters.keySet().stream()
                .filter(name -> !known.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new TrtcApiError("UnknownParameter", "The parameter `" + name + "` is not recognized.");
                });
        return parameters;
    }

    private void requireSdkAppId(JSONObject parameters) {
        Object value = required(parameters, SDK_APP_ID);
        boolean integer = value instanceof Integer || value instanceof Long;
        if (!integer || ((Number) value).longValue() != sdkAppId) {
            throw new TrtcApiError("InvalidParameter.SdkAppId", "SdkAppId `" + value + "` is not an application of this account.");
        }
    }

    private static String requireRoomId(JSONObject parameters) {
        if (required(parameters, ROOM_ID) instanceof String roomId && !roomId.isEmpty()) {
            return roomId;
        }
        throw new TrtcApiError("InvalidParameter.RoomId", "RoomId must be a non-empty string room id.");
    }

    private static List<String> requireUserIds(JSONObject parameters) {
        if (!(required(parameters, USER_IDS) instanceof JSONArray array) || array.isEmpty() || array.length() > MAX_USER_IDS) {
            throw invalidUserIds();
        }
        List<String> userIds = new ArrayList<>();
        for (Object element : array) {
            if (!(element instanceof String userId) || userId.isEmpty()) {
                throw invalidUserIds();
            }
            userIds.add(userId);
        }
        return userIds;
    }

    private static TrtcApiError invalidUserIds() {
        return new TrtcApiError("InvalidParameter.UserIds", "UserIds must list 1 to " + MAX_USER_IDS + " non-empty user ids.");
    }

    private static Object required(JSONObject parameters, String name) {
        if (!parameters.has(name)) {
            throw TrtcApiError.missingParameter(name);
        }
        return parameters.get(name);
    }

    private static TrtcApiError roomNotExist(String roomId) {
        return new TrtcApiError("FailedOperation.RoomNotExist", "The room `" + roomId + "` does not exist.");
    }
}
