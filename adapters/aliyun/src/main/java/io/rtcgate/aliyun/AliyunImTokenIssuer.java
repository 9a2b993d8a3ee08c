package io.rtcgate.aliyun;

import io.rtcgate.domain.messaging.MessagingToken;
import io.rtcgate.domain.messaging.MessagingTokenIssuer;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Clock;
import java.util.UUID;

/**
 * Login tokens for Aliyun's new interactive messaging (vendors.md §3.6, aui-clients.md §4):
 * {@code app_token = lowerhex(SHA-256(appId + appKey + userId + nonce + timestamp + role))}, with a fresh
 * random nonce per token and the token's expiry, in Unix seconds, as its timestamp.
 */
public final class AliyunImTokenIssuer implements MessagingTokenIssuer {

    private final AliyunImSettings im;
    private final Clock clock;

    AliyunImTokenIssuer(AliyunImSettings im, Clock clock) {
        this.im = im;
        this.clock = clock;
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public MessagingToken issue(String userId, String role) {
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("a messaging token needs a user id");
        }
        String nonce = UUID.randomUUID().toString().replace("-", "");
        long expiresAt = clock.instant().plus(im.tokenTtl()).getEpochSecond();
        String signedRole = role == null ? "" : role;
        return new MessagingToken(im.appId(), im.appSign(), appToken(im.appId(), im.appKey(), userId, nonce, expiresAt, signedRole),
                userId, nonce, expiresAt, signedRole);
    }

    /** {@code lowerhex(SHA-256(appId + appKey + userId + nonce + timestamp + role))} */
    static String appToken(String appId, String appKey, String userId, String nonce, long timestamp, String role) {
        return AliyunDigests.sha256Hex(appId + appKey + userId + nonce + timestamp + role);
    }
}
