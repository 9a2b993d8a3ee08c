package io.rtcgate.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An event's data is a copy that keeps its order, so one event is the same JSON on every node that sends it. */
class RoomEventTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void dataKeepsTheOrderItWasGiven() {
        List<String> names = IntStream.range(0, 30).mapToObj(i -> "field" + (29 - i)).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        names.forEach(name -> data.put(name, name.length()));

        RoomEvent event = new RoomEvent("r1", RoomEventType.ROOM_UPDATED, "u1", AT, data);
        data.put("later", 1);

        assertEquals(names, List.copyOf(event.data().keySet()), "in the order given, on every JVM");
        assertThrows(UnsupportedOperationException.class, () -> event.data().put("x", 1));
    }

    @Test
    void nullValuesAreRefusedNamingTheField() {
        Map<String, Object> data = new HashMap<>();
        data.put("title", null);

        NullPointerException refused = assertThrows(NullPointerException.class,
                () -> new RoomEvent("r1", RoomEventType.ROOM_UPDATED, "u1", AT, data));
        assertEquals("data.title is null", refused.getMessage());
    }
}
