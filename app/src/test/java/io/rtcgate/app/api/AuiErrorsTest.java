package io.rtcgate.app.api;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.ApiAssertions.assertStatusBody;
import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What goes wrong on the wire: unreadable bodies, missing or bad credentials, unknown paths, oversized
 * requests. Every error is a {@code models.Status} body with the HTTP status as its code, and none is a 500.
 */
@MicronautTest
class AuiErrorsTest extends AuiApiTestBase {

    /** Every AUI endpoint that needs a session token. */
    private static final String[] SECURED_ENDPOINTS = {"token", "create", "get", "list", "update", "delete", "start",
            "pause", "stop", "getMeetingInfo", "updateMeetingInfo"};

    @Value("${rtcgate.auth.jwt-secret}")
    String jwtSecret;

    // ---- unreadable bodies -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
            "create | {\"title\":",
            "create | not json at all",
            "create | [1,2,3]",
            "create | {\"title\":\"t\",\"mode\":\"one\"}",
            "create | {\"title\":\"t\",\"mode\":99999999999999}",
            "create | {\"title\":{\"nested\":true}}",
            "list   | {\"page_num\":\"x\",\"page_size\":10}",
            "list   | {\"page_num\":1.5,\"page_size\":10}",
            "get    | {\"id\":",
            "updateMeetingInfo | {\"id\":\"x\",\"members\":{}}",
            "token  | '{\"user_id\":1'",
    })
    void unreadableBodiesAreBadRequestsNeverServerErrors(String endpoint, String body) {
        Reply reply = aui.callRaw(endpoint, aui.newUser(), body);

        assertEquals(400, reply.status(), reply.body());
        assertStatusBody(reply, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "refresh_token"})
    void unreadableBodiesOfAnonymousEndpointsAreBadRequests(String endpoint) {
        Reply reply = aui.callRaw(endpoint, null, "{\"username\":");

        assertEquals(400, reply.status(), reply.body());
        assertStatusBody(reply, 400);
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        Reply reply = aui.callRaw("create", aui.newUser(), "");

        assertEquals(400, reply.status(), reply.body());
        assertStatusBody(reply, 400);
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWithoutAServerError() {
        User user = aui.newUser();
        String twoMegabytes = "{\"anchor\":\"" + user.id() + "\",\"title\":\"t\",\"extends\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        Reply reply = aui.callRaw("create", user, twoMegabytes);

        assertEquals(413, reply.status(), reply.body());
    }

    /**
     * PostgreSQL text cannot hold U+0000; a request carrying one (sent as a JSON escape) must be
     * refused as bad input, wherever the string would end up in a query.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "create            | {\"anchor\":\"$USER\",\"title\":\"nul\\u0000title\"}",
            "create            | {\"anchor\":\"$USER\",\"title\":\"t\",\"extends\":\"{\\u0000}\"}",
            "get               | {\"id\":\"nul\\u0000id\",\"user_id\":\"$USER\"}",
            "getMeetingInfo    | {\"id\":\"nul\\u0000id\"}",
            "token             | {\"user_id\":\"$USER\",\"device_id\":\"nul\\u0000device\",\"device_type\":\"web\"}",
            "refresh_token     | {\"refresh_token\":\"nul\\u0000token\"}",
            "login             | {\"username\":\"nul\\u0000user\",\"password\":\"password-1\"}",
    })
    void aNulCharacterInAStringIsABadRequestNotAServerError(String endpoint, String bodyTemplate) {
        User user = aui.newUser();

        Reply reply = aui.callRaw(endpoint, user, bodyTemplate.replace("$USER", user.id()));

        assertTrue(reply.status() >= 400 && reply.status() < 500, reply.status() + " " + reply.body());
        assertStatusBody(reply, reply.status());
    }

    // ---- credentials -----------------------------------------------------------------------------

    @Test
    void everySecuredEndpointNeedsABearerToken() {
        for (String endpoint : SECURED_ENDPOINTS) {
            Reply reply = aui.call(endpoint, null, fields("id", "x", "user_id", "x"));

            assertEquals(401, reply.status(), endpoint + ": " + reply.body());
            assertStatusBody(reply, 401);
        }
    }

    @Test
    void aTokenThatIsNotAJwtIsUnauthorized() {
        Reply reply = aui.call("list", new User("x", "not-a-jwt"), fields("user_id", "x", "page_num", 1, "page_size", 1));

        assertEquals(401, reply.status(), reply.body());
        assertStatusBody(reply, 401);
    }

    @Test
    void anExpiredSessionTokenIsUnauthorizedWhileTheSameTokenUnexpiredWorks() throws JOSEException {
        User user = aui.newUser();
        Map<String, Object> listBody = fields("user_id", user.id(), "page_num", 1, "page_size", 1);
        String live = sessionToken(user.id(), Instant.now().plusSeconds(600));
        String expired = sessionToken(user.id(), Instant.now().minusSeconds(60));

        assertEquals(200, aui.call("list", new User(user.id(), live), listBody).status(), "the self-signed token is valid");
        Reply reply = aui.call("list", new User(user.id(), expired), listBody);

        assertEquals(401, reply.status(), reply.body());
        assertStatusBody(reply, 401);
    }

    // ---- routing ---------------------------------------------------------------------------------

    @Test
    void anUnknownPathIsNotFoundForASignedInUser() {
        Reply reply = aui.call("no-such-endpoint", aui.newUser(), fields());

        assertEquals(404, reply.status(), reply.body());
        assertStatusBody(reply, 404);
    }

    @Test
    void anUnknownPathIsNotFoundForAnonymousCallersToo() {
        Reply reply = aui.wire().get("/no/such/page", null);

        assertEquals(404, reply.status(), reply.body());
        assertStatusBody(reply, 404);
    }

    @Test
    void aGetOnAPostEndpointIsMethodNotAllowed() {
        Reply reply = aui.wire().get(AuiClient.BASE + "list", aui.newUser().token());

        assertEquals(405, reply.status(), reply.body());
        assertStatusBody(reply, 405);
    }

    @Test
    void healthIsUpAndNeedsNoToken() {
        Reply reply = aui.wire().get("/health", null);

        assertEquals(200, reply.status(), reply.body());
        assertEquals("UP", reply.json().get("status"));
        assertEquals(null, reply.json().get("details"), "details are never shown");
    }

    @Test
    void healthAnswersExactlyStatusUp() {
        Reply reply = aui.wire().get("/health", null);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Map.of("status", "UP"), reply.json());
    }

    /** A session token signed here with the gateway's configured HS256 secret. */
    private String sessionToken(String userId, Instant expiresAt) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("rtcgate")
                .subject(userId)
                .issueTime(Date.from(expiresAt.minusSeconds(3600)))
                .expirationTime(Date.from(expiresAt))
                .claim("token_use", "session")
                .claim("roles", List.of("USER"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(jwtSecret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
