package io.rtcgate.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.app.support.WireClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Assertions on the wire format shared by the API tests. */
public final class ApiAssertions {

    private ApiAssertions() {
    }

    /**
     * The reply is an error with the given HTTP status and the AUI {@code models.Status} body: the same
     * {@code code}, a message, and {@code details.field} naming {@code field} (or no details when
     * {@code field} is {@code null}).
     */
    public static void assertError(Reply reply, int status, String field) {
        assertEquals(status, reply.status(), reply.body());
        assertStatusBody(reply, status);
        if (field == null) {
            assertEquals(null, reply.json().get("details"), reply.body());
        } else {
            assertEquals(field, reply.errorField(), reply.body());
        }
    }

    /** The body is {@code {code, message, details}} with {@code code} equal to the HTTP status. */
    public static void assertStatusBody(Reply reply, int status) {
        assertNotNull(reply.parsed(), "no JSON body: " + reply.body());
        Map<String, Object> body = reply.json();
        assertEquals(status, ((Number) body.get("code")).intValue(), reply.body());
        assertTrue(body.get("message") instanceof String message && !message.isBlank(), reply.body());
        assertTrue(body.containsKey("details"), reply.body());
        assertFalse(reply.body().contains("Exception"), "internal details leaked: " + reply.body());
    }

    /**
     * Both RoomInfos carry the same moment in {@code field} (or both none), allowing for the database keeping
     * timestamps to the microsecond.
     */
    public static void assertSameMicrosecond(Map<String, Object> expected, Map<String, Object> actual, String field) {
        if (expected.get(field) == null || actual.get(field) == null) {
            assertEquals(expected.get(field), actual.get(field), field);
            return;
        }
        Duration difference = Duration.between(instant(expected, field), instant(actual, field)).abs();
        assertTrue(difference.compareTo(Duration.ofNanos(500)) <= 0,
                field + ": " + expected.get(field) + " vs " + actual.get(field));
    }

    /** An RFC 3339 timestamp field of a RoomInfo, parsed. */
    public static Instant instant(Map<String, Object> roomInfo, String field) {
        Object value = roomInfo.get(field);
        assertTrue(value instanceof String, field + " is not a timestamp: " + value);
        return Instant.parse((String) value);
    }
}
