package io.rtcgate.emulator.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.Digests;
import io.rtcgate.emulator.EmulatorJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks ARTC single-parameter join tokens (vendors.md §3.3): Base64 of the JSON
 * {@code {appid, channelid, userid, nonce, timestamp, token}}, where {@code token} is the classic
 * {@code sha256hex(appId + appKey + channelId + userId + nonce + timestamp)} and {@code timestamp} is
 * the expiry in Unix seconds.
 */
public final class ArtcTokenVerifier {

    private final String appId;
    private final String appKey;
    private final Clock clock;

    public ArtcTokenVerifier(String appId, String appKey, Clock clock) {
        this.appId = appId;
        this.appKey = appKey;
        this.clock = clock;
    }

    /** Verifies {@code token} for this user in this channel and returns when it expires. */
    public Instant verify(String token, String channel, String userId) {
        ObjectNode payload = decode(token);
        String tokenAppId = field(payload, "appid");
        String tokenChannel = field(payload, "channelid");
        String tokenUser = field(payload, "userid");
        String nonce = field(payload, "nonce");
        long expiresAt = timestamp(payload);
        if (!tokenAppId.equals(appId)) {
            throw new ArtcJoinRefusedException("token is for another ARTC app");
        }
        String expected = classicToken(appId, appKey, tokenChannel, tokenUser, nonce, expiresAt);
        if (!Digests.constantTimeEquals(expected, field(payload, "token"))) {
            throw new ArtcJoinRefusedException("token signature does not match");
        }
        if (!tokenChannel.equals(channel) || !tokenUser.equals(userId)) {
            throw new ArtcJoinRefusedException("token is for another channel or user");
        }
        if (expiresAt < clock.instant().getEpochSecond()) {
            throw new ArtcJoinRefusedException("token expired at " + Instant.ofEpochSecond(expiresAt));
        }
        return Instant.ofEpochSecond(expiresAt);
    }

    /** {@code lowerhex(SHA-256(appId + appKey + channelId + userId + nonce + timestamp))} */
    public static String classicToken(String appId, String appKey, String channelId, String userId, String nonce, long timestamp) {
        return Digests.sha256Hex(appId + appKey + channelId + userId + nonce + timestamp);
    }

    private static ObjectNode decode(String token) {
        JsonNode json;
        try {
            json = EmulatorJson.readTree(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ArtcJoinRefusedException("token is not Base64 of JSON");
        }
        if (json instanceof ObjectNode payload) {
            return payload;
        }
        throw new ArtcJoinRefusedException("token is not a JSON object");
    }

    private static String field(ObjectNode payload, String name) {
        JsonNode value = payload.get(name);
        if (value == null || !value.isTextual()) {
            throw new ArtcJoinRefusedException("token has no string field " + name);
        }
        return value.textValue();
    }

    /** Any JSON number, as a whole number of seconds (a fraction is dropped). */
    private static long timestamp(ObjectNode payload) {
        JsonNode value = payload.get("timestamp");
        if (value == null || !value.isNumber()) {
            throw new ArtcJoinRefusedException("token has no numeric timestamp");
        }
        return value.longValue();
    }
}
