package io.rtcgate.emulator.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Single-parameter ARTC tokens (vendors.md §3.3), built here by hand from the documented layout. */
class ArtcTokenVerifierTest {

    private static final long NOW = 1_700_000_000L;
    private static final long EXPIRES = NOW + 3600;

    private final ArtcTokenVerifier verifier =
            new ArtcTokenVerifier("app1", "key1", Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void classicTokenMatchesTheDocumentedVector() {
        assertEquals("3c9ee8d9f8734f0b7560ed8022a0590659113955819724fc9345ab8eedf84f31",
                ArtcTokenVerifier.classicToken("abc", "abckey", "abcChannel", "abcUser", "", 1699423634L));
    }

    @Test
    void acceptsAWellFormedTokenAndReturnsItsExpiry() {
        String token = token("app1", "room-1", "alice", EXPIRES, ArtcTokenVerifier.classicToken("app1", "key1", "room-1", "alice", "", EXPIRES));

        assertEquals(Instant.ofEpochSecond(EXPIRES), verifier.verify(token, "room-1", "alice"));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String token = token("app1", "room-1", "alice", EXPIRES, ArtcTokenVerifier.classicToken("app1", "other", "room-1", "alice", "", EXPIRES));

        assertRefused("token signature does not match", token, "room-1", "alice");
    }

    @Test
    void refusesATokenWhoseExpiryWasMovedAfterSigning() {
        String token = token("app1", "room-1", "alice", EXPIRES + 86_400, ArtcTokenVerifier.classicToken("app1", "key1", "room-1", "alice", "", EXPIRES));

        assertRefused("token signature does not match", token, "room-1", "alice");
    }

    @Test
    void refusesAnExpiredToken() {
        long expired = NOW - 1;
        String token = token("app1", "room-1", "alice", expired, ArtcTokenVerifier.classicToken("app1", "key1", "room-1", "alice", "", expired));

        assertRefused("token expired at 2023-11-14T22:13:19Z", token, "room-1", "alice");
    }

    @Test
    void refusesATokenForAnotherChannelUserOrApp() {
        String token = token("app1", "room-1", "alice", EXPIRES, ArtcTokenVerifier.classicToken("app1", "key1", "room-1", "alice", "", EXPIRES));
        String otherApp = token("app2", "room-1", "alice", EXPIRES, ArtcTokenVerifier.classicToken("app2", "key1", "room-1", "alice", "", EXPIRES));

        assertRefused("token is for another channel or user", token, "room-2", "alice");
        assertRefused("token is for another channel or user", token, "room-1", "bob");
        assertRefused("token is for another ARTC app", otherApp, "room-1", "alice");
    }

    @Test
    void refusesWhatIsNotASingleParameterToken() {
        assertRefused("token is not Base64 of JSON", "not base64!", "room-1", "alice");
        assertRefused("token is not Base64 of JSON", base64("{broken"), "room-1", "alice");
        assertRefused("token is not a JSON object", base64("[1]"), "room-1", "alice");
        assertRefused("token has no string field userid", base64("{\"appid\":\"app1\",\"channelid\":\"room-1\"}"), "room-1", "alice");
        assertRefused("token has no numeric timestamp", base64("{\"appid\":\"app1\",\"channelid\":\"room-1\",\"userid\":\"alice\","
                + "\"nonce\":\"\",\"timestamp\":\"soon\"}"), "room-1", "alice");
        assertRefused("token is not a JSON object", base64(""), "room-1", "alice");
        assertRefused("token has no string field appid", base64("{\"appid\":1}"), "room-1", "alice");
    }

    @Test
    void refusesATokenThatNamesAFieldTwice() {
        String hash = ArtcTokenVerifier.classicToken("app1", "key1", "room-1", "alice", "", EXPIRES);
        String token = base64("{\"appid\":\"app1\",\"channelid\":\"room-1\",\"userid\":\"alice\",\"userid\":\"mallory\","
                + "\"nonce\":\"\",\"timestamp\":" + EXPIRES + ",\"token\":\"" + hash + "\"}");

        assertRefused("token is not Base64 of JSON", token, "room-1", "alice");
        assertRefused("token is not Base64 of JSON", token, "room-1", "mallory");
    }

    private void assertRefused(String reason, String token, String channel, String userId) {
        ArtcJoinRefusedException refused = assertThrows(ArtcJoinRefusedException.class, () -> verifier.verify(token, channel, userId));
        assertEquals(reason, refused.getMessage());
    }

    static String token(String appId, String channel, String userId, long timestamp, String hash) {
        return base64("{\"appid\":\"" + appId + "\",\"channelid\":\"" + channel + "\",\"userid\":\"" + userId
                + "\",\"nonce\":\"\",\"timestamp\":" + timestamp + ",\"token\":\"" + hash + "\"}");
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
