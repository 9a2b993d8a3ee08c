package io.rtcgate.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.app.support.WireClient.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AUI AppServer API ({@code /api/v1/live/*}) as an AUI client calls it: raw JSON bodies, snake_case
 * fields. Builds on {@link WireClient}; every user it makes is new, so tests stay independent on a shared
 * database.
 */
public final class AuiClient {

    public static final String BASE = "/api/v1/live/";
    public static final String PASSWORD = "password-1";

    private final WireClient wire;

    public AuiClient(WireClient wire) {
        this.wire = wire;
    }

    /** A logged-in user: their id and session token. */
    public record User(String id, String token) {
    }

    public WireClient wire() {
        return wire;
    }

    /** Registers a new user through open registration and logs them in. */
    public User newUser() {
        String id = WireClient.uniqueUser("aui");
        return new User(id, wire.login(id, PASSWORD));
    }

    /** The configured admin of application-test.yml. */
    public User admin() {
        return new User("admin", wire.login("admin", "admin-password-1"));
    }

    /** POSTs {@code body} as JSON to an AUI endpoint with {@code as}'s session token ({@code null}: none). */
    public Reply call(String endpoint, User as, Map<String, ?> body) {
        return wire.post(BASE + endpoint, as == null ? null : as.token(), wire.toJson(body));
    }

    /** POSTs a raw body to an AUI endpoint. */
    public Reply callRaw(String endpoint, User as, String body) {
        return wire.post(BASE + endpoint, as == null ? null : as.token(), body);
    }

    /** {@code /create} with the given fields; {@code null} values are sent as JSON null. */
    public Reply create(User as, Map<String, ?> fields) {
        return call("create", as, fields);
    }

    /** Creates a normal-mode room anchored by {@code anchor} and returns its RoomInfo. */
    public Map<String, Object> createRoom(User anchor) {
        return createRoom(anchor, 0);
    }

    /** Creates a room of the given mode anchored by {@code anchor} and returns its RoomInfo. */
    public Map<String, Object> createRoom(User anchor, int mode) {
        Reply reply = create(anchor, fields("anchor", anchor.id(), "title", "room of " + anchor.id(), "mode", mode));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** get, start, pause, stop and delete: {@code {"id": roomId, "user_id": as.id}}. */
    public Reply roomAction(String endpoint, User as, String roomId) {
        return call(endpoint, as, fields("id", roomId, "user_id", as.id()));
    }

    /** A room action that must succeed; returns the RoomInfo. */
    public Map<String, Object> roomActionOk(String endpoint, User as, String roomId) {
        Reply reply = roomAction(endpoint, as, roomId);
        assertEquals(200, reply.status(), endpoint + ": " + reply.body());
        return reply.json();
    }

    /** {@code /list} as {@code as}; {@code status} may be {@code null} to leave it out. */
    public Reply list(User as, int pageNum, int pageSize, Integer status) {
        Map<String, Object> body = fields("user_id", as.id(), "page_num", pageNum, "page_size", pageSize);
        if (status != null) {
            body.put("status", status);
        }
        return call("list", as, body);
    }

    /** The ids of a list reply, in order. */
    public static List<String> ids(Reply listReply) {
        assertEquals(200, listReply.status(), listReply.body());
        return listReply.list().stream().map(room -> (String) room.get("id")).toList();
    }

    /** An ordered, mutable map from alternating keys and values; values may be {@code null}. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A JSON number as a long, whatever width the parser chose. */
    public static long number(Object jsonNumber) {
        return ((Number) jsonNumber).longValue();
    }
}
