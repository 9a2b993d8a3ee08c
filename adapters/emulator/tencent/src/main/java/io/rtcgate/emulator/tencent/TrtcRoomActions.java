package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private void removeUser(ObjectNode parameters) {
        requireSdkAppId(parameters);
        String roomId = requireRoomId(parameters);
        List<String> userIds = requireUserIds(parameters);
        if (!rooms.remove(roomId, userIds)) {
            throw roomNotExist(roomId);
        }
    }

    private void dismissRoom(ObjectNode parameters) {
        requireSdkAppId(parameters);
        String roomId = requireRoomId(parameters);
        if (!rooms.dismiss(roomId)) {
            throw roomNotExist(roomId);
        }
    }

    /** The body's parameters, of which none may be unknown to the action; the first unknown one is reported. */
    private static ObjectNode parameters(String body, Set<String> known) {
        ObjectNode parameters;
        try {
            parameters = EmulatorJson.readObject(body);
        } catch (IllegalArgumentException e) {
            throw new TrtcApiError("InvalidParameter", "The request body is not a JSON object.");
        }
        parameters.properties().stream()
                .map(Map.Entry::getKey)
                .filter(name -> !known.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new TrtcApiError("UnknownParameter", "The parameter `" + name + "` is not recognized.");
                });
        return parameters;
    }

    private void requireSdkAppId(ObjectNode parameters) {
        JsonNode value = required(parameters, SDK_APP_ID);
        if (!EmulatorJson.isLong(value) || value.longValue() != sdkAppId) {
            throw new TrtcApiError("InvalidParameter.SdkAppId", "SdkAppId `" + text(value) + "` is not an application of this account.");
        }
    }

    private static String requireRoomId(ObjectNode parameters) {
        JsonNode roomId = required(parameters, ROOM_ID);
        if (roomId.isTextual() && !roomId.textValue().isEmpty()) {
            return roomId.textValue();
        }
        throw new TrtcApiError("InvalidParameter.RoomId", "RoomId must be a non-empty string room id.");
    }

    private static List<String> requireUserIds(ObjectNode parameters) {
        JsonNode array = required(parameters, USER_IDS);
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

    /** The parameter's value, which may be JSON {@code null}; absent → {@code MissingParameter}. */
    private static JsonNode required(ObjectNode parameters, String name) {
        JsonNode value = parameters.get(name);
        if (value == null) {
            throw TrtcApiError.missingParameter(name);
        }
        return value;
    }

    /** A value as a message quotes it: a string without quotes, any other value as its JSON. */
    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static TrtcApiError roomNotExist(String roomId) {
        return new TrtcApiError("FailedOperation.RoomNotExist", "The room `" + roomId + "` does not exist.");
    }
}
