package io.rtcgate.emulator.agora;

import io.rtcgate.testkit.ManualClock;

import static io.rtcgate.emulator.agora.RestCalls.integer;
import static io.rtcgate.emulator.agora.RestCalls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The banning-rule API of vendors.md §1.4: shapes, clamping, defaults and ids. */
class KickingRuleApiTest {

    private static final Instant NOW = Instant.parse("2030-05-06T07:08:09.123Z");
    private static final String PATH = "/dev/v1/kicking-rule";

    private final ManualClock clock = new ManualClock(NOW);
    private final AgoraEmulator emulator = AgoraEmulator.withRandomCredentials(clock).start();
    private final RestCalls rest = new RestCalls(emulator);
    private final String appId = emulator.credentials().appId();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void createAnswersSuccessWithTheNewId() {
        RestCalls.Reply reply = rest.call("POST", PATH, body("\"cname\":\"room\",\"uid\":2882341273,\"privileges\":[\"join_channel\"]"));

        assertEquals(200, reply.status());
        assertEquals("success", text(reply.body(), "status"));
        KickingRule rule = emulator.kickingRules().get(0);
        assertEquals(integer(reply.body(), "id"), rule.id());
        assertEquals(Optional.of("room"), rule.cname());
        assertEquals(Optional.of(2882341273L), rule.uid());
        assertEquals(Optional.empty(), rule.ip());
        assertEquals(List.of("join_channel"), rule.privileges());
        assertEquals(appId, rule.appId());
    }

    @Test
    void bodiesHaveTheFieldsInTheOrderAgoraDocuments() {
        RestCalls.Reply created = rest.call("POST", PATH,
                body("\"cname\":\"room\",\"uid\":42,\"privileges\":[\"join_channel\"],\"time_in_seconds\":60"));
        long id = integer(created.body(), "id");

        assertEquals("{\"status\":\"success\",\"id\":" + id + "}", created.response().body());
        assertEquals("{\"status\":\"success\",\"rules\":[{\"id\":" + id + ",\"appid\":\"" + appId + "\",\"uid\":42,"
                        + "\"opid\":" + id + ",\"cname\":\"room\",\"ip\":null,\"ts\":\"2030-05-06T07:09:09.123Z\","
                        + "\"createAt\":\"2030-05-06T07:08:09.123Z\",\"updateAt\":\"2030-05-06T07:08:09.123Z\"}]}",
                rest.call("GET", PATH + "?appid=" + appId, null).response().body());
        assertEquals("{\"status\":\"success\",\"result\":{\"id\":" + id + ",\"ts\":\"2030-05-06T07:13:09.123Z\"}}",
                rest.call("PUT", PATH, body("\"id\":" + id + ",\"time\":5")).response().body());
        assertEquals("{\"status\":\"success\",\"id\":" + id + "}", rest.call("DELETE", PATH, body("\"id\":" + id)).response().body());
    }

    @Test
    void idsIncrement() {
        long first = rest.createRule("\"cname\":\"a\",\"privileges\":[\"join_channel\"]");
        long second = rest.createRule("\"cname\":\"b\",\"privileges\":[\"publish_audio\"]");
        long third = rest.createRule("\"ip\":\"192.0.2.1\",\"privileges\":[\"publish_video\",\"publish_audio\"]");

        assertEquals(first + 1, second);
        assertEquals(second + 1, third);
    }

    @Test
    void banLastsAnHourByDefault() {
        assertEquals(Duration.ofSeconds(3600), banOf("\"cname\":\"room\",\"privileges\":[\"join_channel\"]"));
    }

    @Test
    void timeInSecondsIsClampedToTenSecondsUpTo86430() {
        assertEquals(Duration.ofSeconds(10), banOf(rule("\"time_in_seconds\":1")));
        assertEquals(Duration.ofSeconds(10), banOf(rule("\"time_in_seconds\":10")));
        assertEquals(Duration.ofSeconds(600), banOf(rule("\"time_in_seconds\":600")));
        assertEquals(Duration.ofSeconds(86430), banOf(rule("\"time_in_seconds\":86430")));
        assertEquals(Duration.ofSeconds(86430), banOf(rule("\"time_in_seconds\":999999")));
    }

    @Test
    void timeInMinutesIsClampedToOneMinuteUpToOneDay() {
        assertEquals(Duration.ofMinutes(1), banOf(rule("\"time\":1")));
        assertEquals(Duration.ofMinutes(30), banOf(rule("\"time\":30")));
        assertEquals(Duration.ofMinutes(1440), banOf(rule("\"time\":1440")));
        assertEquals(Duration.ofMinutes(1440), banOf(rule("\"time\":100000")));
    }

    @Test
    void timeInSecondsTakesPrecedenceOverTime() {
        assertEquals(Duration.ofSeconds(20), banOf(rule("\"time\":60,\"time_in_seconds\":20")));
    }

    @Test
    void zeroKicksOnceAndLeavesNoRuleInForce() {
        emulator.joinChannel("room", 7, true);
        rest.createRule(rule("\"time\":0"));

        assertTrue(emulator.kickingRules().isEmpty());
        assertTrue(!emulator.isInChannel("room", 7), "the user is kicked");
        assertTrue(emulator.joinChannel("room", 7, true).joined(), "and may come back");
    }

    @Test
    void uidMustBeANonZeroNumber() {
        for (String uid : new String[] {"0", "-1", "4294967296", "\"42\"", "4.2", "1.0", "1e2", "99999999999999999999", "true",
                "[1]"}) {
            RestCalls.Reply reply = rest.call("POST", PATH, body("\"cname\":\"room\",\"uid\":" + uid + ",\"privileges\":[\"join_channel\"]"));

            assertEquals(400, reply.status(), uid);
            assertTrue(text(reply.body(), "message").contains("uid"), uid);
        }
        assertEquals(200, rest.call("POST", PATH, body("\"uid\":4294967295,\"privileges\":[\"join_channel\"]")).status());
    }

    @Test
    void privilegesAreRequiredAndKnown() {
        for (String privileges : new String[] {"", ",\"privileges\":[]", ",\"privileges\":[\"kick\"]", ",\"privileges\":\"join_channel\""}) {
            assertEquals(400, rest.call("POST", PATH, body("\"cname\":\"room\"" + privileges)).status(), privileges);
        }
    }

    @Test
    void badValuesAreRejected() {
        assertEquals(400, rest.call("POST", PATH, body(rule("\"time_in_seconds\":-5"))).status());
        assertEquals(400, rest.call("POST", PATH, body(rule("\"time\":\"10\""))).status());
        assertEquals(400, rest.call("POST", PATH, body(rule("\"time\":10.0"))).status());
        assertEquals(400, rest.call("POST", PATH, body(rule("\"time_in_seconds\":6e1"))).status());
        assertEquals(400, rest.call("POST", PATH, body("\"ip\":[\"192.0.2.1\"],\"privileges\":[\"join_channel\"]")).status());
        assertEquals(400, rest.call("POST", PATH, body("\"cname\":\"room\",\"privileges\":[\"join_channel\",7]")).status());
        assertEquals(400, rest.call("POST", PATH, body("\"cname\":5,\"privileges\":[\"join_channel\"]")).status());
        assertTrue(emulator.kickingRules().isEmpty());
    }

    @Test
    void listShowsTheRulesInForce() {
        long id = rest.createRule("\"cname\":\"room\",\"uid\":42,\"privileges\":[\"join_channel\"],\"time_in_seconds\":60");
        rest.createRule("\"ip\":\"192.0.2.1\",\"privileges\":[\"join_channel\"],\"time_in_seconds\":600");
        clock.advance(Duration.ofSeconds(60));

        RestCalls.Reply reply = rest.call("GET", PATH + "?appid=" + appId, null);

        assertEquals(200, reply.status());
        assertEquals("success", text(reply.body(), "status"));
        JsonNode rules = reply.body().get("rules");
        assertTrue(rules.isArray());
        assertEquals(1, rules.size(), "the first rule expired");
        JsonNode rule = rules.get(0);
        assertEquals(id + 1, integer(rule, "id"));
        assertEquals(appId, text(rule, "appid"));
        assertEquals("192.0.2.1", text(rule, "ip"));
        assertTrue(rule.get("uid").isNull());
        assertTrue(rule.get("cname").isNull());
        assertTrue(rule.has("opid"));
        assertEquals("2030-05-06T07:18:09.123Z", text(rule, "ts"));
        assertEquals("2030-05-06T07:08:09.123Z", text(rule, "createAt"));
        assertEquals("2030-05-06T07:08:09.123Z", text(rule, "updateAt"));
    }

    @Test
    void updateSetsANewExpiryFromNow() {
        long id = rest.createRule(rule("\"time_in_seconds\":60"));
        clock.advance(Duration.ofSeconds(30));

        RestCalls.Reply reply = rest.call("PUT", PATH, body("\"id\":" + id + ",\"time\":5"));

        assertEquals(200, reply.status());
        assertEquals("success", text(reply.body(), "status"));
        assertEquals(id, integer(reply.body().get("result"), "id"));
        assertEquals("2030-05-06T07:13:39.123Z", text(reply.body().get("result"), "ts"));
        KickingRule rule = emulator.kickingRules().get(0);
        assertEquals(NOW.plusSeconds(30 + 300), rule.expiresAt());
        assertEquals(NOW.plusSeconds(30), rule.updatedAt());
        assertEquals(NOW, rule.createdAt());
    }

    @Test
    void updateNeedsAnIdOfARuleInForceAndADuration() {
        long id = rest.createRule(rule("\"time_in_seconds\":60"));

        assertEquals(400, rest.call("PUT", PATH, body("\"id\":" + id)).status());
        assertEquals(400, rest.call("PUT", PATH, body("\"time\":5")).status());
        assertEquals(400, rest.call("PUT", PATH, body("\"id\":" + (id + 100) + ",\"time\":5")).status());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(400, rest.call("PUT", PATH, body("\"id\":" + id + ",\"time\":5")).status());
    }

    @Test
    void deleteRemovesTheRule() {
        long id = rest.createRule(rule("\"time_in_seconds\":60"));

        RestCalls.Reply reply = rest.call("DELETE", PATH, body("\"id\":" + id));

        assertEquals(200, reply.status());
        assertEquals("success", text(reply.body(), "status"));
        assertEquals(id, integer(reply.body(), "id"));
        assertTrue(emulator.kickingRules().isEmpty());
        assertEquals(400, rest.call("DELETE", PATH, body("\"id\":" + id)).status(), "already deleted");
    }

    private Duration banOf(String fields) {
        long id = rest.createRule(fields);
        KickingRule rule = emulator.kickingRules().stream().filter(found -> found.id() == id).findFirst().orElseThrow();
        return Duration.between(rule.createdAt(), rule.expiresAt());
    }

    private static String rule(String durationFields) {
        return "\"cname\":\"room\",\"privileges\":[\"join_channel\"]," + durationFields;
    }

    private String body(String fields) {
        return "{\"appid\":\"" + appId + "\"," + fields + "}";
    }
}
