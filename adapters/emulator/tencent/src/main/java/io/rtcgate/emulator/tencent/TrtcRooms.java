package io.rtcgate.emulator.tencent;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is in which string-id room, and which of them publish their camera video (TRTC's media events 201 / 202). A
 * room exists from its first entry until it is dismissed, as in TRTC, where entering creates the room; leaving it,
 * being removed or its dismissal ends a user's video with them. Thread-safe.
 */
final class TrtcRooms {

    private final Map<String, Set<String>> usersByRoom = new HashMap<>();
    private final Map<String, Set<String>> videoByRoom = new HashMap<>();

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
        videoByRoom.getOrDefault(roomId, new LinkedHashSet<>()).removeAll(userIds);
        return true;
    }

    /** Ends the room for everyone; false when there is no such room. */
    synchronized boolean dismiss(String roomId) {
        videoByRoom.remove(roomId);
        return usersByRoom.remove(roomId) != null;
    }

    /** The user, who is in the room, publishes their camera video; false when it already did. */
    synchronized boolean startVideo(String roomId, String userId) {
        requirePresent(roomId, userId);
        return videoByRoom.computeIfAbsent(roomId, id -> new LinkedHashSet<>()).add(userId);
    }

    /** The user, who is in the room, stops publishing video; false when it published none. */
    synchronized boolean stopVideo(String roomId, String userId) {
        requirePresent(roomId, userId);
        return videoByRoom.getOrDefault(roomId, new LinkedHashSet<>()).remove(userId);
    }

    /** Who publishes video in the room now. */
    synchronized Set<String> publishingVideo(String roomId) {
        return Set.copyOf(videoByRoom.getOrDefault(roomId, Set.of()));
    }

    private void requirePresent(String roomId, String userId) {
        if (!usersByRoom.getOrDefault(roomId, Set.of()).contains(userId)) {
            throw new IllegalArgumentException(userId + " is not in room " + roomId);
        }
    }

    synchronized boolean exists(String roomId) {
        return usersByRoom.containsKey(roomId);
    }

    synchronized Set<String> users(String roomId) {
        return Set.copyOf(usersByRoom.getOrDefault(roomId, Set.of()));
    }
}
