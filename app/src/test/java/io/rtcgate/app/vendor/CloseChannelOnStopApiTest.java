package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.agora.KickingRule;
import io.rtcgate.emulator.aliyun.ArtcChannelUsers;
import io.rtcgate.emulator.aliyun.LiveStreamRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stopping a room (AUI {@code /stop}) ends its vendor channel for everyone, and ends the room even when the vendor is down. */
@MicronautTest
class CloseChannelOnStopApiTest extends VendorApiTestBase {

    /** The longest ban Agora keeps: closing bans the whole channel for it. */
    private static final long AGORA_MAX_BAN_SECONDS = 86_430;

    @Test
    void onAgoraStoppingBansEveryoneFromTheChannel() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        String channel = id + "-1";
        aui.roomActionOk("start", anchor, id);
        Map<String, Object> host = joinOk(anchor, id, "host");
        long uid = number(host.get("uid"));
        assertTrue(agora().joinChannel(channel, uid, true, (String) host.get("token")).joined());
        int mark = agora().requests().size();

        Instant before = gatewayNow();
        stopAsAnchor(anchor, id);
        Instant after = Instant.now();

        List<RecordedRequest> calls = requestsSince(agora(), mark);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("POST", calls.get(0).method());
        assertEquals("/dev/v1/kicking-rule", calls.get(0).path());
        Map<String, Object> rule = jsonObject(calls.get(0).body());
        assertEquals(Set.of("appid", "cname", "time_in_seconds", "privileges"), rule.keySet(), "no uid: the rule bans everyone");
        assertEquals(agora().credentials().appId(), rule.get("appid"));
        assertEquals(channel, rule.get("cname"));
        assertEquals(AGORA_MAX_BAN_SECONDS, number(rule.get("time_in_seconds")));
        assertEquals(List.of("join_channel"), rule.get("privileges"));

        List<KickingRule> rules = agora().kickingRules().stream().filter(r -> r.cname().equals(Optional.of(channel))).toList();
        assertEquals(1, rules.size(), rules.toString());
        assertEquals(Optional.empty(), rules.get(0).uid());
        assertWithin(before.plusSeconds(AGORA_MAX_BAN_SECONDS), after.plusSeconds(AGORA_MAX_BAN_SECONDS),
                rules.get(0).expiresAt(), "the ban's end");
        assertEquals(Optional.empty(), agora().channelMembers(channel), "the channel is empty");
    }

    @Test
    void onTencentStoppingDismissesTheTrtcRoom() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "tencent").get("id");
        String channel = id + "-1";
        aui.roomActionOk("start", anchor, id);
        tencent().enterRoom(channel, anchor.id(), (String) joinOk(anchor, id, "host").get("token"));
        int mark = tencent().requests().size();

        stopAsAnchor(anchor, id);

        List<RecordedRequest> calls = requestsSince(tencent(), mark);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("DismissRoomByStrRoomId", calls.get(0).header("X-TC-Action"));
        Map<String, Object> parameters = jsonObject(calls.get(0).body());
        assertEquals(Set.of("SdkAppId", "RoomId"), parameters.keySet(), calls.get(0).body());
        assertEquals(tencent().credentials().sdkAppId(), number(parameters.get("SdkAppId")));
        assertEquals(channel, parameters.get("RoomId"));
        assertFalse(tencent().roomExists(channel), "the room is dismissed");
    }

    @Test
    void onAliyunStoppingDeletesTheChannelAndCutsTheRoomsStreamOnce() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "aliyun").get("id");
        String channel = id + "-1";
        aui.roomActionOk("start", anchor, id);
        aliyun().joinChannel(channel, anchor.id(), (String) joinOk(anchor, id, "host").get("token"), true);
        int mark = aliyun().requests().size();

        stopAsAnchor(anchor, id);

        List<RecordedRequest> calls = requestsSince(aliyun(), mark);
        assertEquals(List.of("DeleteChannel", "ForbidLiveStream"), calls.stream().map(RecordedRequest::action).toList());
        Map<String, String> delete = rpcParameters(calls.get(0));
        assertEquals(aliyun().credentials().artcAppId(), delete.get("AppId"));
        assertEquals(channel, delete.get("ChannelId"));
        Map<String, String> cut = rpcParameters(calls.get(1));
        assertEquals("push.example.com", cut.get("DomainName"));
        assertEquals("live", cut.get("AppName"));
        assertEquals(id, cut.get("StreamName"), "the room's CDN stream is named after the room");
        assertEquals("publisher", cut.get("LiveStreamType"));
        assertEquals("yes", cut.get("Oneshot"));

        assertEquals(new ArtcChannelUsers(false, List.of(), List.of()), aliyun().channelUsers(channel));
        assertTrue(aliyun().cutStreams().contains(new LiveStreamRef("push.example.com", "live", id)));
        assertTrue(aliyun().forbiddenStreams().stream().noneMatch(ban -> ban.stream().streamName().equals(id)),
                "a one-shot cut does not bar the stream, so the room could go live again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agora", "tencent", "aliyun"})
    void theRoomEndsEvenWhenItsVendorCannotBeReached(String vendor) {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, vendor).get("id");
        aui.roomActionOk("start", anchor, id);
        emulator(vendor).refuseConnectionsFor(Duration.ofSeconds(2));

        stopAsAnchor(anchor, id);

        Reply fetched = getRoom(anchor, id);
        assertEquals("ended", fetched.json().get("status"), "the room stays ended: " + fetched.body());
        Map<String, Object> health = health(vendor, "channel-admin");
        assertEquals(1L, number(health.get("recent_errors")), "the failed close counts against " + vendor + ": " + health);
        assertTrue(((String) health.get("last_error")).startsWith(vendor + " close failed: "), health.toString());
        assertEquals("closed", circuit(vendor), "one failure is below the threshold");
    }

    private void stopAsAnchor(User anchor, String id) {
        Map<String, Object> stopped = aui.roomActionOk("stop", anchor, id);
        assertEquals(2L, number(stopped.get("status")), stopped.toString());
        assertEquals(id, stopped.get("id"));
    }
}
