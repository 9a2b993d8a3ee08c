package io.rtcgate.domain.vendor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a client needs to enter a channel on its vendor. {@code uid} is the numeric user id for vendors
 * that use one (Agora); {@code urls} carries vendor-specific URLs (Aliyun's co-host artc:// URLs).
 */
public record JoinCredential(
        Vendor vendor,
        String appId,
        String channel,
        String userId,
        Optional<Long> uid,
        String token,
        Instant expiresAt,
        ParticipantRole role,
        Map<String, String> urls) {

    /** The key in {@link #urls()} of the URL a co-host publishes into the channel with (Aliyun ARTC). */
    public static final String CO_HOST_PUSH_URL = "rtc_push_url";
    /** The key in {@link #urls()} of the URL that plays the channel (Aliyun ARTC). */
    public static final String CO_HOST_PULL_URL = "rtc_pull_url";

    public JoinCredential {
        urls = Map.copyOf(urls);
    }

    @Override
    public String toString() {
        // The token is a secret for the channel; keep it out of logs.
        return "JoinCredential[" + vendor + ", " + channel + ", " + userId + ", " + role + ", expires " + expiresAt + "]";
    }
}
