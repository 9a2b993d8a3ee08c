package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.cleanup.VendorCleanup;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/v2/live/token} and {@code /api/v2/live/create}: Aliyun interactive messaging tokens and
 * groups, against the Aliyun emulator, and the clean-up queue that deletes a deleted room's group.
 */
@MicronautTest
class AuiMessagingApiTest extends VendorApiTestBase {

    @Inject
    VendorCleanups cleanups;

    private Reply v2(String endpoint, User as, Map<String, ?> body) {
        return wire.post("/api/v2/live/" + endpoint, as == null ? null : as.token(), wire.toJson(body));
    }

    private Map<String, Object> tokenBody(User user, Object imServer) {
        return fields("user_id", user.id(), "device_id", "dev-1", "device_type", "android", "im_server", imServer, "role", null);
    }

    private Map<String, Object> createBody(User anchor, int mode, Object imServer) {
        return fields("title", "room of " + anchor.id(), "notice", "", "anchor", anchor.id(), "anchor_nick", "A", "mode", mode,
                "extends", "{\"userNick\":\"A\"}", "im_server", imServer);
    }

    @Test
    void aliyunNewGetsASignedTokenWithExactlyTheDocumentedKeys() {
        User user = aui.newUser();
        Instant before = Instant.now();

        Reply reply = v2("token", user, fields("user_id", user.id(), "device_id", "dev-1", "device_type", "web",
                "im_server", List.of("aliyun_new"), "role", "admin"));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Set.of("code", "aliyun_new_im"), reply.json().keySet());
        Map<String, Object> im = reply.object("aliyun_new_im");
        assertEquals(Set.of("app_id", "app_sign", "app_token", "auth"), im.keySet());
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) im.get("auth");
        assertEquals(Set.of("user_id", "nonce", "timestamp", "role"), auth.keySet());
        var app = aliyun().credentials();
        assertEquals(app.imAppId(), im.get("app_id"));
        assertEquals(app.imAppSign(), im.get("app_sign"));
        assertEquals(user.id(), auth.get("user_id"));
        assertEquals("admin", auth.get("role"));
        long timestamp = ((Number) auth.get("timestamp")).longValue();
        long twoDays = before.getEpochSecond() + 2 * 86_400;
        assertTrue(timestamp >= twoDays && timestamp <= twoDays + 60, "expires in two days: " + timestamp);
        assertEquals(AuiClientSessionsApiTest.sha256Hex(app.imAppId() + app.imAppKey() + user.id() + auth.get("nonce")
                + timestamp + "admin"), im.get("app_token"));
        assertFalse(reply.body().contains(app.imAppKey()), "the app key never leaves the gateway");

        Reply again = v2("token", user, tokenBody(user, List.of("aliyun_new")));
        assertNotEquals(auth.get("nonce"), ((Map<?, ?>) again.object("aliyun_new_im").get("auth")).get("nonce"));
        assertEquals("", ((Map<?, ?>) again.object("aliyun_new_im").get("auth")).get("role"), "no role signs as \"\"");
    }

    @Test
    void aliyunOldGetsTheDeviceTokenPairThatRefreshes() {
        User user = aui.newUser();

        Reply reply = v2("token", user, tokenBody(user, List.of("aliyun_old")));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Set.of("code", "aliyun_old_im"), reply.json().keySet());
        Map<String, Object> old = reply.object("aliyun_old_im");
        assertEquals(Set.of("access_token", "refresh_token"), old.keySet());
        Reply refreshed = aui.call("refresh_token", null, fields("refresh_token", old.get("refresh_token")));
        assertEquals(200, refreshed.status(), refreshed.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "empty", "rongyun", "mixed", "string"})
    void imServerMustListAliyunNewOrOld(String variant) {
        User user = aui.newUser();
        Object imServer = switch (variant) {
            case "missing" -> null;
            case "empty" -> List.of();
            case "rongyun" -> List.of("rongyun");
            case "mixed" -> List.of("aliyun_new", "x");
            default -> "aliyun_new";
        };

        assertError(v2("token", user, tokenBody(user, imServer)), 400, "im_server");
        assertError(v2("create", user, createBody(user, 1, imServer)), 400, "im_server");
    }

    @Test
    void tokensAreForTheCallerOnly() {
        User user = aui.newUser();
        User other = aui.newUser();

        assertError(v2("token", user, tokenBody(other, List.of("aliyun_new"))), 403, null);
        assertError(v2("token", null, tokenBody(user, List.of("aliyun_new"))), 401, null);
    }

    @Test
    void aliyunNewCreatesTheRoomsMessageGroupSignedAndBecomesItsChatId() {
        User anchor = aui.newUser();
        int mark = aliyun().requests().size();

        Reply created = v2("create", anchor, createBody(anchor, 0, List.of("aliyun_new")));

        assertEquals(200, created.status(), created.body());
        String id = created.text("id");
        String group = id.replace("-", "");
        assertEquals(group, created.text("chat_id"));
        assertEquals("aliyun", created.text("vendor"), "AUI rooms go to rtcgate.routing.aui");
        List<RecordedRequest> calls = requestsSince(aliyun(), mark);
        assertEquals(1, calls.size(), calls.toString());
        RecordedRequest call = calls.get(0);
        assertEquals("CreateLiveMessageGroup", call.action());
        assertEquals(200, call.status(), "the emulator verified the RPC signature");
        Map<String, String> parameters = rpcParameters(call);
        assertEquals(aliyun().credentials().imAppId(), parameters.get("AppId"));
        assertEquals(group, parameters.get("GroupId"));
        assertEquals(anchor.id(), parameters.get("CreatorId"));
        assertEquals(aliyun().credentials().accessKeyId(), parameters.get("AccessKeyId"));
        assertEquals("HMAC-SHA1", parameters.get("SignatureMethod"));
        assertTrue(aliyun().messageGroups().containsKey(group));
        assertEquals(group, aui.roomActionOk("get", anchor, id).get("chat_id"));
    }

    @Test
    void aliyunOldAloneCreatesNoGroupAndTheChatIsTheRoomId() {
        User anchor = aui.newUser();
        int mark = aliyun().requests().size();

        Reply created = v2("create", anchor, createBody(anchor, 0, List.of("aliyun_old")));

        assertEquals(200, created.status(), created.body());
        assertEquals(created.text("id"), created.text("chat_id"));
        assertEquals(List.of(), requestsSince(aliyun(), mark));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SERVER_ERROR", "THROTTLE", "CONNECTION_REFUSED"})
    void noGroupNoRoom(String fault) {
        User anchor = aui.newUser();
        aliyun().faults().failNext(FaultKind.valueOf(fault), 1);

        Reply created = v2("create", anchor, createBody(anchor, 1, List.of("aliyun_new")));

        assertEquals(502, created.status(), created.body());
        assertEquals("aliyun", ((Map<?, ?>) created.json().get("details")).get("vendor"));
        assertEquals("create message group", ((Map<?, ?>) created.json().get("details")).get("operation"));
        assertEquals(List.of(), roomsOf(anchor), "no room was stored");
    }

    @Test
    void deletingTheRoomDeletesItsGroup() {
        User anchor = aui.newUser();
        Reply created = v2("create", anchor, createBody(anchor, 1, List.of("aliyun_new")));
        String group = created.text("chat_id");

        aui.roomActionOk("delete", anchor, created.text("id"));

        assertFalse(aliyun().messageGroups().containsKey(group));
        assertTrue(aliyun().deletedMessageGroups().contains(group));
        assertTrue(cleanups.pending().stream().noneMatch(cleanup -> cleanup.target().equals(group)));
    }

    @Test
    void aFailedGroupDeletionIsQueuedAndRetriedUntilItSucceeds() {
        User anchor = aui.newUser();
        Reply created = v2("create", anchor, createBody(anchor, 1, List.of("aliyun_new")));
        String group = created.text("chat_id");
        aliyun().faults().failNext(FaultKind.SERVER_ERROR, 2);

        aui.roomActionOk("delete", anchor, created.text("id"));

        assertEquals(404, aui.roomAction("get", anchor, created.text("id")).status(), "the room is gone at once");
        VendorCleanup queued = cleanups.pending().stream().filter(cleanup -> cleanup.target().equals(group)).findFirst()
                .orElseThrow(() -> new AssertionError("the deletion of " + group + " was not queued"));
        assertEquals("message-group.delete", queued.kind());
        assertEquals("aliyun", queued.vendor().wireName());
        assertTrue(queued.attempts() >= 1, queued.toString());
        assertTrue(queued.lastError().contains("server error"), queued.lastError());
        assertTrue(aliyun().messageGroups().containsKey(group), "the first attempt failed");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (aliyun().messageGroups().containsKey(group) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
        assertFalse(aliyun().messageGroups().containsKey(group), "the retrier deleted the group");
        while (cleanups.pending().stream().anyMatch(cleanup -> cleanup.target().equals(group)) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
        assertTrue(cleanups.pending().stream().noneMatch(cleanup -> cleanup.target().equals(group)), "and it left the queue");
        List<RecordedRequest> deletes = aliyun().requests().stream()
                .filter(request -> "DeleteLiveMessageGroup".equals(request.action()))
                .filter(request -> group.equals(rpcParametersOrEmpty(request).get("GroupId")))
                .toList();
        assertEquals(List.of(503, 503, 200), deletes.stream().map(RecordedRequest::status).toList(),
                "failed twice, then deleted once");
    }

    @Test
    void v1CreateKeepsTheRoomIdAsChatAndGoesToAliyun() {
        User anchor = aui.newUser();

        Map<String, Object> room = aui.createRoom(anchor);

        assertEquals(room.get("id"), room.get("chat_id"));
        assertEquals("aliyun", room.get("vendor"));
        assertNull(room.get("link_info"));
    }

    /** The ids of the rooms {@code anchor} anchors. */
    private List<String> roomsOf(User anchor) {
        Reply page = aui.list(anchor, 1, 100, null);
        assertEquals(200, page.status(), page.body());
        return page.list().stream().filter(room -> anchor.id().equals(room.get("anchor_id"))).map(room -> (String) room.get("id"))
                .toList();
    }

    /** Injected faults on the emulator are recorded with the raw query only for those that reached it. */
    private static Map<String, String> rpcParametersOrEmpty(RecordedRequest request) {
        return request.query() == null ? Map.of() : rpcParameters(request);
    }
}
