package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The string-room actions the emulator serves, with TRTC's parameter checks and error codes. */
final class TrtcRoomActions {

    static final String REMOVE_USER = "RemoveUserByStrRoomId";
    static final String DISMISS_ROOM = "DismissRoomByStrRoomId";

    private static final String SDK_APP_ID = TrtcParameters.SDK_APP_ID;
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
            case REMOVE_USER -> removeUser(TrtcParameters.of(body, Set.of(SDK_APP_ID, ROOM_ID, USER_IDS)));
            case DISMISS_ROOM -> dismissRoom(TrtcParameters.of(body, Set.of(SDK_APP_ID, ROOM_ID)));
            default -> throw new TrtcApiError("InvalidAction", "The requested action `" + action + "` does not exist.");
        }
    }

    private void removeUser(ObjectNode parameters) {
        TrtcParameters.requireSdkAppId(parameters, sdkAppId, TrtcApiError.MISSING_PARAMETER);
        String roomId = requireRoomId(parameters);
        List<String> userIds = requireUserIds(parameters);
        if (!rooms.remove(roomId, userIds)) {
            throw roomNotExist(roomId);
        }
    }

    private void dismissRoom(ObjectNode parameters) {
        TrtcParameters.requireSdkAppId(parameters, sdkAppId, TrtcApiError.MISSING_PARAMETER);
        String roomId = requireRoomId(parameters);
        if (!rooms.dismiss(roomId)) {
            throw roomNotExist(roomId);
        }
    }

    private static String requireRoomId(ObjectNode parameters) {
        JsonNode roomId = TrtcParameters.required(parameters, ROOM_ID, TrtcApiError.MISSING_PARAMETER);
        if (roomId.isTextual() && !roomId.textValue().isEmpty()) {
            return roomId.textValue();
        }
        throw new TrtcApiError("InvalidParameter.RoomId", "RoomId must be a non-empty string room id.");
    }

    private static List<String> requireUserIds(ObjectNode parameters) {
        JsonNode array = TrtcParameters.required(parameters, USER_IDS, TrtcApiError.MISSING_PARAMETER);
        if (!array.isArray() || array.isEmpty() || array.size() > MAX_USER_IDS) {
            throw invalidUserIds();
        }
        List<String> userIds = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual() || element.textValue().isEmpty()) {
                throw invalidUserIds();
            }
            userIds.add(element.textValue());
        }
        return userIds;
    }

    private static TrtcApiError invalidUserIds() {
        return new TrtcApiError("InvalidParameter.UserIds", "UserIds must list 1 to " + MAX_USER_IDS + " non-empty user ids.");
    }

    private static TrtcApiError roomNotExist(String roomId) {
        return new TrtcApiError("FailedOperation.RoomNotExist", "The room `" + roomId + "` does not exist.");
    }
}
