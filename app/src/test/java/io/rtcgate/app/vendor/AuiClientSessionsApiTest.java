package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.ExpectedStreamUrls;
import io.rtcgate.app.vendor.AuiClientModels.AppServerToken;
import io.rtcgate.app.vendor.AuiClientModels.ImTokenAnswer;
import io.rtcgate.app.vendor.AuiClientModels.MeetingInfo;
import io.rtcgate.app.vendor.AuiClientModels.RoomInfo;
import io.rtcgate.emulator.aliyun.AliyunEmulatorCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The exact call sequences of the shipped AUI apps (aui-clients.md §1-§3), each answer read with the
 * app's own strictness: Android's Jackson models, iOS's pretty-printed bodies and early {@code Bearer live},
 * the Web page's CORS preflight and {@code code == 200}. Every success must be exactly HTTP 200 with JSON.
 */
@MicronautTest
class AuiClientSessionsApiTest extends VendorApiTestBase {

    private static final String V1 = "/api/v1/live/";
    private static final String V2 = "/api/v2/live/";
    /** Web dev servers run on localhost: pages from elsewhere may not reach a gateway on localhost at all. */
    private static final String WEB_ORIGIN = "http://localhost:5173";

    private final HttpClient http = HttpClient.newHttpClient();

    /** One client's HTTP session: its headers, its token, pretty or compact JSON. */
    private final class App {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final boolean pretty;
        private String token;

        App(boolean pretty) {
            this.pretty = pretty;
        }

        App header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A call that must succeed: exactly 200 with a JSON body. */
        String ok(String path, Map<String, ?> body) {
            HttpResponse<String> response = post(path, body);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertFalse(response.body().isBlank(), path + " answered no body");
            return response.body();
        }

        HttpResponse<String> post(String path, Map<String, ?> body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(pretty ? prettyJson(body) : wire.toJson(body)));
            headers.forEach(request::header);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return send(request.build());
        }
    }

    @Test
    void aStockAndroidSessionParsesEveryAnswerWithTheAppsOwnModels() {
        String user = ("android" + UUID.randomUUID().toString().replace("-", "")).substring(0, 24);
        App android = new App(false).header("x-live-env", "production");

        AppServerToken login = AuiClientModels.read(android.ok(V1 + "login", fields("username", user, "password", user)),
                AppServerToken.class);
        assertEquals(200, login.code());
        assertTrue(login.expire().toInstant().isAfter(Instant.now()), "expire is in the future: " + login.expire());
        android.token = login.token();

        ImTokenAnswer token = AuiClientModels.read(android.ok(V2 + "token", fields("user_id", user,
                "device_id", md5Hex(user), "device_type", "android", "im_server", List.of("aliyun_new"), "role", null)),
                ImTokenAnswer.class);
        AliyunEmulatorCredentials aliyunApp = aliyun().credentials();
        assertEquals(aliyunApp.imAppId(), token.aliyunNewIm().appId());
        assertEquals(user, token.aliyunNewIm().auth().userId());
        assertEquals("", token.aliyunNewIm().auth().role());
        assertEquals(sha256Hex(aliyunApp.imAppId() + aliyunApp.imAppKey() + user + token.aliyunNewIm().auth().nonce()
                + token.aliyunNewIm().auth().timestamp()), token.aliyunNewIm().appToken());
        assertNull(token.aliyunOldIm());

        String extendsJson = "{\"userNick\":\"安卓主播\",\"userAvatar\":\"\"}";
        RoomInfo created = AuiClientModels.read(android.ok(V2 + "create", fields("title", "Android live", "notice", "",
                "anchor", user, "anchor_nick", "安卓主播", "mode", 1, "extends", extendsJson,
                "im_server", List.of("aliyun_new"))), RoomInfo.class);
        assertEquals(created.id().replace("-", ""), created.chatId(), "the chat is the room's Aliyun IM group");
        assertTrue(aliyun().messageGroups().containsKey(created.chatId()));
        assertNotNull(created.linkInfo(), "the anchor opens a mode-1 room from the create answer: it needs link_info");
        assertNotNull(created.pushUrlInfo().rtmpUrl());
        assertEquals(extendsJson, created.extendsJson());
        assertCoHostLinks(created, user, user);

        android.ok(V1 + "update", fields("id", created.id(), "anchor", user, "title", "Android live", "notice", "",
                "extends", null));
        RoomInfo fetched = AuiClientModels.read(android.ok(V1 + "get", fields("id", created.id(), "user_id", user,
                "im_server", List.of("aliyun_new"))), RoomInfo.class);
        assertEquals(extendsJson, fetched.extendsJson(), "a null extends leaves it alone");

        RoomInfo started = AuiClientModels.read(android.ok(V1 + "start", fields("id", created.id(), "user_id", user)),
                RoomInfo.class);
        assertEquals(1, started.status());

        Map<String, Object> anchor = fields("camera_opened", true, "mic_opened", true, "user_id", user,
                "user_nick", "安卓主播", "user_avatar", null, "rtc_pull_url", created.linkInfo().rtcPullUrl());
        MeetingInfo updated = AuiClientModels.read(android.ok(V1 + "updateMeetingInfo",
                fields("id", created.id(), "members", List.of(anchor))), MeetingInfo.class);
        assertEquals(user, updated.members().get(0).userId());
        MeetingInfo meeting = AuiClientModels.read(android.ok(V1 + "getMeetingInfo", fields("id", created.id())), MeetingInfo.class);
        assertEquals("安卓主播", meeting.members().get(0).userNick());

        RoomInfo stopped = AuiClientModels.read(android.ok(V1 + "stop", fields("id", created.id(), "user_id", user)),
                RoomInfo.class);
        assertEquals(2, stopped.status());

        List<RoomInfo> lobby = AuiClientModels.readList(android.ok(V1 + "list", fields("user_id", user, "page_num", 1,
                "page_size", 10, "im_server", List.of("aliyun_new"))), RoomInfo.class);
        assertFalse(lobby.isEmpty());
        lobby.forEach(room -> assertNotNull(room.metrics(), "every list item has metrics"));
        lobby.forEach(room -> assertEquals(room.mode() == 1, room.linkInfo() != null, "link_info exactly on mode-1 rooms"));

        // Android logs in again with the saved username and its stale token after a 401
        AppServerToken again = AuiClientModels.read(android.ok(V1 + "login", fields("username", user, "password", user)),
                AppServerToken.class);
        assertEquals(200, again.code());
    }

    @Test
    void androidsStrictModelsReallyRefuseAnExtraKey() {
        // the strictness the test above relies on: one unknown key inside metrics fails the whole room
        String room = "{\"id\":\"r\",\"status\":0,\"mode\":0,\"metrics\":{\"like_count\":0,\"online_count\":0,\"pv\":0,\"uv\":0,\"x\":1}}";
        assertThrows(UncheckedIOException.class, () -> AuiClientModels.read(room, RoomInfo.class));
        assertThrows(UncheckedIOException.class, () -> AuiClientModels.read(
                "{\"aliyun_old_im\":{\"access_token\":\"a\",\"refresh_token\":\"b\",\"expires\":1}}", ImTokenAnswer.class));
        assertThrows(UncheckedIOException.class, () -> AuiClientModels.read("{\"id\":\"r\",\"extends\":{}}", RoomInfo.class));
    }

    @Test
    void aStockIosSessionSendsPrettyBodiesAndBearerLiveBeforeItHasAToken() {
        String user = ("ios" + UUID.randomUUID().toString().replace("-", "")).substring(0, 20);
        App ios = new App(true).header("accept", "application/json").header("x-live-env", "production");
        ios.token = "live";

        Map<String, Object> login = jsonObject(ios.ok(V1 + "login", fields("username", user, "password", user)));
        ios.token = (String) login.get("token");

        Map<String, Object> token = jsonObject(ios.ok(V2 + "token", fields("user_id", user, "device_id", "ios-device-1",
                "device_type", "ios", "im_server", List.of("aliyun_old", "aliyun_new"), "role", "user")));
        assertNotNull(token.get("aliyun_old_im"));
        assertEquals("user", ((Map<?, ?>) ((Map<?, ?>) token.get("aliyun_new_im")).get("auth")).get("role"));

        Map<String, Object> created = jsonObject(ios.ok(V2 + "create", fields("title", "iOS live", "notice", "",
                "anchor", user, "anchor_nick", user, "mode", 0, "extends", "{}", "im_server", List.of("aliyun_new"))));
        assertNull(created.get("link_info"), "mode-0 rooms carry no link_info");
        String id = (String) created.get("id");

        ios.ok(V1 + "update", fields("id", id, "notice", "changed"));
        assertEquals(1L, ((Number) jsonObject(ios.ok(V1 + "start", fields("id", id, "user_id", user))).get("status")).longValue());
        assertEquals("changed", jsonObject(ios.ok(V1 + "get", fields("id", id, "user_id", user, "im_server", List.of("aliyun_new"))))
                .get("notice"));
        assertEquals(2L, ((Number) jsonObject(ios.ok(V1 + "stop", fields("id", id, "user_id", user))).get("status")).longValue());
    }

    @Test
    void aWebPageOnAnotherOriginGetsItsPreflightsAnsweredAndCode200() {
        String user = ("web" + UUID.randomUUID().toString().replace("-", "")).substring(0, 20);
        for (String path : List.of(V1 + "login", V2 + "token", V1 + "list", V1 + "get", V1 + "getMeetingInfo")) {
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(server.getURI().resolve(path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", WEB_ORIGIN)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .build());
            assertEquals(200, preflight.statusCode(), path + ": " + preflight.body());
            assertEquals(WEB_ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
            String allowed = preflight.headers().allValues("Access-Control-Allow-Headers").toString().toLowerCase();
            assertTrue(allowed.contains("authorization") && allowed.contains("content-type"), path + ": " + allowed);
        }

        App web = new App(false).header("Origin", WEB_ORIGIN);
        HttpResponse<String> login = web.post(V1 + "login", fields("username", user, "password", user));
        assertEquals(200, login.statusCode(), login.body());
        assertEquals(WEB_ORIGIN, login.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        Map<String, Object> answer = jsonObject(login.body());
        assertEquals(200L, ((Number) answer.get("code")).longValue(), "the Web client throws unless code == 200");
        assertTrue(Instant.parse((String) answer.get("expire")).isAfter(Instant.now()));
        web.token = (String) answer.get("token");

        web.ok(V2 + "token", fields("user_id", user, "device_id", "browser", "device_type", "web", "im_server", List.of("aliyun_new")));
        HttpResponse<String> list = web.post(V1 + "list", fields("user_id", user, "page_num", 1, "page_size", 20,
                "im_server", List.of("aliyun_new")));
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(WEB_ORIGIN, list.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    /** link_info: ARTC URLs for {@code user} on the room's channel, and the mixed stream's signed CDN URLs. */
    private void assertCoHostLinks(RoomInfo room, String user, String anchorId) {
        AliyunEmulatorCredentials artc = aliyun().credentials();
        String channel = room.id() + "-1";
        String push = room.linkInfo().rtcPushUrl();
        String prefix = "artc://live.aliyun.com/push/" + channel + "?sdkAppId=" + artc.artcAppId() + "&userId=" + user
                + "&timestamp=";
        assertTrue(push.startsWith(prefix), push);
        long ts = Long.parseLong(push.substring(prefix.length(), push.indexOf("&token=")));
        long inADay = Instant.now().getEpochSecond() + 86_400;
        assertTrue(Math.abs(ts - inADay) < 60, "valid for a day: " + ts);
        String token = sha256Hex(artc.artcAppId() + artc.artcAppKey() + channel + user + ts);
        assertEquals(prefix + ts + "&token=" + token, push);
        assertEquals(push.replace("/push/", "/play/"), room.linkInfo().rtcPullUrl());
        String stream = artc.artcAppId() + "_" + channel + "_" + anchorId + "_camera";
        String rtmp = room.linkInfo().cdnPullInfo().rtmpUrl();
        assertEquals(ExpectedStreamUrls.TEST_CONFIG.rtmpPull(stream, ExpectedStreamUrls.timestampOf(rtmp)), rtmp);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Indented over several lines with spaces around the colons, as NSJSONSerialization's pretty printing writes it. */
    private String prettyJson(Map<String, ?> body) {
        String compact = wire.toJson(body);
        StringBuilder pretty = new StringBuilder();
        boolean inString = false;
        int depth = 0;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (c == '"' && (i == 0 || compact.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (inString) {
                pretty.append(c);
            } else if (c == '{' || c == '[') {
                pretty.append(c).append('\n').append("  ".repeat(++depth));
            } else if (c == '}' || c == ']') {
                pretty.append('\n').append("  ".repeat(--depth)).append(c);
            } else if (c == ',') {
                pretty.append(",\n").append("  ".repeat(depth));
            } else if (c == ':') {
                pretty.append(" : ");
            } else {
                pretty.append(c);
            }
        }
        return pretty.toString();
    }

    static String sha256Hex(String text) {
        return digest("SHA-256", text);
    }

    private static String md5Hex(String text) {
        return digest("MD5", text);
    }

    private static String digest(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
