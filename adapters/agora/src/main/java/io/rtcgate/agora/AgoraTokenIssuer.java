package io.rtcgate.agora;

import io.agora.media.AccessToken2;
import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Vendor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Agora RTC join tokens (AccessToken2, "007") for a user's numeric uid. Hosts and co-hosts may join and
 * publish audio, video and data streams; the audience may only join. The token and every privilege last
 * for the request's ttl, counted from the issue time.
 */
public final class AgoraTokenIssuer implements JoinTokenIssuer {

    /** Agora honours a token for at most 24 hours. */
    static final Duration MAX_TTL = Duration.ofHours(24);

    private final AgoraSettings settings;
    private final NumericUidRegistry uids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AgoraTokenIssuer(AgoraSettings settings, NumericUidRegistry uids, Clock clock) {
        this.settings = settings;
        this.uids = uids;
        this.clock = clock;
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the ttl is under a second or over 24 hours
     */
    @Override
    public JoinCredential issue(JoinRequest request) {
        int ttlSeconds = ttlSeconds(request.ttl());
        long uid = AgoraUids.uidFor(uids, request.userId());
        // The token counts its expiry from whole seconds, so the credential does too.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String token = buildToken(request.channel(), uid, request.role(), ttlSeconds, (int) issuedAt.getEpochSecond(),
                random.nextInt());
        return new JoinCredential(Vendor.AGORA, settings.appId(), request.channel(), request.userId(), Optional.of(uid), token,
                issuedAt.plusSeconds(ttlSeconds), request.role(), Map.of());
    }

    /** The token for {@code uid} (0 = any uid) with issue time and salt given, as the published vectors need. */
    String buildToken(String channel, long uid, ParticipantRole role, int expireSeconds, int issueTs, int salt) {
        AccessToken2 token = new AccessToken2(settings.appId(), settings.appCertificate(), expireSeconds);
        token.issueTs = issueTs;
        token.salt = salt;
        token.addService(rtcService(channel, uid, role, expireSeconds));
        String built;
        try {
            built = token.build();
        } catch (Exception e) {
            throw new IllegalStateException("Agora's token library failed to build an RTC token for channel " + channel, e);
        }
        if (built.isEmpty()) {
            throw new IllegalStateException("Agora's token library refused to build an RTC token for channel " + channel
                    + ": app id and app certificate must be 32 hexadecimal characters");
        }
        return built;
    }

    /** The RTC service of a token: what the role may do in the channel, each privilege for {@code expireSeconds}. */
    static AccessToken2.ServiceRtc rtcService(String channel, long uid, ParticipantRole role, int expireSeconds) {
        // getUidStr writes the uid as unsigned 32-bit decimal and uid 0 as "", exactly as Agora's builders do.
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(channel, AccessToken2.getUidStr((int) uid));
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, expireSeconds);
        if (role.publishes()) {
            rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM, expireSeconds);
            rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_VIDEO_STREAM, expireSeconds);
            rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_DATA_STREAM, expireSeconds);
        }
        return rtc;
    }

    private static int ttlSeconds(Duration ttl) {
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("an Agora token lives from 1 second to 24 hours, not " + ttl);
        }
        return (int) ttl.toSeconds();
    }
}
