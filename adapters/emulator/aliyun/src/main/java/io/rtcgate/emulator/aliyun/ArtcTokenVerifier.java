package io.rtcgate.emulator.aliyun;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

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
        JsonObject payload = decode(token);
        String tokenAppId = field(payload, "appid");
        String tokenChannel = field(payload, "channelid");
        String tokenUser = field(payload, "userid");
        String nonce = field(payload, "nonce");
        long expiresAt = timestamp(payload);
        if (!tokenAppId.equals(appId)) {
            throw new ArtcJoinRefusedException("token is for another ARTC app");
        }
        String expected = classicToken(appId, appKey, tokenChannel, tokenUser, nonce, expiresAt);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), field(payload, "token").getBytes(StandardCharsets.UTF_8))) {
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((appId + appKey + channelId + userId + nonce + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static JsonObject decode(String token) {
        try {
            JsonElement json = JsonParser.parseString(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw new ArtcJoinRefusedException("token is not a JSON object");
            }
            return json.getAsJsonObject();
        } catch (IllegalArgumentException | JsonParseException e) {
            throw new ArtcJoinRefusedException("token is not Base64 of JSON");
        }
    }

    private static String field(JsonObject payload, String name) {
        JsonElement value = payload.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new ArtcJoinRefusedException("token has no string field " + name);
        }
        return value.getAsString();
    }

    private static long timestamp(JsonObject payload) {
        JsonElement value = payload.get("timestamp");
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new ArtcJoinRefusedException("token has no numeric timestamp");
        }
        return value.getAsLong();
    }
}
