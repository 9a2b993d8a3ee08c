package io.rtcgate.app.api;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.testkit.Concurrently;
import io.rtcgate.testkit.Concurrently.Outcome;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AUI {@code /login}, {@code /token} and {@code /refresh_token}. */
@MicronautTest
class AuiSessionApiTest extends AuiApiTestBase {

    private static final Duration SESSION_TTL = Duration.ofHours(24);
    private static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);
    private static final int RACERS = 8;

    // ---- login -----------------------------------------------------------------------------------

    @Test
    void loginAnswersCodeTokenAndExpireAsTheAuiAuthResponse() throws ParseException {
        String username = WireClient.uniqueUser("login");
        Instant before = Instant.now();

        Reply reply = aui.call("login", null, fields("username", username, "password", AuiClient.PASSWORD));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Set.of("code", "token", "expire"), reply.json().keySet());
        assertEquals(200, reply.json().get("code"));
        String expire = reply.text("expire");
        assertTrue(expire.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "expire is not RFC 3339 UTC seconds: " + expire);
        assertNear(before.plus(SESSION_TTL), Instant.parse(expire));

        JWTClaimsSet claims = claimsOf(reply.text("token"));
        assertEquals(username, claims.getSubject());
        assertEquals("rtcgate", claims.getIssuer());
        assertEquals("session", claims.getClaim("token_use"));
        assertEquals(List.of("USER"), claims.getStringListClaim("roles"));
        assertEquals(Instant.parse(expire), claims.getExpirationTime().toInstant());
    }

    @Test
    void anExistingUserLogsInWithTheirPasswordOnly() {
        User user = aui.newUser();

        assertEquals(200, aui.call("login", null, fields("username", user.id(), "password", AuiClient.PASSWORD)).status());
        assertError(aui.call("login", null, fields("username", user.id(), "password", "another-password")), 401, null);
    }

    @Test
    void loginNeedsUsernameAndPassword() {
        assertError(aui.call("login", null, fields("password", AuiClient.PASSWORD)), 400, "username");
        assertError(aui.call("login", null, fields("username", WireClient.uniqueUser("u"))), 400, "password");
        assertError(aui.call("login", null, fields("username", WireClient.uniqueUser("u"), "password", "")), 400, "password");
    }

    @Test
    void openRegistrationChecksTheNewUsernameAndPassword() {
        assertError(aui.call("login", null, fields("username", "not a valid name!", "password", AuiClient.PASSWORD)),
                400, "username");
        assertError(aui.call("login", null, fields("username", "u".repeat(33), "password", AuiClient.PASSWORD)),
                400, "username");
        assertError(aui.call("login", null, fields("username", WireClient.uniqueUser("u"), "password", "short")),
                400, "password");
    }

    // ---- token -----------------------------------------------------------------------------------

    @Test
    void tokenIssuesADeviceAccessTokenAndARefreshToken() throws ParseException {
        User user = aui.newUser();
        Instant before = Instant.now();

        Reply reply = token(user, fields("user_id", user.id(), "device_id", "phone-1", "device_type", "android"));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Set.of("access_token", "refresh_token"), reply.json().keySet());
        JWTClaimsSet access = claimsOf(reply.text("access_token"));
        assertEquals(user.id(), access.getSubject());
        assertEquals("access", access.getClaim("token_use"));
        assertEquals("phone-1", access.getClaim("device_id"));
        assertEquals("android", access.getClaim("device_type"));
        assertNear(before.plus(ACCESS_TOKEN_TTL), access.getExpirationTime().toInstant());
        assertTrue(reply.text("refresh_token").matches("[A-Za-z0-9_-]{43}"), "refresh token: 32 random bytes, base64url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"android", "ios", "web", "win", "mac"})
    void everyAuiDeviceTypeIsAccepted(String deviceType) throws ParseException {
        User user = aui.newUser();

        Reply reply = token(user, fields("user_id", user.id(), "device_id", "d", "device_type", deviceType));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(deviceType, claimsOf(reply.text("access_token")).getClaim("device_type"));
    }

    @Test
    void tokenNeedsAKnownDeviceType() {
        User user = aui.newUser();

        assertError(token(user, fields("user_id", user.id(), "device_id", "d")), 400, "device_type");
        assertError(token(user, fields("user_id", user.id(), "device_id", "d", "device_type", "symbian")), 400, "device_type");
        assertError(token(user, fields("user_id", user.id(), "device_id", "d", "device_type", "IOS")), 400, "device_type");
    }

    @Test
    void tokenNeedsTheUserIdAndADeviceId() {
        User user = aui.newUser();

        assertError(token(user, fields("device_id", "d", "device_type", "web")), 400, "user_id");
        assertError(token(user, fields("user_id", user.id(), "device_type", "web")), 400, "device_id");
        assertError(token(user, fields("user_id", user.id(), "device_id", "d".repeat(129), "device_type", "web")),
                400, "device_id");
    }

    @Test
    void nobodyGetsTokensForAnotherUsersDevice() {
        User user = aui.newUser();
        User other = aui.newUser();

        assertError(token(user, fields("user_id", other.id(), "device_id", "d", "device_type", "web")), 403, null);
    }

    // ---- refresh_token ---------------------------------------------------------------------------

    @Test
    void aRefreshTokenBuysANewPairForTheSameDeviceAndEachNewOneWorksOnce() throws ParseException {
        User user = aui.newUser();
        String refresh = token(user, fields("user_id", user.id(), "device_id", "tablet", "device_type", "ios"))
                .text("refresh_token");

        for (int generation = 1; generation <= 3; generation++) {
            Reply renewed = aui.call("refresh_token", null, fields("refresh_token", refresh));
            assertEquals(200, renewed.status(), "generation " + generation + ": " + renewed.body());
            JWTClaimsSet access = claimsOf(renewed.text("access_token"));
            assertEquals(user.id(), access.getSubject());
            assertEquals("tablet", access.getClaim("device_id"));
            assertEquals("ios", access.getClaim("device_type"));
            assertNotEquals(refresh, renewed.text("refresh_token"));
            refresh = renewed.text("refresh_token");
        }
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenExactlyOneGetsThrough() {
        for (int round = 0; round < 3; round++) {
            User user = aui.newUser();
            String refresh = token(user, fields("user_id", user.id(), "device_id", "d", "device_type", "web"))
                    .text("refresh_token");

            List<Outcome<Integer>> outcomes = Concurrently.run(RACERS, () -> refresh,
                    used -> aui.call("refresh_token", null, fields("refresh_token", used)).status());

            List<Integer> statuses = outcomes.stream().map(Outcome::value).sorted().toList();
            List<Integer> expected = new ArrayList<>(Collections.nCopies(RACERS - 1, 401));
            expected.add(0, 200);
            assertEquals(expected, statuses, "round " + round);
        }
    }

    @Test
    void refreshNeedsAKnownRefreshToken() {
        assertError(aui.call("refresh_token", null, fields()), 400, "refresh_token");
        assertError(aui.call("refresh_token", null, fields("refresh_token", "no-such-token")), 401, null);
    }

    private Reply token(User as, Map<String, Object> body) {
        return aui.call("token", as, body);
    }

    private static JWTClaimsSet claimsOf(String jwt) throws ParseException {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    private static void assertNear(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(CLOCK_SLACK) <= 0,
                "expected about " + expected + " but was " + actual);
    }
}
