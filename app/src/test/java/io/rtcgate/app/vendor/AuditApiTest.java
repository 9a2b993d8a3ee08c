package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.user.Role;
import io.rtcgate.domain.user.UserStore;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.testkit.WebhookReceiver;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /v1/admin/audit}: every admin action, kicks and mutes (by anchors too) are in the audit log with the
 * right before / after and the request's id, newest first, in pages without duplicates or gaps, filtered; only
 * admins read it, and the table itself refuses to change.
 */
@MicronautTest(transactional = false)
class AuditApiTest extends InteractionApiTestBase {

    private static final String AUDIT = "/v1/admin/audit";

    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    AuditLog auditLog;
    @Inject
    UserStore userStore;

    @Test
    void aVendorStateChangeIsAuditedWithTheRequestIdTheCallerSent() {
        String requestId = "ops-" + UUID.randomUUID();

        Reply reply = wire.post(ADMIN_VENDORS + "/tencent/state", admin().token(), wire.toJson(fields("state", "draining")),
                Map.of("X-Request-Id", requestId));
        setVendorStateOk("tencent", "down"); // and back up after the test

        assertEquals(200, reply.status(), reply.body());
        assertEquals(requestId, reply.raw().headers().firstValue("X-Request-Id").orElse(null));
        List<Map<String, Object>> entries = items(audit("?target=vendor:tencent&limit=2"));
        Map<String, Object> down = entries.get(0);
        Map<String, Object> draining = entries.get(1);
        assertEntry(draining, "admin", "vendor.state.set", "vendor:tencent", Map.of("state", "up"), Map.of("state", "draining"));
        assertEquals(requestId, draining.get("request_id"));
        assertEntry(down, "admin", "vendor.state.set", "vendor:tencent", Map.of("state", "draining"), Map.of("state", "down"));
        assertNotEquals(requestId, down.get("request_id"), "each request has its own id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "x"})
    void aRequestIdThatIsNotSafeIsReplacedByAGeneratedOne(String given) {
        String sent = "x".equals(given) ? "x".repeat(129) : given;

        Reply reply = wire.post("/v1/users", admin().token(), wire.toJson(fields("username", WireClient.uniqueUser("rid"),
                "password", "password-123")), Map.of("X-Request-Id", sent));

        assertEquals(201, reply.status(), reply.body());
        String echoed = reply.raw().headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(echoed, UUID.fromString(echoed).toString(), "a generated UUID");
        Map<String, Object> entry = items(audit("?target=user:" + reply.text("id"))).get(0);
        assertEquals(echoed, entry.get("request_id"));
    }

    @Test
    void everyResponseCarriesARequestIdEvenARefusal() {
        Reply refused = wire.get(AUDIT, null);

        assertEquals(401, refused.status());
        assertTrue(refused.raw().headers().firstValue("X-Request-Id").isPresent(), refused.raw().headers().toString());
    }

    @Test
    void creatingAUserIsAuditedWithItsRoleAndNeverItsPassword() {
        String username = WireClient.uniqueUser("carol");

        Reply created = wire.post("/v1/users", admin().token(), wire.toJson(fields("username", username,
                "password", "carol-secret-1", "role", "admin")));

        assertEquals(201, created.status(), created.body());
        Reply page = audit("?action=user.create&target=user:" + username);
        assertEntry(items(page).get(0), "admin", "user.create", "user:" + username, null, Map.of("role", "admin"));
        assertFalse(page.body().contains("carol-secret-1"), page.body());
    }

    @Test
    void webhookSubscriptionChangesAndResendsAreAuditedWithoutTheSecret() {
        try (WebhookReceiver receiver = new WebhookReceiver("")) {
            String url = receiver.url("/hooks").toString();
            Reply created = wire.post(WEBHOOKS, admin().token(), wire.toJson(fields("url", url, "event_types", List.of("room.created"))));
            assertEquals(201, created.status(), created.body());
            String id = created.text("id");
            String secret = created.text("secret");
            Reply updated = wire.patch(WEBHOOKS + "/" + id, admin().token(), wire.toJson(fields("enabled", false, "event_types", null)));
            assertEquals(200, updated.status(), updated.body());
            assertEquals(200, wire.patch(WEBHOOKS + "/" + id, admin().token(), wire.toJson(fields("enabled", true))).status());
            createRoomOn(aui.newUser(), "agora");
            long delivery = number(deliveries(id).get(0).get("id"));
            Reply retried = wire.post(WEBHOOKS + "/" + id + "/deliveries/" + delivery + "/retry", admin().token(), "");
            assertEquals(200, retried.status(), retried.body());
            Reply deleted = wire.delete(WEBHOOKS + "/" + id, admin().token());
            assertEquals(204, deleted.status(), deleted.body());
            assertEquals(404, wire.delete(WEBHOOKS + "/" + id, admin().token()).status(), "a second delete finds nothing");

            Reply page = audit("?target=webhook:" + id);
            List<Map<String, Object>> entries = items(page);
            Map<String, Object> onlyCreated = settings(url, List.of("room.created"), true);
            Map<String, Object> allDisabled = settings(url, null, false);
            Map<String, Object> allEnabled = settings(url, null, true);
            assertEquals(5, entries.size(), page.body());
            assertEntry(entries.get(4), "admin", "webhook.create", "webhook:" + id, null, onlyCreated);
            assertEntry(entries.get(3), "admin", "webhook.update", "webhook:" + id, onlyCreated, allDisabled);
            assertEntry(entries.get(2), "admin", "webhook.update", "webhook:" + id, allDisabled, allEnabled);
            assertEntry(entries.get(1), "admin", "webhook.delivery.retry", "webhook:" + id + "/delivery:" + delivery,
                    Map.of("state", "pending", "attempts", 0), Map.of("state", "delivered", "attempts", 1));
            assertEntry(entries.get(0), "admin", "webhook.delete", "webhook:" + id, allEnabled, null);
            assertFalse(page.body().contains(secret), "the signing secret is never in the audit log");
        }
    }

    @Test
    void kicksAndMutesAreAuditedWithTheirActorAnchorOrAdmin() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String roomId = newRoom(anchor);
        String channel = roomId + "-1";
        tencent().enterRoom(channel, viewer.id(), (String) joinOk(viewer, roomId, "audience").get("token"));
        String member = "room:" + roomId + "/user:" + viewer.id();

        assertEquals(204, kick(anchor, roomId, viewer.id(), 300L).status());
        Reply muted = muteMember(anchor, roomId, viewer.id(), 600L);
        assertEquals(201, muted.status(), muted.body());
        Reply remuted = muteMember(admin(), roomId, viewer.id(), 60L);
        assertEquals(201, remuted.status(), remuted.body());
        assertEquals(204, unmuteMember(admin(), roomId, viewer.id()).status());
        assertEquals(200, muteRoom(anchor, roomId).status());
        assertEquals(200, unmuteRoom(admin(), roomId).status());

        List<Map<String, Object>> entries = items(audit("?target=room:" + roomId));
        assertEquals(6, entries.size(), entries.toString());
        assertEntry(entries.get(5), anchor.id(), "room.kick", member, null, Map.of("vendor", "tencent", "duration_seconds", 300));
        Map<String, Object> first = mute(muted.json());
        Map<String, Object> second = mute(remuted.json());
        assertEntry(entries.get(4), anchor.id(), "room.member.mute", member, null, first);
        assertEntry(entries.get(3), "admin", "room.member.mute", member, first, second);
        assertEntry(entries.get(2), "admin", "room.member.unmute", member, second, null);
        assertEntry(entries.get(1), anchor.id(), "room.mute", "room:" + roomId, Map.of("muted", false), Map.of("muted", true));
        assertEntry(entries.get(0), "admin", "room.unmute", "room:" + roomId, Map.of("muted", true), Map.of("muted", false));
    }

    @Test
    void theAuiClientsRoomMutesAreAuditedToo() {
        User anchor = aui.newUser();
        Reply created = wire.post("/api/v2/live/create", anchor.token(), wire.toJson(fields("title", "room of " + anchor.id(),
                "anchor", anchor.id(), "mode", 0, "im_server", List.of("aliyun_new"))));
        assertEquals(200, created.status(), created.body());
        Map<String, Object> chat = fields("chatroom_id", created.text("chat_id"));
        String target = "room:" + created.text("id");

        assertEquals(200, aui.call("muteChatroom", anchor, chat).status());
        assertEquals(200, aui.call("muteChatroom", admin(), chat).status());
        assertEquals(200, aui.call("cancelMuteChatroom", anchor, chat).status());

        List<Map<String, Object>> entries = items(audit("?target=" + target));
        assertEquals(3, entries.size(), entries.toString());
        assertEntry(entries.get(2), anchor.id(), "room.mute", target, Map.of("muted", false), Map.of("muted", true));
        assertEntry(entries.get(1), "admin", "room.mute", target, Map.of("muted", true), Map.of("muted", true));
        assertEntry(entries.get(0), anchor.id(), "room.unmute", target, Map.of("muted", true), Map.of("muted", false));
    }

    @Test
    void anActionThatFailedWritesNoEntry() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);

        assertEquals(403, muteRoom(aui.newUser(), roomId).status());
        assertEquals(404, wire.patch(WEBHOOKS + "/wh_missing", admin().token(), wire.toJson(fields("enabled", false))).status());
        tencent().faults().failNext(FaultKind.SERVER_ERROR, 1);
        assertEquals(502, kick(anchor, roomId, "bob", 60L).status());

        assertEquals(List.of(), items(audit("?target=room:" + roomId)));
        assertEquals(List.of(), items(audit("?target=webhook:wh_missing")));
    }

    @Test
    void pagesAreNewestFirstWithoutDuplicatesOrGaps() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        for (int i = 0; i < 4; i++) {
            assertEquals(200, muteRoom(anchor, roomId).status());
            assertEquals(200, unmuteRoom(anchor, roomId).status());
        }
        List<Map<String, Object>> all = items(audit("?limit=100&actor=" + anchor.id()));
        assertEquals(8, all.size());

        List<Map<String, Object>> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = audit("?limit=3&actor=" + anchor.id() + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(items(page));
            cursor = (String) page.json().get("next_cursor");
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        assertEquals(all, paged);
        assertEquals(8, new HashSet<>(paged.stream().map(entry -> entry.get("id")).toList()).size());
        for (int i = 1; i < paged.size(); i++) {
            Instant newer = Instant.parse((String) paged.get(i - 1).get("at"));
            Instant older = Instant.parse((String) paged.get(i).get("at"));
            assertFalse(older.isAfter(newer), "newest first: " + paged);
        }
        assertEquals("room.unmute", paged.get(0).get("action"), "the last action comes first");
    }

    @Test
    void filtersNarrowByActorActionTargetAndTime() {
        User anchor = aui.newUser();
        String roomId = newRoom(anchor);
        String otherRoom = newRoom(anchor);
        assertEquals(201, muteMember(anchor, roomId, "bob", 60L).status());
        assertEquals(200, muteRoom(anchor, roomId).status());
        Instant between = gatewayNow();
        assertEquals(200, muteRoom(admin(), otherRoom).status());
        assertEquals(200, unmuteRoom(anchor, roomId).status());

        assertEquals(List.of("room.unmute", "room.mute", "room.member.mute"),
                actions(audit("?target=room:" + roomId)), "a target with everything inside it");
        assertEquals(List.of("room.member.mute"), actions(audit("?target=room:" + roomId + "/user:bob")));
        assertEquals(List.of(), actions(audit("?target=room:" + roomId.substring(0, roomId.length() - 1))),
                "a target matches whole segments, not a prefix of an id");
        assertEquals(List.of("room.unmute", "room.mute", "room.member.mute"), actions(audit("?actor=" + anchor.id())));
        assertEquals(List.of("room.mute"), actions(audit("?action=room.mute&target=room:" + otherRoom)));
        assertEquals(List.of("room.mute"), actions(audit("?action=room.mute&actor=" + anchor.id())));
        assertEquals(List.of("room.unmute"), actions(audit("?actor=" + anchor.id() + "&since=" + encode(between.toString()))));
        assertEquals(List.of("room.mute", "room.member.mute"),
                actions(audit("?actor=" + anchor.id() + "&until=" + encode(between.toString()))));
        String offset = between.atOffset(ZoneOffset.ofHours(8)).toString();
        assertEquals(List.of("room.unmute"), actions(audit("?actor=" + anchor.id() + "&since=" + encode(offset))),
                "an ISO-8601 time with an offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=ten", "since=yesterday", "until=2025-01-01",
            "cursor=not-a-cursor", "actor=", "target=%20", "since=2025-01-02T00:00:00Z&until=2025-01-01T00:00:00Z"})
    void aBadFilterIsA400NamingIt(String query) {
        String field = query.contains("&until") ? "until" : query.substring(0, query.indexOf('='));

        Reply reply = audit("?" + query);

        assertError(reply, 400, field);
    }

    @Test
    void onlyAdminsReadTheLog() {
        assertEquals(403, wire.get(AUDIT, aui.newUser().token()).status());
        assertEquals(401, wire.get(AUDIT, null).status());
    }

    @Test
    void thereIsNoApiToChangeOrDeleteAnEntry() {
        assertEquals(405, wire.delete(AUDIT, admin().token()).status());
        assertEquals(405, wire.post(AUDIT, admin().token(), "{}").status());
        assertEquals(404, wire.delete(AUDIT + "/1", admin().token()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log", "TRUNCATE audit_log"})
    void theTableRefusesToChangeWhatItHolds(String statement) {
        assertEquals(200, muteRoom(admin(), newRoom(aui.newUser())).status());

        RuntimeException refused = assertThrows(RuntimeException.class, () -> transactions.executeWrite(status -> {
            try (PreparedStatement sql = status.getConnection().prepareStatement(statement)) {
                return sql.executeUpdate();
            } catch (SQLException e) {
                throw new WrappedSql(e);
            }
        }), statement);

        String messages = causes(refused);
        assertTrue(messages.contains("audit_log is append-only"), messages);
    }

    @Test
    void aChangeAndItsEntryCommitTogetherOrNotAtAll() {
        String username = WireClient.uniqueUser("rollback");
        io.rtcgate.domain.user.User user = io.rtcgate.domain.user.User.create(username, "hash", Role.USER, Instant.now());
        // an action name longer than the column holds: the entry cannot be written
        AuditEntry unwritable = new AuditEntry("admin", "x".repeat(AuditEntry.MAX_ACTION + 1), "user:" + username, null, null,
                Instant.now());

        assertThrows(RuntimeException.class, () -> auditLog.recordWith(() -> {
            userStore.insert(user);
            return user;
        }, inserted -> unwritable));

        assertTrue(userStore.find(username).isEmpty(), "the change was rolled back with its entry");
    }

    // ---- helpers ----

    private static final String WEBHOOKS = "/v1/admin/webhooks";

    private Reply audit(String query) {
        return wire.get(AUDIT + query, admin().token());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Reply page) {
        assertEquals(200, page.status(), page.body());
        return (List<Map<String, Object>>) page.json().get("items");
    }

    private static List<Object> actions(Reply page) {
        return items(page).stream().map(entry -> entry.get("action")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deliveries(String subscriptionId) {
        Reply page = wire.get(WEBHOOKS + "/" + subscriptionId + "/deliveries?limit=100", admin().token());
        assertEquals(200, page.status(), page.body());
        return (List<Map<String, Object>>) page.json().get("items");
    }

    private static void assertEntry(Map<String, Object> entry, String actor, String action, String target,
                                    Map<String, Object> before, Map<String, Object> after) {
        assertEquals(actor, entry.get("actor"), entry.toString());
        assertEquals(action, entry.get("action"), entry.toString());
        assertEquals(target, entry.get("target"), entry.toString());
        assertEquals(before, entry.get("before"), entry.toString());
        assertEquals(after, entry.get("after"), entry.toString());
        assertTrue(entry.containsKey("request_id") && entry.get("request_id") != null, entry.toString());
        Instant.parse((String) entry.get("at"));
    }

    private static Map<String, Object> settings(String url, List<String> eventTypes, boolean enabled) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("url", url);
        settings.put("event_types", eventTypes);
        settings.put("enabled", enabled);
        return settings;
    }

    /** A mute as its 201 answer shows it, as the audit log keeps it. */
    private static Map<String, Object> mute(Map<String, Object> answer) {
        return Map.of("until", answer.get("until"), "muted_by", answer.get("muted_by"));
    }

    private static String causes(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        return messages.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Carries a checked SQL error out of a transaction callback, which may not throw one. */
    private static final class WrappedSql extends RuntimeException {
        WrappedSql(SQLException cause) {
            super(cause);
        }
    }
}
