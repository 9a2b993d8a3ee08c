package io.rtcgate.emulator.agora;

import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.testkit.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Channels, their members, and how banning rules keep users out; the user list as the API reports it. */
class ChannelStateTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final AgoraEmulator emulator = AgoraEmulator.withRandomCredentials(clock).start();
    private final RestCalls rest = new RestCalls(emulator);
    private final String appId = emulator.credentials().appId();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void usersJoinAndLeave() {
        assertTrue(emulator.joinChannel("room", 1, true).joined());
        assertTrue(emulator.joinChannel("room", 2, false).joined());

        assertEquals(Optional.of(new ChannelMembers(ChannelProfile.LIVE_BROADCASTING, List.of(1L), List.of(2L))),
                emulator.channelMembers("room"));
        emulator.leaveChannel("room", 1);
        emulator.leaveChannel("room", 2);
        assertEquals(Optional.empty(), emulator.channelMembers("room"), "a channel ends when its last user leaves");
    }

    @Test
    void uidsOutsideAgorasRangeCannotJoin() {
        assertThrows(IllegalArgumentException.class, () -> emulator.joinChannel("room", 0, true));
        assertThrows(IllegalArgumentException.class, () -> emulator.joinChannel("room", 1L << 32, true));
    }

    @Test
    void aRuleForOneUserRemovesThemAtOnceAndKeepsThemOut() {
        emulator.joinChannel("room", 1, true);
        emulator.joinChannel("room", 2, false);
        emulator.joinChannel("other", 1, true);

        long id = rest.createRule("\"cname\":\"room\",\"uid\":1,\"privileges\":[\"join_channel\"],\"time_in_seconds\":60");

        assertFalse(emulator.isInChannel("room", 1));
        assertTrue(emulator.isInChannel("room", 2));
        assertTrue(emulator.isInChannel("other", 1), "the rule names one channel");
        JoinResult again = emulator.joinChannel("room", 1, true);
        assertFalse(again.joined());
        assertTrue(again.refusal().orElseThrow().contains("kicking rule " + id));
        assertTrue(emulator.joinChannel("room", 3, false).joined());
    }

    @Test
    void aRuleForAChannelOnlyBansEveryone() {
        emulator.joinChannel("room", 1, true);
        emulator.joinChannel("room", 2, false);

        rest.createRule("\"cname\":\"room\",\"privileges\":[\"join_channel\"]");

        assertEquals(Optional.empty(), emulator.channelMembers("room"));
        assertFalse(emulator.joinChannel("room", 1, true).joined());
        assertFalse(emulator.joinChannel("room", 99, false).joined());
        assertTrue(emulator.joinChannel("elsewhere", 99, false).joined());
    }

    @Test
    void aRuleForAUidOnlyBansThemEverywhere() {
        emulator.joinChannel("a", 5, true);
        emulator.joinChannel("b", 5, false);

        rest.createRule("\"uid\":5,\"privileges\":[\"join_channel\"]");

        assertFalse(emulator.isInChannel("a", 5));
        assertFalse(emulator.isInChannel("b", 5));
        assertFalse(emulator.joinChannel("c", 5, false).joined());
    }

    @Test
    void rulesThatDoNotBanJoiningLeaveUsersIn() {
        emulator.joinChannel("room", 1, true);

        rest.createRule("\"cname\":\"room\",\"uid\":1,\"privileges\":[\"publish_audio\",\"publish_video\"]");
        rest.createRule("\"ip\":\"192.0.2.1\",\"privileges\":[\"join_channel\"]");

        assertTrue(emulator.isInChannel("room", 1));
    }

    @Test
    void usersMayRejoinWhenTheBanExpiresOrIsDeleted() {
        emulator.joinChannel("room", 1, true);
        rest.createRule("\"cname\":\"room\",\"uid\":1,\"privileges\":[\"join_channel\"],\"time_in_seconds\":60");
        long second = rest.createRule("\"cname\":\"room\",\"uid\":2,\"privileges\":[\"join_channel\"],\"time_in_seconds\":600");

        clock.advance(Duration.ofSeconds(59));
        assertFalse(emulator.joinChannel("room", 1, true).joined());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(emulator.joinChannel("room", 1, true).joined());

        assertFalse(emulator.joinChannel("room", 2, true).joined());
        rest.call("DELETE", "/dev/v1/kicking-rule", "{\"appid\":\"" + appId + "\",\"id\":" + second + "}");
        assertTrue(emulator.joinChannel("room", 2, true).joined());
    }

    @Test
    void userListOfALiveChannel() {
        emulator.joinChannel("room", 10, true);
        emulator.joinChannel("room", 11, false);
        emulator.joinChannel("room", 12, false);

        JsonNode data = userList("room", "");

        assertTrue(data.get("channel_exist").booleanValue());
        assertEquals(2, RestCalls.integer(data, "mode"));
        assertEquals(List.of(10L), longs(data, "broadcasters"));
        assertEquals(List.of(11L, 12L), longs(data, "audience"));
        assertEquals(2, RestCalls.integer(data, "audience_total"));
    }

    @Test
    void userListOfHostsOnly() {
        emulator.joinChannel("room", 10, true);
        emulator.joinChannel("room", 11, false);

        JsonNode data = userList("room", "?hosts_only");

        assertEquals(List.of(10L), longs(data, "broadcasters"));
        assertFalse(data.has("audience"));
    }

    @Test
    void userListOfACommunicationChannel() {
        emulator.setChannelProfile("call", ChannelProfile.COMMUNICATION);
        emulator.joinChannel("call", 20, false);
        emulator.joinChannel("call", 21, true);

        JsonNode data = userList("call", "");

        assertTrue(data.get("channel_exist").booleanValue());
        assertEquals(1, RestCalls.integer(data, "mode"));
        assertEquals(2, RestCalls.integer(data, "total"));
        assertEquals(List.of(20L, 21L), longs(data, "users"));
    }

    @Test
    void userListOfAChannelNobodyIsIn() {
        JsonNode data = userList("empty", "");

        assertEquals("{\"channel_exist\":false}", data.toString());
    }

    @Test
    void userListBodiesHaveTheFieldsInTheOrderAgoraDocuments() {
        emulator.joinChannel("room", 10, true);
        emulator.joinChannel("room", 11, false);
        emulator.joinChannel("room", 12, false);
        emulator.setChannelProfile("call", ChannelProfile.COMMUNICATION);
        emulator.joinChannel("call", 20, false);
        emulator.joinChannel("call", 21, true);

        assertEquals("{\"success\":true,\"data\":{\"channel_exist\":true,\"mode\":2,\"broadcasters\":[10],\"audience\":[11,12],"
                + "\"audience_total\":2}}", rawUserList("room", ""));
        assertEquals("{\"success\":true,\"data\":{\"channel_exist\":true,\"mode\":2,\"broadcasters\":[10]}}",
                rawUserList("room", "?hosts_only=1"));
        assertEquals("{\"success\":true,\"data\":{\"channel_exist\":true,\"mode\":1,\"total\":2,\"users\":[20,21]}}",
                rawUserList("call", ""));
        assertEquals("{\"success\":true,\"data\":{\"channel_exist\":false}}", rawUserList("empty", ""));
    }

    @Test
    void userListDecodesTheChannelName() {
        emulator.joinChannel("a room+1", 30, true);

        assertEquals(List.of(30L), longs(userList("a%20room+1", ""), "broadcasters"));
    }

    private JsonNode userList(String channelInPath, String query) {
        RestCalls.Reply reply = rest.call("GET", "/dev/v1/channel/user/" + appId + "/" + channelInPath + query, null);
        assertEquals(200, reply.status());
        assertTrue(reply.body().get("success").booleanValue());
        return reply.body().get("data");
    }

    private String rawUserList(String channelInPath, String query) {
        RestCalls.Reply reply = rest.call("GET", "/dev/v1/channel/user/" + appId + "/" + channelInPath + query, null);
        assertEquals(200, reply.status());
        return reply.response().body();
    }

    private static List<Long> longs(JsonNode data, String field) {
        JsonNode array = data.get(field);
        assertTrue(array.isArray(), field + " is not an array in " + data);
        List<Long> values = new ArrayList<>();
        array.forEach(value -> {
            assertTrue(EmulatorJson.isLong(value), field + " holds a non-integer in " + data);
            values.add(value.longValue());
        });
        return values;
    }
}
