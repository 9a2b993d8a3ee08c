package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Demo login, the tokens the AUI clients' re-login depends on (401, never 403; login ignores a stale
 * Authorization), {@code getRtcAuthToken}, each caller's {@code link_info}, and the routing of AUI rooms.
 */
@MicronautTest
class AuiSessionsAndLinksApiTest extends VendorApiTestBase {

    /** application-test.yml's JWT secret. */
    private static final String SECRET = "rtcgate-tests-only-hs256-secret-0123456789abcdef";

    private Reply login(String username, String password, String bearer) {
        return wire.post("/api/v1/live/login", bearer, wire.toJson(fields("username", username, "password", password)));
    }

    // ---- demo login ----

    @Test
    void aNewUsernameLogsInWithItselfAsPasswordHoweverShortAndThenIsAUser() {
        String name = "d" + WireClient.uniqueUser("").substring(1, 6);

        Reply first = login(name, name, null);
        assertEquals(200, first.status(), first.body());
        assertEquals(200L, ((Number) first.json().get("code")).longValue());
        assertTrue(((String) first.json().get("expire")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), first.body());

        assertEquals(200, login(name, name, null).status(), "the demo user logs in again");
        assertError(login(name, name + "-other", null), 401, null);
        Reply room = aui.create(new User(name, first.text("token")), fields("anchor", name, "title", "demo"));
        assertEquals(200, room.status(), room.body());
    }

    @Test
    void demoLoginOpensNoAccountThatHasARealPassword() {
        User user = aui.newUser();

        assertError(login(user.id(), user.id(), null), 401, null);
        assertError(login("admin", "admin", null), 401, null);
    }

    // ---- tokens ----

    @ParameterizedTest
    @ValueSource(strings = {"live", "expired", "forged", "garbage"})
    void loginIgnoresAnyAuthorizationHeader(String kind) throws JOSEException {
        User user = aui.newUser();
        Reply reply = login(user.id(), "password-1", badToken(kind, user.id()));

        assertEquals(200, reply.status(), reply.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "forged", "garbage"})
    void anExpiredOrForgedTokenIs401EverywhereElse(String kind) throws JOSEException {
        User user = aui.newUser();
        String id = (String) aui.createRoom(user).get("id");
        String bad = badToken(kind, user.id());

        for (String endpoint : List.of("get", "start", "list", "update", "getMeetingInfo")) {
            Reply reply = wire.post("/api/v1/live/" + endpoint, bad,
                    wire.toJson(fields("id", id, "user_id", user.id(), "page_num", 1, "page_size", 10)));
            assertEquals(401, reply.status(), endpoint + ": " + reply.body());
        }
        Reply v2 = wire.post("/api/v2/live/token", bad, wire.toJson(fields("user_id", user.id(), "device_id", "d",
                "device_type", "ios", "im_server", List.of("aliyun_new"))));
        assertEquals(401, v2.status(), v2.body());
    }

    private static String badToken(String kind, String user) throws JOSEException {
        return switch (kind) {
            case "live" -> "live";
            case "garbage" -> "not.a.jwt";
            case "expired" -> sign(SECRET, user, Instant.now().minusSeconds(3600));
            default -> sign("another-secret-of-at-least-thirty-two-bytes!", user, Instant.now().plusSeconds(3600));
        };
    }

    private static String sign(String secret, String user, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("rtcgate").subject(user)
                .issueTime(Date.from(expires.minusSeconds(7200))).expirationTime(Date.from(expires))
                .claim("token_use", "session").claim("roles", List.of("USER")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    // ---- getRtcAuthToken ----

    @Test
    void getRtcAuthTokenIsADaysArtcTokenForTheCallerOnTheRoomsChannel() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) aui.createRoom(anchor, 1).get("id");

        Reply reply = aui.call("getRtcAuthToken", viewer, fields("room_id", id, "user_id", viewer.id()));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(java.util.Set.of("auth_token", "timestamp"), reply.json().keySet());
        long timestamp = ((Number) reply.json().get("timestamp")).longValue();
        assertTrue(Math.abs(timestamp - (Instant.now().getEpochSecond() + 86_400)) < 60, "valid for a day: " + timestamp);
        String token = reply.text("auth_token");
        aliyun().tokenVerifier().verify(token, id + "-1", viewer.id());
        String json = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"timestamp\":" + timestamp), json);
    }

    @Test
    void getRtcAuthTokenIsForOnesOwnUserAndRoomsThatExist() {
        User user = aui.newUser();
        User other = aui.newUser();
        String id = (String) aui.createRoom(user, 1).get("id");

        assertError(aui.call("getRtcAuthToken", user, fields("room_id", id, "user_id", other.id())), 403, null);
        assertError(aui.call("getRtcAuthToken", user, fields("room_id", "no-such-room", "user_id", user.id())), 404, null);
        assertError(aui.call("getRtcAuthToken", user, fields("user_id", user.id())), 400, "room_id");
    }

    // ---- link_info ----

    @Test
    void everyCallerGetsTheirOwnLinksIntoACoHostRoomAndOnlyThere() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String coHost = (String) aui.createRoom(anchor, 1).get("id");
        String normal = (String) aui.createRoom(anchor, 0).get("id");

        Map<String, Object> seen = aui.roomActionOk("get", viewer, coHost);
        Map<String, Object> links = castMap(seen.get("link_info"));
        String push = (String) links.get("rtc_push_url");
        assertTrue(push.startsWith("artc://live.aliyun.com/push/" + coHost + "-1?sdkAppId=" + aliyun().credentials().artcAppId()
                + "&userId=" + viewer.id() + "&timestamp="), push);
        assertEquals(push.replace("/push/", "/play/"), links.get("rtc_pull_url"));
        assertNotNull(links.get("cdn_pull_info"));
        assertNull(seen.get("push_url_info"), "the anchor's CDN push stays the anchor's");
        assertNull(aui.roomActionOk("get", viewer, normal).get("link_info"));

        Reply lobby = aui.list(viewer, 1, 100, null);
        for (Map<String, Object> room : lobby.list()) {
            boolean expected = ((Number) room.get("mode")).intValue() == 1 && "aliyun".equals(room.get("vendor"));
            assertEquals(expected, room.get("link_info") != null, "room " + room.get("id"));
            if (expected) {
                assertTrue(((String) castMap(room.get("link_info")).get("rtc_push_url")).contains("&userId=" + viewer.id() + "&"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        assertTrue(value instanceof Map, "not an object: " + value);
        return (Map<String, Object>) value;
    }

    // ---- routing of AUI rooms ----

    @Test
    void auiRoomsGoToAliyunWhateverRtcRoutingPrefers() {
        User anchor = aui.newUser();

        assertEquals("aliyun", aui.createRoom(anchor).get("vendor"));
        Reply nativeRoom = createRoom(anchor, fields("title", "native"));
        assertEquals("agora", nativeRoom.text("vendor"), "the native API keeps rtcgate.routing.rtc");
    }

    @Test
    void withAliyunOutOfServiceNoAuiRoomCanBeCreated() {
        User anchor = aui.newUser();
        setVendorStateOk("aliyun", "draining");

        Reply refused = aui.create(anchor, fields("anchor", anchor.id(), "title", "nowhere"));

        assertError(refused, 503, null);
        assertTrue(refused.text("message").contains("AUI rooms") && refused.text("message").contains("rtcgate.routing.aui"),
                refused.text("message"));
        assertEquals("agora", createRoom(anchor, fields("title", "native")).text("vendor"));
    }
}
