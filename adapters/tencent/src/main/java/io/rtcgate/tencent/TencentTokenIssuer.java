package io.rtcgate.tencent;

import com.tencentyun.TLSSigAPIv2;
import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Join credentials for TRTC string-id rooms: a TLS v2 UserSig for the user, signed with the
 * application's key by Tencent's own library. The app id is the SDKAppID and the channel is the string
 * room id. A UserSig does not carry a role; the client picks anchor or audience when it enters.
 */
public final class TencentTokenIssuer implements JoinTokenIssuer {

    private final long sdkAppId;
    private final TLSSigAPIv2 signer;

    TencentTokenIssuer(TencentSettings settings) {
        this.sdkAppId = settings.sdkAppId();
        this.signer = new TLSSigAPIv2(settings.sdkAppId(), settings.userSigKey());
    }

    @Override
    public JoinCredential issue(JoinRequest request) {
        // The library stamps TLS.time from the system clock itself; reading it first means the stated
        // expiry is never later than the real one.
        long issuedAt = Instant.now().getEpochSecond();
        String userSig = userSig(request.userId(), request.ttl());
        return new JoinCredential(Vendor.TENCENT, String.valueOf(sdkAppId), request.channel(), request.userId(),
                Optional.empty(), userSig, Instant.ofEpochSecond(issuedAt + request.ttl().toSeconds()), request.role(), Map.of());
    }

    /** A UserSig for {@code userId}, valid for {@code ttl} (whole seconds) from now: a user's, or a recording robot's. */
    String userSig(String userId, Duration ttl) {
        long ttlSeconds = ttl.toSeconds();
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("a UserSig must be valid for at least one second, got " + ttl);
        }
        return signer.genUserSig(userId, ttlSeconds);
    }

    @Override
    public Vendor vendor() {
        return Vendor.TENCENT;
    }

}
