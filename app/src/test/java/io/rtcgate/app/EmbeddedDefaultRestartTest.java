package io.rtcgate.app;

import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.ExpectedStreamUrls;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as an operator first meets it: no database server, no secrets configured. It
 * boots its own PostgreSQL and generates its secrets in the data directory, and a restart on the same
 * directory finds the rooms, the users and the secrets again. Runs outside the "test" environment, so
 * none of application-test.yml applies, and says {@code datasources.default.url: embedded} explicitly so
 * that an external database in the environment (as in CI) does not take over.
 */
class EmbeddedDefaultRestartTest {

    private static final List<String> SECRETS = List.of("jwt-secret", "aliyun-push-auth-key", "aliyun-play-auth-key",
            "aliyun-callback-auth-key");

    @TempDir
    Path dataDir;

    @Test
    void roomsUsersAndGeneratedSecretsSurviveARestart() throws Exception {
        String username = WireClient.uniqueUser("restart");
        String[] sessionToken = new String[1];
        String[] roomId = new String[1];

        runGateway(aui -> {
            // open registration is on by default in the embedded mode: the first login creates the user
            User anchor = new User(username, aui.wire().login(username, AuiClient.PASSWORD));
            sessionToken[0] = anchor.token();
            Map<String, Object> room = aui.createRoom(anchor);
            roomId[0] = (String) room.get("id");
            aui.roomActionOk("start", anchor, roomId[0]);
            assertSignedWithGeneratedKeys(room);
        });
        Map<String, String> secretsAfterFirstRun = readSecrets();

        runGateway(aui -> {
            User anchor = new User(username, sessionToken[0]);
            Map<String, Object> room = aui.roomActionOk("get", anchor, roomId[0]);
            assertEquals("room of " + username, room.get("title"));
            assertEquals(1L, number(room.get("status")), "the room is still live");
            assertEquals(1L, number(room.get("version")));
            assertSignedWithGeneratedKeys(room);

            assertEquals(200, aui.call("login", null, fields("username", username, "password", AuiClient.PASSWORD)).status());
            Reply wrongPassword = aui.call("login", null, fields("username", username, "password", "not-the-password"));
            assertEquals(401, wrongPassword.status(), "the user was kept, not registered again");
        });

        assertEquals(secretsAfterFirstRun, readSecrets(), "secrets are generated once and then kept");
        assertTrue(secretsAfterFirstRun.get("jwt-secret").getBytes(StandardCharsets.UTF_8).length >= 32,
                "an HS256 secret has at least 256 bits");
        assertTrue(isSignedWith(sessionToken[0], secretsAfterFirstRun.get("jwt-secret")),
                "sessions are signed with the generated secret");
    }

    @Test
    void generatedSecretsAreReadableByTheOwnerOnly() throws IOException {
        // every secret is made at start-up; a room is created to use them once
        runGateway(aui -> aui.createRoom(aui.newUser()));

        for (String secret : SECRETS) {
            Path file = dataDir.resolve("secrets").resolve(secret);
            assertTrue(Files.isRegularFile(file), secret + " was not generated");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), secret);
        }
    }

    /** Boots the gateway in the embedded default on {@link #dataDir}, runs {@code session}, and shuts it down. */
    private void runGateway(Consumer<AuiClient> session) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", "embedded");
        properties.put("rtcgate.embedded.data-dir", dataDir.toString());
        properties.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.builder()
                .environments("restart-test")
                .deduceEnvironment(false) // else running under JUnit would add "test" and its jwt-secret
                .properties(properties)
                .run(EmbeddedServer.class);
        try (ApplicationContext context = server.getApplicationContext()) {
            session.accept(new AuiClient(new WireClient(server, context.getBean(JsonMapper.class))));
        }
    }

    /** The room's URLs are signed on the embedded default's domains with the keys kept in the data directory. */
    private void assertSignedWithGeneratedKeys(Map<String, Object> room) {
        Map<String, String> secrets = readSecrets();
        var expected = new ExpectedStreamUrls("push.rtcgate.localhost", "play.rtcgate.localhost", "live",
                secrets.get("aliyun-push-auth-key"), secrets.get("aliyun-play-auth-key"));
        expected.assertPushUrls(room);
        expected.assertPullUrls(room);
    }

    private Map<String, String> readSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : SECRETS) {
            try {
                secrets.put(name, Files.readString(dataDir.resolve("secrets").resolve(name)).trim());
            } catch (IOException e) {
                throw new AssertionError("secret " + name + " is missing", e);
            }
        }
        return secrets;
    }

    private static boolean isSignedWith(String jwt, String secret) throws ParseException, JOSEException {
        return SignedJWT.parse(jwt).verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
