package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.RecordedRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/rooms/{id}/participants}: who is in the room's channel, as its vendor reports it. */
@MicronautTest
class ParticipantsApiTest extends VendorApiTestBase {

    /** A uid far above any the gateway hands out, as another client of the Agora project would have. */
    private static final long FOREIGN_UID = 4_000_000_000L;

    @Test
    void onAgoraTheBroadcastersAreTheHostsAndTheRestTheAudience() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        String channel = id + "-1";
        Map<String, Object> host = joinOk(anchor, id, "host");
        Map<String, Object> audience = joinOk(viewer, id, "audience");
        assertTrue(agora().joinChannel(channel, number(host.get("uid")), true, (String) host.get("token")).joined());
        assertTrue(agora().joinChannel(channel, number(audience.get("uid")), false, (String) audience.get("token")).joined());
        int mark = agora().requests().size();

        Reply reply = participants(viewer, id);

        assertEquals(200, reply.status(), reply.body());
        assertEquals("agora", reply.text("vendor"));
        assertEquals(List.of(List.of(anchor.id(), number(host.get("uid")))), entries(reply, "hosts"));
        assertEquals(List.of(List.of(viewer.id(), number(audience.get("uid")))), entries(reply, "audience"));
        List<RecordedRequest> calls = requestsSince(agora(), mark);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("GET", calls.get(0).method());
        assertEquals("/dev/v1/channel/user/" + agora().credentials().appId() + "/" + channel, calls.get(0).path());
    }

    @Test
    void onAgoraUidsTheGatewayDidNotHandOutAreListedWithoutAUserId() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        Map<String, Object> host = joinOk(anchor, id, "host");
        assertTrue(agora().joinChannel(id + "-1", number(host.get("uid")), true, (String) host.get("token")).joined());
        assertTrue(agora().joinChannel(id + "-1", FOREIGN_UID, false).joined());

        Reply reply = participants(anchor, id);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of(List.of(anchor.id(), number(host.get("uid")))), entries(reply, "hosts"));
        assertEquals(List.of(Arrays.asList(null, FOREIGN_UID)), entries(reply, "audience"));
        assertTrue(reply.body().contains("{\"user_id\":null,\"uid\":" + FOREIGN_UID + "}"), reply.body());
    }

    @Test
    void anEmptyChannelHasNoParticipants() {
        User anchor = aui.newUser();
        String agoraRoom = (String) createRoomOn(anchor, "agora").get("id");
        String aliyunRoom = (String) createRoomOn(anchor, "aliyun").get("id");

        assertEquals(Map.of("vendor", "agora", "hosts", List.of(), "audience", List.of()), participants(anchor, agoraRoom).json());
        assertEquals(Map.of("vendor", "aliyun", "hosts", List.of(), "audience", List.of()), participants(anchor, aliyunRoom).json());
    }

    @Test
    void onAliyunThePublishersAreTheHostsAndTheWatchersTheAudience() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "aliyun").get("id");
        String channel = id + "-1";
        aliyun().joinChannel(channel, anchor.id(), (String) joinOk(anchor, id, "host").get("token"), true);
        aliyun().joinChannel(channel, viewer.id(), (String) joinOk(viewer, id, "audience").get("token"), false);
        int mark = aliyun().requests().size();

        Reply reply = participants(viewer, id);

        assertEquals(200, reply.status(), reply.body());
        assertEquals("aliyun", reply.text("vendor"));
        assertEquals(List.of(Arrays.asList(anchor.id(), null)), entries(reply, "hosts"), "ARTC has no numeric uids");
        assertEquals(List.of(Arrays.asList(viewer.id(), null)), entries(reply, "audience"));
        List<RecordedRequest> calls = requestsSince(aliyun(), mark);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("DescribeChannelUsers", calls.get(0).action());
        assertEquals(channel, rpcParameters(calls.get(0)).get("ChannelId"));
        assertEquals(aliyun().credentials().artcAppId(), rpcParameters(calls.get(0)).get("AppId"));
    }

    @Test
    void tencentHasNoParticipantListAndIsNotAsked() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "tencent").get("id");
        tencent().enterRoom(id + "-1", anchor.id(), (String) joinOk(anchor, id, "host").get("token"));
        int mark = tencent().requests().size();

        Reply reply = participants(anchor, id);

        assertError(reply, 501, null);
        assertEquals("tencent offers no API for participant-list", reply.text("message"));
        assertEquals(List.of(), requestsSince(tencent(), mark));
    }

    @Test
    void anUnknownRoomIsNotFound() {
        assertError(participants(aui.newUser(), UUID.randomUUID().toString()), 404, null);
    }

    @Test
    void participantsNeedASignedInCaller() {
        String id = (String) createRoomOn(aui.newUser(), "agora").get("id");

        assertError(wire.get(ROOMS + "/" + id + "/participants", null), 401, null);
    }

    /** Each participant of the list as {@code [user_id, uid]}, the uid as a long. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> entries(Reply reply, String list) {
        return ((List<Map<String, Object>>) reply.json().get(list)).stream()
                .map(entry -> Arrays.<Object>asList(entry.get("user_id"), entry.get("uid") == null ? null : number(entry.get("uid"))))
                .toList();
    }
}
