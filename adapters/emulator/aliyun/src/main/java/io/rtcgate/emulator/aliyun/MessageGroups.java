package io.rtcgate.emulator.aliyun;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The emulator's interactive messaging groups: live ones with their creators, and the ids once deleted. */
final class MessageGroups {

    /** What creating a group did. */
    record Created(boolean alreadyExists, boolean alreadyDeleted) {
    }

    private final Map<String, Optional<String>> live = new LinkedHashMap<>();
    private final Set<String> deleted = new LinkedHashSet<>();

    synchronized Created create(String groupId, Optional<String> creatorId) {
        if (deleted.contains(groupId)) {
            return new Created(false, true);
        }
        if (live.containsKey(groupId)) {
            return new Created(true, false);
        }
        live.put(groupId, creatorId);
        return new Created(false, false);
    }

    /** Whether the group existed (and is now deleted). */
    synchronized boolean delete(String groupId) {
        if (live.remove(groupId) == null) {
            return false;
        }
        deleted.add(groupId);
        return true;
    }

    synchronized Map<String, Optional<String>> live() {
        return Map.copyOf(live);
    }

    synchronized Set<String> deleted() {
        return Set.copyOf(deleted);
    }
}
