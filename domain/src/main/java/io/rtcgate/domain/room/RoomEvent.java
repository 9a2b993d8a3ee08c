package io.rtcgate.domain.room;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a room, caused by {@code actor} at {@code at}. {@code data} holds plain
 * values only (strings, numbers, booleans, lists and maps of them), so any store can keep it as JSON. It keeps the
 * order of {@code data} it was given: an event read back from the store has the same fields in the same order on every
 * node, so a webhook sent again by another node, or after a restart, is the same bytes under the same webhook-id.
 */
public record RoomEvent(String roomId, RoomEventType type, String actor, Instant at, Map<String, Object> data) {

    /**
     * The actor of a change no user made, such as a vendor's stream callback: {@code system:<source>}.
     * User ids cannot contain {@code :}, so it is never mistaken for a user.
     */
    public static String systemActor(String source) {
        return "system:" + source;
    }

    public RoomEvent {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        data.forEach((name, value) -> {
            Objects.requireNonNull(name, "data holds a null name");
            Objects.requireNonNull(value, () -> "data." + name + " is null");
        });
        // not Map.copyOf: its iteration order is shuffled anew in every JVM
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
