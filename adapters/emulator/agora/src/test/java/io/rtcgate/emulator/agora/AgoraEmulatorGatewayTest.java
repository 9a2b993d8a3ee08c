package io.rtcgate.emulator.agora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.emulator.FaultKind;
import io.rtcgate.emulator.RecordedRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Agora's API gateway checks before any operation: route, Basic auth, content type, app id. */
class AgoraEmulatorGatewayTest {

    private final AgoraEmulator emulator = AgoraEmulator.withRandomCredentials(Clock.systemUTC()).start();
    private final RestCalls rest = new RestCalls(emulator);
    private final String appId = emulator.credentials().appId();
    private final String validAuth = RestCalls.basicAuth(emulator.credentials().customerKey(), emulator.credentials().customerSecret());

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void missingAuthorizationIsUnauthorized() {
        RestCalls.Reply reply = rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null, Map.of());

        assertEquals(401, reply.status());
        assertEquals("{\"message\":\"Unauthorized\"}", reply.response().body());
    }

    @Test
    void anotherSchemeThanBasicIsUnauthorized() {
        RestCalls.Reply reply = rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null,
                Map.of("Authorization", "Bearer " + emulator.credentials().customerSecret()));

        assertEquals(401, reply.status());
        assertEquals("Unauthorized", RestCalls.text(reply.body(), "message"));
    }

    @Test
    void wrongSecretOrKeyIsInvalidCredentials() {
        var credentials = emulator.credentials();
        for (String auth : new String[] {
                RestCalls.basicAuth(credentials.customerKey(), "wrong-secret"),
                RestCalls.basicAuth("wrong-key", credentials.customerSecret()),
                "Basic not-base64!"}) {
            RestCalls.Reply reply = rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null, Map.of("Authorization", auth));

            assertEquals(401, reply.status(), auth);
            assertEquals("{\"message\":\"Invalid authentication credentials\"}", reply.response().body());
        }
    }

    @Test
    void unknownPathOrMethodMatchesNoRoute() {
        String[][] calls = {
                {"GET", "/dev/v1/no-such-api"},
                {"PATCH", "/dev/v1/kicking-rule"},
                {"GET", "/dev/v1/Kicking-rule"},
                {"POST", "/dev/v1/channel/user/" + appId + "/room"},
                {"GET", "/dev/v1/channel/user/" + appId},
                {"GET", "/dev/v1/channel/user/" + appId + "/"},
        };
        for (String[] call : calls) {
            RestCalls.Reply reply = rest.call(call[0], call[1], null, Map.of("Authorization", validAuth));

            assertEquals(404, reply.status(), call[0] + " " + call[1]);
            assertEquals("{\"message\":\"no Route matched with those values\"}", reply.response().body());
        }
    }

    @Test
    void unknownRouteIsReportedBeforeMissingCredentials() {
        assertEquals(404, rest.call("GET", "/nowhere", null, Map.of()).status());
    }

    @Test
    void requestBodiesMustBeJson() {
        String rule = "{\"appid\":\"" + appId + "\",\"cname\":\"room\",\"privileges\":[\"join_channel\"]}";
        for (Map<String, String> headers : List.of(
                Map.of("Authorization", validAuth),
                Map.of("Authorization", validAuth, "Content-Type", "text/plain"),
                Map.of("Authorization", validAuth, "Content-Type", "application/x-www-form-urlencoded"))) {
            RestCalls.Reply reply = rest.call("POST", "/dev/v1/kicking-rule", rule, headers);

            assertEquals(415, reply.status(), headers.toString());
            assertTrue(RestCalls.text(reply.body(), "message").contains("application/json"));
        }
        assertTrue(emulator.kickingRules().isEmpty());
    }

    @Test
    void jsonContentTypeMayCarryACharset() {
        String rule = "{\"appid\":\"" + appId + "\",\"cname\":\"room\",\"privileges\":[\"join_channel\"]}";
        RestCalls.Reply reply = rest.call("POST", "/dev/v1/kicking-rule", rule,
                Map.of("Authorization", validAuth, "Content-Type", "application/json;charset=utf-8"));

        assertEquals(200, reply.status());
    }

    @Test
    void malformedJsonIsABadRequest() {
        String rule = "\"appid\":\"" + appId + "\",\"cname\":\"room\",\"privileges\":[\"join_channel\"]";
        for (String body : new String[] {"", "not json", "{\"appid\":", "[1,2]", "{'appid':'x'}", "null", "\"text\"",
                "{" + rule + "} trailing", "{" + rule + "}{}", "{" + rule + ",\"cname\":\"other\"}", "{" + rule + ",}",
                "{" + rule + ",\"uid\":01}", "{" + rule + ",\"uid\":NaN}", "{appid:\"" + appId + "\"}"}) {
            RestCalls.Reply reply = rest.call("POST", "/dev/v1/kicking-rule", body);

            assertEquals(400, reply.status(), body);
            assertEquals("{\"message\":\"request body is not a JSON object\"}", reply.response().body(), body);
        }
        assertTrue(emulator.kickingRules().isEmpty());
    }

    @Test
    void appIdMustBeTheProjects() {
        String otherApp = "0123456789abcdef0123456789abcdef";
        RestCalls.Reply create = rest.call("POST", "/dev/v1/kicking-rule",
                "{\"appid\":\"" + otherApp + "\",\"cname\":\"room\",\"privileges\":[\"join_channel\"]}");
        RestCalls.Reply missing = rest.call("POST", "/dev/v1/kicking-rule", "{\"cname\":\"room\",\"privileges\":[\"join_channel\"]}");
        RestCalls.Reply list = rest.call("GET", "/dev/v1/kicking-rule?appid=" + otherApp, null);
        RestCalls.Reply users = rest.call("GET", "/dev/v1/channel/user/" + otherApp + "/room", null);

        for (RestCalls.Reply reply : new RestCalls.Reply[] {create, missing, list, users}) {
            assertEquals(400, reply.status());
            assertEquals("{\"message\":\"invalid appid\"}", reply.response().body());
        }
    }

    @Test
    void responsesCarryARequestId() {
        RestCalls.Reply reply = rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null);

        assertTrue(reply.response().headers().firstValue("X-Request-ID").isPresent());
    }

    @Test
    void serverErrorAndThrottlingUseAgorasBodies() {
        emulator.faults().failNext(FaultKind.SERVER_ERROR, 1);
        RestCalls.Reply failed = rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null);
        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        RestCalls.Reply throttled = rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null);

        assertEquals(500, failed.status());
        assertTrue(failed.body().has("message"));
        assertEquals(429, throttled.status());
        assertEquals("{\"message\":\"API rate limit exceeded\"}", throttled.response().body());
        assertEquals(200, rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null).status());
    }

    @Test
    void everyRequestIsRecordedWithTheOperationItWasFor() {
        rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null);
        rest.call("GET", "/dev/v1/channel/user/" + appId + "/room", null);
        rest.call("GET", "/elsewhere", null);
        emulator.faults().failNext(FaultKind.THROTTLE, 1);
        rest.call("GET", "/dev/v1/kicking-rule?appid=" + appId, null);

        assertEquals(List.of("kicking-rule.list", "channel.user-list", "no-route", "kicking-rule.list"),
                emulator.requests().stream().map(RecordedRequest::action).toList());
        assertEquals(List.of(200, 200, 404, 429), emulator.requests().stream().map(RecordedRequest::status).toList());
    }
}
