package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.ApiAssertions.assertError;
import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.agora.DecodedToken;
import io.rtcgate.emulator.aliyun.ArtcChannelUsers;
import io.rtcgate.emulator.aliyun.ArtcJoinRefusedException;
import io.rtcgate.emulator.aliyun.ArtcTokenVerifier;
import io.rtcgate.emulator.tencent.TencentUserSigs;
import java.time.Instant;
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
 * {@code POST /v1/rooms/{id}/join}: each vendor's emulator accepts the credentials the gateway signs, for
 * exactly the user, channel and role they were issued for; and who may join in which role.
 */
@MicronautTest
class JoinCredentialApiTest extends VendorApiTestBase {

    /** rtcgate.tokens.ttl-seconds, left at its default in application-test.yml. */
    private static final long TOKEN_TTL_SECONDS = 3600;

    // ---- Agora ----

    @Test
    void anAgoraHostCredentialAdmitsTheAnchorToPublishInTheRoomsChannel() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        String channel = id + "-1";

        Instant before = gatewayNow();
        Map<String, Object> credential = joinOk(anchor, id, "host");
        Instant after = Instant.now();

        assertEquals("agora", credential.get("vendor"));
        assertEquals(agora().credentials().appId(), credential.get("app_id"));
        assertEquals(channel, credential.get("channel"));
        assertEquals(anchor.id(), credential.get("user_id"));
        assertEquals("host", credential.get("role"));
        assertEquals(Map.of(), credential.get("urls"));
        long uid = number(credential.get("uid"));
        String token = (String) credential.get("token");
        assertEquals(Optional.empty(), agora().verifyRtcToken(token, channel, uid, true));
        assertEquals(Optional.of("token is for uid " + uid + ", not " + (uid + 1)),
                agora().verifyRtcToken(token, channel, uid + 1, true), "the token admits the anchor's uid only");
        assertEquals(Optional.of("token is for channel " + channel + ", not " + id + "-2"),
                agora().verifyRtcToken(token, id + "-2", uid, true), "the token admits the room's channel only");
        Instant expiresAt = Instant.parse((String) credential.get("expires_at"));
        assertEquals(DecodedToken.decode(token).expiresAt(), expiresAt, "expires_at is the token's own expiry");
        assertExpiresOneTtlAfter(before, after, expiresAt);

        assertTrue(agora().joinChannel(channel, uid, true, token).joined());
        assertEquals(List.of(uid), agora().channelMembers(channel).orElseThrow().broadcasters());
    }

    @Test
    void aUsersAgoraUidIsTheSameInEveryCredentialAndDiffersFromOtherUsers() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String first = (String) createRoomOn(anchor, "agora").get("id");
        String second = (String) createRoomOn(aui.newUser(), "agora").get("id");

        long uid = number(joinOk(anchor, first, "host").get("uid"));

        assertTrue(uid >= 1 && uid <= 0xFFFF_FFFFL, "an Agora uid is an unsigned 32-bit number other than 0: " + uid);
        assertEquals(uid, number(joinOk(anchor, first, "host").get("uid")));
        assertEquals(uid, number(joinOk(anchor, first, "audience").get("uid")));
        assertEquals(uid, number(joinOk(anchor, second, "audience").get("uid")));
        assertNotEquals(uid, number(joinOk(viewer, first, "audience").get("uid")));
    }

    @Test
    void anAgoraAudienceCredentialAdmitsButDoesNotLetPublish() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");
        String channel = id + "-1";

        Map<String, Object> credential = joinOk(viewer, id, "audience");

        assertEquals("audience", credential.get("role"));
        assertEquals(viewer.id(), credential.get("user_id"));
        long uid = number(credential.get("uid"));
        String token = (String) credential.get("token");
        assertEquals(Optional.empty(), agora().verifyRtcToken(token, channel, uid, false));
        assertEquals(Optional.of("token grants no publish audio stream privilege"),
                agora().verifyRtcToken(token, channel, uid, true));
        assertTrue(agora().joinChannel(channel, uid, true, token).refusal().isPresent(), "the viewer cannot broadcast");
        assertTrue(agora().joinChannel(channel, uid, false, token).joined());
        assertEquals(List.of(uid), agora().channelMembers(channel).orElseThrow().audience());
    }

    // ---- Tencent ----

    @Test
    void aTencentHostCredentialIsAUserSigThatTrtcAcceptsForTheAnchor() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "tencent").get("id");
        String channel = id + "-1";

        Instant before = gatewayNow();
        Map<String, Object> credential = joinOk(anchor, id, "host");
        Instant after = Instant.now();

        assertEquals("tencent", credential.get("vendor"));
        assertEquals(String.valueOf(tencent().credentials().sdkAppId()), credential.get("app_id"));
        assertEquals(channel, credential.get("channel"));
        assertEquals(anchor.id(), credential.get("user_id"));
        assertTrue(credential.containsKey("uid"));
        assertNull(credential.get("uid"), "TRTC string rooms take the user id itself");
        assertEquals("host", credential.get("role"));
        assertEquals(Map.of(), credential.get("urls"));
        String userSig = (String) credential.get("token");
        long sdkAppId = Long.parseLong((String) credential.get("app_id"));
        String key = tencent().credentials().userSigKey();
        assertEquals(Optional.empty(), TencentUserSigs.verify(userSig, sdkAppId, key, anchor.id(), Instant.now()));
        assertEquals(Optional.of("identifier not match"),
                TencentUserSigs.verify(userSig, sdkAppId, key, "someone-else", Instant.now()));
        Instant expiresAt = Instant.parse((String) credential.get("expires_at"));
        assertEquals(TencentUserSigs.decode(userSig).expiresAt(), expiresAt, "expires_at is the UserSig's own expiry");
        assertExpiresOneTtlAfter(before, after, expiresAt);

        tencent().enterRoom(channel, anchor.id(), userSig);
        assertEquals(Set.of(anchor.id()), tencent().usersIn(channel));
        assertThrows(IllegalArgumentException.class, () -> tencent().enterRoom(channel, "someone-else", userSig));
    }

    @Test
    void aTencentAudienceCredentialLetsTheViewerEnter() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "tencent").get("id");

        Map<String, Object> credential = joinOk(viewer, id, "audience");

        assertEquals("audience", credential.get("role"));
        tencent().enterRoom(id + "-1", viewer.id(), (String) credential.get("token"));
        assertEquals(Set.of(viewer.id()), tencent().usersIn(id + "-1"));
    }

    // ---- Aliyun ----

    @Test
    void anAliyunHostCredentialLetsTheAnchorPublishAndCarriesPushAndPullUrls() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "aliyun").get("id");
        String channel = id + "-1";

        Instant before = gatewayNow();
        Map<String, Object> credential = joinOk(anchor, id, "host");
        Instant after = Instant.now();

        String appId = aliyun().credentials().artcAppId();
        assertEquals("aliyun", credential.get("vendor"));
        assertEquals(appId, credential.get("app_id"));
        assertEquals(channel, credential.get("channel"));
        assertEquals(anchor.id(), credential.get("user_id"));
        assertNull(credential.get("uid"));
        assertEquals("host", credential.get("role"));
        String token = (String) credential.get("token");
        Instant expiresAt = Instant.parse((String) credential.get("expires_at"));
        assertEquals(expiresAt, aliyun().tokenVerifier().verify(token, channel, anchor.id()), "expires_at is the token's");
        assertExpiresOneTtlAfter(before, after, expiresAt);
        long timestamp = expiresAt.getEpochSecond();
        String hash = ArtcTokenVerifier.classicToken(appId, aliyun().credentials().artcAppKey(), channel, anchor.id(), "", timestamp);
        String query = "?sdkAppId=" + appId + "&userId=" + anchor.id() + "&timestamp=" + timestamp + "&token=" + hash;
        assertEquals(Map.of(
                "rtc_push_url", "artc://live.aliyun.com/push/" + channel + query,
                "rtc_pull_url", "artc://live.aliyun.com/play/" + channel + query), credential.get("urls"));

        aliyun().joinChannel(channel, anchor.id(), token, true);
        assertEquals(new ArtcChannelUsers(true, List.of(anchor.id()), List.of()), aliyun().channelUsers(channel));
        assertThrows(ArtcJoinRefusedException.class, () -> aliyun().joinChannel(channel, "someone-else", token, false));
    }

    @Test
    void anAliyunAudienceCredentialHasOnlyThePullUrl() {
        User anchor = aui.newUser();
        User viewer = aui.newUser();
        String id = (String) createRoomOn(anchor, "aliyun").get("id");
        String channel = id + "-1";

        Map<String, Object> credential = joinOk(viewer, id, "audience");

        assertEquals("audience", credential.get("role"));
        @SuppressWarnings("unchecked")
        Map<String, Object> urls = (Map<String, Object>) credential.get("urls");
        assertEquals(Set.of("rtc_pull_url"), urls.keySet());
        assertTrue(((String) urls.get("rtc_pull_url")).startsWith("artc://live.aliyun.com/play/" + channel + "?"), urls.toString());
        aliyun().joinChannel(channel, viewer.id(), (String) credential.get("token"), false);
        assertEquals(new ArtcChannelUsers(true, List.of(), List.of(viewer.id())), aliyun().channelUsers(channel));
    }

    // ---- who may join in which role ----

    @ParameterizedTest
    @ValueSource(strings = {"agora", "tencent", "aliyun"})
    void hostIsForTheAnchorOnly(String vendor) {
        String id = (String) createRoomOn(aui.newUser(), vendor).get("id");

        assertError(join(aui.newUser(), id, "host"), 403, null);
    }

    @Test
    void cohostIsForCurrentCoHostMembersOnly() {
        User anchor = aui.newUser();
        User member = aui.newUser();
        User stranger = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora", "cohost").get("id");

        assertError(join(member, id, "cohost"), 403, null);
        Reply updated = aui.call("updateMeetingInfo", anchor, fields("id", id, "members", List.of(fields(
                "user_id", member.id(), "user_nick", "Bob", "user_avatar", null, "mic_opened", true, "camera_opened", true,
                "rtc_pull_url", null))));
        assertEquals(200, updated.status(), updated.body());

        Map<String, Object> credential = joinOk(member, id, "cohost");
        assertEquals("cohost", credential.get("role"));
        assertEquals(member.id(), credential.get("user_id"));
        assertEquals(Optional.empty(), agora().verifyRtcToken((String) credential.get("token"), id + "-1",
                number(credential.get("uid")), true), "a co-host publishes");
        assertError(join(stranger, id, "cohost"), 403, null);
    }

    @Test
    void cohostInANormalRoomIsForbidden() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "tencent").get("id");

        assertError(join(aui.newUser(), id, "cohost"), 403, null);
    }

    @Test
    void anyoneSignedInMayWatch() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "aliyun").get("id");

        assertEquals("audience", joinOk(aui.newUser(), id, "audience").get("role"));
        assertEquals("audience", joinOk(admin(), id, "audience").get("role"));
        assertEquals("audience", joinOk(anchor, id, "audience").get("role"));
        assertError(wire.post(ROOMS + "/" + id + "/join", null, "{\"role\":\"audience\"}"), 401, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"speaker", "HOST", "", " "})
    void anUnknownRoleIsAnInputError(String role) {
        String id = (String) createRoomOn(aui.newUser(), "agora").get("id");

        assertError(join(aui.newUser(), id, role), 400, "role");
    }

    @Test
    void theRoleIsRequired() {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, "agora").get("id");

        assertError(wire.post(ROOMS + "/" + id + "/join", anchor.token(), "{}"), 400, "role");
    }

    @Test
    void anUnknownRoomIsNotFound() {
        assertError(join(aui.newUser(), UUID.randomUUID().toString(), "audience"), 404, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agora", "tencent", "aliyun"})
    void nobodyJoinsAnEndedRoom(String vendor) {
        User anchor = aui.newUser();
        String id = (String) createRoomOn(anchor, vendor).get("id");
        startAndStopRoom(anchor, id);

        assertError(join(anchor, id, "host"), 409, null);
        assertError(join(aui.newUser(), id, "audience"), 409, null);
    }

    /** A credential lives rtcgate.tokens.ttl-seconds from its issue, counted in whole seconds. */
    private static void assertExpiresOneTtlAfter(Instant before, Instant after, Instant expiresAt) {
        assertWithin(before.truncatedTo(ChronoUnit.SECONDS).plusSeconds(TOKEN_TTL_SECONDS),
                after.plusSeconds(TOKEN_TTL_SECONDS), expiresAt, "expires_at");
    }
}
