package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.agora.KickingRule;
import io.rtcgate.emulator.aliyun.ArtcJoinRefusedException;
import io.rtcgate.emulator.aliyun.ForbiddenStream;
import io.rtcgate.emulator.aliyun.LiveStreamRef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /v1/rooms/{id}/kick}: the anchor or an admin removes a user, and each vendor gets exactly
 * the call that does it there.
 */
@MicronautTest
class KickApiTest extends VendorApiTestBase {

    /** rtcgate.vendors.aliyun.push-domain and app-name of application-test.yml. */
    private static final String PUSH_DOMAIN = "push.example.com";
    private static final String APP_NAME = "live";

    @Test
    void onAgoraTheKickIsABanningRuleOnTheUsersUidInTheRoomsChannel() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        String channel = id + "-1";
        Map<String, Object> credential = joinOk(viewer, id, "audience");
        long uid = number(credential.get("uid"));
        assertTrue(agora().joinChannel(channel, uid, false, (String) credential.get("token")).joined());
        int mark = agora().requests().size();

        Instant before = gatewayNow();
        Reply reply = kick(anchor, id, viewer.id(), 600L);
        Instant after = Instant.now();

        assertEquals(204, reply.status(), reply.body());
        assertEquals("", reply.body());
        List<RecordedRequest> calls = requestsSince(agora(), mark);
        assertEquals(1, calls.size(), calls.toString());
        RecordedRequest call = calls.get(0);
        assertEquals("POST", call.method());
        assertEquals("/dev/v1/kicking-rule", call.path());
        assertEquals(200, call.status(), call.toString());
        Map<String, Object> rule = jsonObject(call.body());
        assertEquals(Set.of("appid", "cname", "uid", "time_in_seconds", "privileges"), rule.keySet(), call.body());
        assertEquals(agora().credentials().appId(), rule.get("appid"));
        assertEquals(channel, rule.get("cname"));
        assertEquals(uid, number(rule.get("uid")));
        assertEquals(600L, number(rule.get("time_in_seconds")));
        assertEquals(List.of("join_channel"), rule.get("privileges"));

        List<KickingRule> rules = rulesFor(channel);
        assertEquals(1, rules.size(), rules.toString());
        assertEquals(Optional.of(uid), rules.get(0).uid());
        assertWithin(before.plusSeconds(600), after.plusSeconds(600), rules.get(0).expiresAt(), "the ban's end");
        assertFalse(agora().isInChannel(channel, uid), "the rule removed the viewer from the channel");
        assertFalse(agora().joinChannel(channel, uid, false, (String) credential.get("token")).joined(),
                "the viewer stays out while the ban lasts");
    }

    @Test
    void onAgoraBansShorterThanTenSecondsAreSentAsAgorasMinimum() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        int mark = agora().requests().size();

        assertEquals(204, kick(anchor, id, viewer.id(), 1L).status());

        List<RecordedRequest> calls = requestsSince(agora(), mark);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals(10L, number(jsonObject(calls.get(0).body()).get("time_in_seconds")), "Agora clamps to 10 s .. 86430 s");
    }

    @Test
    void onTencentTheKickRemovesTheUserFromTheTrtcRoom() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "tencent").get("id");
        String channel = id + "-1";
        tencent().enterRoom(channel, anchor.id(), (String) joinOk(anchor, id, "host").get("token"));
        tencent().enterRoom(channel, viewer.id(), (String) joinOk(viewer, id, "audience").get("token"));
        int mark = tencent().requests().size();

        Reply reply = kick(anchor, id, viewer.id(), 300L);

        assertEquals(204, reply.status(), reply.body());
        List<RecordedRequest> calls = requestsSince(tencent(), mark);
        assertEquals(1, calls.size(), calls.toString());
        RecordedRequest call = calls.get(0);
        assertEquals("RemoveUserByStrRoomId", call.header("X-TC-Action"));
        assertEquals("RemoveUserByStrRoomId", call.action());
        Map<String, Object> parameters = jsonObject(call.body());
        assertEquals(Set.of("SdkAppId", "RoomId", "UserIds"), parameters.keySet(), call.body());
        assertEquals(tencent().credentials().sdkAppId(), number(parameters.get("SdkAppId")));
        assertEquals(channel, parameters.get("RoomId"));
        assertEquals(List.of(viewer.id()), parameters.get("UserIds"));
        assertEquals(Set.of(anchor.id()), tencent().usersIn(channel), "only the viewer left the room");
    }

    @Test
    void onAliyunTheKickForbidsTheUsersCameraStreamUntilTheBanEnds() {
        User anchor = aui.newUser();
        User member = aui.newUser();
        String id = (String) createRoomOn(anchor, "aliyun", "cohost").get("id");
        String channel = id + "-1";
        assertEquals(200, aui.call("updateMeetingInfo", anchor, fields("id", id, "members", List.of(fields(
                "user_id", member.id(), "user_nick", null, "user_avatar", null, "mic_opened", true, "camera_opened", true,
                "rtc_pull_url", null)))).status());
        String token = (String) joinOk(member, id, "cohost").get("token");
        aliyun().joinChannel(channel, member.id(), token, true);
        int mark = aliyun().requests().size();

        Instant before = gatewayNow();
        Reply reply = kick(anchor, id, member.id(), 300L);
        Instant after = Instant.now();

        assertEquals(204, reply.status(), reply.body());
        String camera = aliyun().credentials().artcAppId() + "_" + channel + "_" + member.id() + "_camera";
        List<RecordedRequest> calls = requestsSince(aliyun(), mark);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("ForbidLiveStream", calls.get(0).action());
        assertEquals(200, calls.get(0).status(), calls.get(0).toString());
        Map<String, String> parameters = rpcParameters(calls.get(0));
        assertEquals(PUSH_DOMAIN, parameters.get("DomainName"));
        assertEquals(APP_NAME, parameters.get("AppName"));
        assertEquals(camera, parameters.get("StreamName"));
        assertEquals("publisher", parameters.get("LiveStreamType"));
        assertNull(parameters.get("Oneshot"), "a kick bars the stream, it does not only cut it once");
        Instant resumeAt = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(parameters.get("ResumeTime")));
        assertEquals(parameters.get("ResumeTime"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(resumeAt));
        assertWithin(before.plusSeconds(300).truncatedTo(ChronoUnit.SECONDS), after.plusSeconds(300), resumeAt, "ResumeTime");

        List<ForbiddenStream> bans = aliyun().forbiddenStreams().stream()
                .filter(ban -> ban.stream().streamName().equals(camera)).toList();
        assertEquals(List.of(new ForbiddenStream(new LiveStreamRef(PUSH_DOMAIN, APP_NAME, camera), Optional.of(resumeAt))),
                bans);
        assertEquals(List.of(), aliyun().channelUsers(channel).interactive(), "cutting the camera stream dropped the co-host");
        assertThrows(ArtcJoinRefusedException.class, () -> aliyun().joinChannel(channel, member.id(), token, true),
                "the co-host cannot publish again while the ban lasts");
    }

    @Test
    void anAdminMayKickInAnyRoom() {
        User viewer = aui.newUser();
        String id = (String) createRoomOn(aui.newUser(), "agora").get("id");
        long uid = agoraUid(viewer, id);
        int mark = agora().requests().size();

        assertEquals(204, kick(admin(), id, viewer.id(), 60L).status());

        assertEquals(1, requestsSince(agora(), mark).size());
        assertEquals(1, rulesFor(id + "-1").size());
        assertEquals(Optional.of(uid), rulesFor(id + "-1").get(0).uid());
    }

    @Test
    void someoneWhoIsNeitherAnchorNorAdminMayNotKickAndNothingReachesTheVendor() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        int mark = agora().requests().size();

        assertError(kick(viewer, id, anchor.id(), 60L), 403, null);
        assertError(kick(viewer, id, viewer.id(), 60L), 403, null);

        assertEquals(List.of(), requestsSince(agora(), mark));
        assertEquals(List.of(), rulesFor(id + "-1"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5, 86_401})
    void theBanLastsFromOneSecondToOneDay(long seconds) {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        int mark = agora().requests().size();

        assertError(kick(anchor, id, aui.newUser().id(), seconds), 400, "duration_seconds");
        assertEquals(List.of(), requestsSince(agora(), mark));
    }

    @Test
    void aBanOfExactlyOneDayIsAllowed() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        int mark = agora().requests().size();

        assertEquals(204, kick(anchor, id, aui.newUser().id(), 86_400L).status());
        assertEquals(86_400L, number(jsonObject(requestsSince(agora(), mark).get(0).body()).get("time_in_seconds")));
    }

    @Test
    void theDurationAndTheUserAreRequired() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        String path = ROOMS + "/" + id + "/kick";

        assertError(wire.post(path, anchor.token(), wire.toJson(Map.of("user_id", aui.newUser().id()))), 400, "duration_seconds");
        assertError(wire.post(path, anchor.token(), wire.toJson(Map.of("duration_seconds", 60))), 400, "user_id");
        assertError(kick(anchor, id, " ", 60L), 400, "user_id");
    }

    @Test
    void onAliyunAnInvalidUserIdIsAnInputErrorOnUserId() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "aliyun").get("id");
        int mark = aliyun().requests().size();

        assertError(kick(anchor, id, "bad user!", 60L), 400, "user_id");
        assertEquals(List.of(), requestsSince(aliyun(), mark));
    }

    @Test
    void anUnknownRoomIsNotFound() {
        assertError(kick(admin(), UUID.randomUUID().toString(), aui.newUser().id(), 60L), 404, null);
    }

    private List<KickingRule> rulesFor(String channel) {
        return agora().kickingRules().stream().filter(rule -> rule.cname().equals(Optional.of(channel))).toList();
    }
}
