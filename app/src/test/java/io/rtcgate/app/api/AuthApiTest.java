package io.rtcgate.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest
class AuthApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    WireClient api;

    @BeforeEach
    void setUp() {
        api = new WireClient(server, json);
    }

    @Test
    void loginReturnsAnHs256SessionTokenWithAnRfc3339Expiry() {
        Reply reply = api.post("/api/v1/live/login", null,
                api.toJson(Map.of("username", WireClient.uniqueUser("u"), "password", "password-1")));

        assertEquals(200, reply.status());
        assertEquals(200, reply.json().get("code"));
        String header = new String(Base64.getUrlDecoder().decode(reply.text("token").split("\\.")[0]), StandardCharsets.UTF_8);
        assertEquals("{\"alg\":\"HS256\"}", header);
        assertTrue(OffsetDateTime.parse(reply.text("expire")).isAfter(OffsetDateTime.now()));
    }

    @Test
    void unsignedTokensAreRejected() {
        String user = WireClient.uniqueUser("u");
        api.login(user, "password-1");
        String unsigned = base64Url("{\"alg\":\"none\"}") + "."
                + base64Url("{\"sub\":\"" + user + "\",\"token_use\":\"session\",\"exp\":4102444800}") + ".";

        Reply reply = api.post("/api/v1/live/list", unsigned, "{\"user_id\":\"" + user + "\",\"page_num\":1,\"page_size\":1}");

        assertEquals(401, reply.status());
        assertEquals(401, reply.json().get("code"));
    }

    @Test
    void tokensSignedWithAnotherKeyAreRejected() {
        String user = WireClient.uniqueUser("u");
        String token = api.login(user, "password-1");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + base64Url("not-the-signature-of-this-token-at-all");

        assertEquals(401, api.post("/api/v1/live/list", forged, "{\"user_id\":\"" + user + "\",\"page_num\":1,\"page_size\":1}").status());
    }

    @Test
    void wrongPasswordIsRejectedAndRepeatedFailuresAreThrottled() {
        String user = WireClient.uniqueUser("u");
        api.login(user, "password-1");
        String wrong = api.toJson(Map.of("username", user, "password", "not-the-password"));

        // application-test.yml allows 3 failures in a row
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.post("/api/v1/live/login", null, wrong).status());
        }
        Reply locked = api.post("/api/v1/live/login", null, api.toJson(Map.of("username", user, "password", "password-1")));

        assertEquals(429, locked.status());
        assertTrue(Integer.parseInt(locked.raw().headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void anAccessTokenCannotCallTheApiAndARefreshTokenWorksExactlyOnce() {
        String user = WireClient.uniqueUser("u");
        String session = api.login(user, "password-1");
        Reply pair = api.post("/api/v1/live/token", session,
                api.toJson(Map.of("user_id", user, "device_id", "phone-1", "device_type", "ios")));
        assertEquals(200, pair.status());
        String access = pair.text("access_token");
        String refresh = pair.text("refresh_token");

        assertEquals(401, api.post("/api/v1/live/list", access, "{\"user_id\":\"" + user + "\",\"page_num\":1,\"page_size\":1}").status());
        assertEquals(401, api.post("/api/v1/live/refresh_token", null, api.toJson(Map.of("refresh_token", access))).status());

        Reply renewed = api.post("/api/v1/live/refresh_token", null, api.toJson(Map.of("refresh_token", refresh)));
        assertEquals(200, renewed.status());
        assertNotEquals(refresh, renewed.text("refresh_token"));

        assertEquals(401, api.post("/api/v1/live/refresh_token", null, api.toJson(Map.of("refresh_token", refresh))).status());
        // replaying the used token revoked its whole family, the renewed token included
        assertEquals(401, api.post("/api/v1/live/refresh_token", null,
                api.toJson(Map.of("refresh_token", renewed.text("refresh_token")))).status());
    }

    @Test
    void onlyAdminsCreateUsers() {
        String admin = api.login("admin", "admin-password-1");
        String newUser = WireClient.uniqueUser("made");
        Reply created = api.post("/v1/users", admin, api.toJson(Map.of("username", newUser, "password", "password-2")));
        assertEquals(201, created.status());
        assertEquals("user", created.text("role"));

        String plain = api.login(WireClient.uniqueUser("u"), "password-1");
        Reply refused = api.post("/v1/users", plain, api.toJson(Map.of("username", WireClient.uniqueUser("x"), "password", "password-2")));
        assertEquals(403, refused.status());
        assertEquals(403, refused.json().get("code"));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
