package io.rtcgate.aliyun;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.Vendor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Aliyun ARTC join credentials (vendors.md §3.3): the single-parameter token, Base64 of
 * {@code {"appid","channelid","userid","nonce","timestamp","token"}}, plus the co-host {@code artc://}
 * URLs the AUI kits use: {@value #PUSH_URL} for hosts and co-hosts, {@value #PULL_URL} for everyone.
 * The token's timestamp is its expiry; the nonce stays empty, as Aliyun recommends.
 */
public final class AliyunArtcTokenIssuer implements JoinTokenIssuer {

    public static final String PUSH_URL = JoinCredential.CO_HOST_PUSH_URL;
    public static final String PULL_URL = JoinCredential.CO_HOST_PULL_URL;
    /** ARTC refuses tokens that expire more than 24 h ahead; longer requests are cut to this. */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private static final String NONCE = "";
    private static final String CO_HOST_BASE = "artc://live.aliyun.com/";

    private final String appId;
    private final String appKey;
    private final Clock clock;

    AliyunArtcTokenIssuer(AliyunSettings settings, Clock clock) {
        this.appId = settings.artcAppId();
        this.appKey = settings.artcAppKey();
        this.clock = clock;
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public boolean issuesCoHostUrls() {
        return true;
    }

    @Override
    public JoinCredential issue(JoinRequest request) {
        String channel = ArtcIds.require(request.channel(), "channel", "issue");
        String userId = ArtcIds.require(request.userId(), "user_id", "issue");
        if (request.ttl().isNegative() || request.ttl().isZero()) {
            throw new IllegalArgumentException("an ARTC token must be valid for a positive time, not " + request.ttl());
        }
        Duration ttl = request.ttl().compareTo(MAX_TTL) > 0 ? MAX_TTL : request.ttl();
        long expiresAt = clock.instant().plus(ttl).getEpochSecond();
        String hash = classicToken(appId, appKey, channel, userId, NONCE, expiresAt);
        Map<String, String> urls = new LinkedHashMap<>();
        if (request.role().publishes()) {
            urls.put(PUSH_URL, coHostUrl("push", channel, userId, expiresAt, hash));
        }
        urls.put(PULL_URL, coHostUrl("play", channel, userId, expiresAt, hash));
        return new JoinCredential(Vendor.ALIYUN, appId, channel, userId, Optional.empty(),
                singleParameterToken(channel, userId, expiresAt, hash), Instant.ofEpochSecond(expiresAt), request.role(), urls);
    }

    /** {@code lowerhex(SHA-256(appId + appKey + channelId + userId + nonce + timestamp))}, the classic ARTC token. */
    static String classicToken(String appId, String appKey, String channelId, String userId, String nonce, long timestamp) {
        return AliyunDigests.sha256Hex(appId + appKey + channelId + userId + nonce + timestamp);
    }

    private String singleParameterToken(String channel, String userId, long expiresAt, String hash) {
        // Key order as the ARTC SDK's own helper writes it.
        ObjectNode payload = JsonNodeFactory.instance.objectNode()
                .put("appid", appId)
                .put("channelid", channel)
                .put("userid", userId)
                .put("nonce", NONCE)
                .put("timestamp", expiresAt)
                .put("token", hash);
        return Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The co-host URL's token is the classic token with an empty nonce, the same hash the single-parameter token carries. */
    private String coHostUrl(String direction, String channel, String userId, long expiresAt, String hash) {
        return CO_HOST_BASE + direction + "/" + channel + "?sdkAppId=" + appId + "&userId=" + userId
                + "&timestamp=" + expiresAt + "&token=" + hash;
    }
}
