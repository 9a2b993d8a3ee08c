package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.RecordedRequest;
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
        assertEquals(Map.of("vendor", "agora", "hosts", List.of(anchor.id()), "audience", List.of(viewer.id())), reply.json());
        List<RecordedRequest> calls = requestsSince(agora(), mark);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("GET", calls.get(0).method());
        assertEquals("/dev/v1/channel/user/" + agora().credentials().appId() + "/" + channel, calls.get(0).path());
    }

    @Test
    void onAgoraUsersTheGatewayDoesNotKnowAreLeftOut() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        Map<String, Object> host = joinOk(anchor, id, "host");
        assertTrue(agora().joinChannel(id + "-1", number(host.get("uid")), true, (String) host.get("token")).joined());
        assertTrue(agora().joinChannel(id + "-1", FOREIGN_UID, false).joined());

        Reply reply = participants(anchor, id);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Map.of("vendor", "agora", "hosts", List.of(anchor.id()), "audience", List.of()), reply.json());
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
        assertEquals(Map.of("vendor", "aliyun", "hosts", List.of(anchor.id()), "audience", List.of(viewer.id())), reply.json());
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
}
