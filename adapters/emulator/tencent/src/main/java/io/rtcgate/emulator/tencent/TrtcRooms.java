package io.rtcgate.emulator.tencent;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is in which string-id room. A room exists from its first entry until it is dismissed, as in TRTC,
 * where entering creates the room. Thread-safe.
 */
final class TrtcRooms {

    private final Map<String, Set<String>> usersByRoom = new HashMap<>();

    synchronized void enter(String roomId, String userId) {
        usersByRoom.computeIfAbsent(roomId, id -> new LinkedHashSet<>()).add(userId);
    }

    /** Removes the users from an existing room; false when there is no such room. */
    synchronized boolean remove(String roomId, Collection<String> userIds) {
        Set<String> users = usersByRoom.get(roomId);
        if (users == null) {
            return false;
        }
        users.removeAll(userIds);
        return true;
    }

    /** Ends the room for everyone; false when there is no such room. */
    synchronized boolean dismiss(String roomId) {
        return usersByRoom.remove(roomId) != null;
    }

    synchronized boolean exists(String roomId) {
        return usersByRoom.containsKey(roomId);
    }

    synchronized Set<String> users(String roomId) {
        return Set.copyOf(usersByRoom.getOrDefault(roomId, Set.of()));
    }
}
