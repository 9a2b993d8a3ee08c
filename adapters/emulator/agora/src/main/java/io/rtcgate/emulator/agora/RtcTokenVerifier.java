package io.rtcgate.emulator.agora;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks an RTC join token the way Agora's edge does (vendors.md §4.1): signature under the project's
 * certificate, app id, channel and uid of the RTC service, and expiry of the token and of each needed
 * privilege against the emulator's clock.
 */
public final class RtcTokenVerifier {

    /** What a broadcaster needs to send media; the data-stream privilege only matters for data streams. */
    private static final List<RtcPrivilege> PUBLISH = List.of(RtcPrivilege.PUBLISH_AUDIO_STREAM, RtcPrivilege.PUBLISH_VIDEO_STREAM);

    private final String appId;
    private final String appCertificate;
    private final Clock clock;

    public RtcTokenVerifier(String appId, String appCertificate, Clock clock) {
        this.appId = appId;
        this.appCertificate = appCertificate;
        this.clock = clock;
    }

    /**
     * Why {@code token} does not let {@code uid} join {@code channel} (and publish there, if
     * {@code wantsPublish}); empty when it does. A token for uid 0 admits any uid.
     */
    public Optional<String> verify(String token, String channel, long uid, boolean wantsPublish) {
        DecodedToken decoded;
        try {
            decoded = DecodedToken.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (!decoded.appId().equals(appId)) {
            return Optional.of("token is for app id " + decoded.appId() + ", not " + appId);
        }
        if (!decoded.isSignedWith(appCertificate)) {
            return Optional.of("token signature does not match the app certificate");
        }
        Instant now = clock.instant();
        if (!now.isBefore(decoded.expiresAt())) {
            return Optional.of("token expired at " + decoded.expiresAt());
        }
        Optional<DecodedToken.Service> rtc = decoded.service(DecodedToken.SERVICE_RTC);
        if (rtc.isEmpty()) {
            return Optional.of("token has no RTC service");
        }
        String tokenChannel = rtc.get().fields().get(0);
        String tokenUid = rtc.get().fields().get(1);
        if (!tokenChannel.equals(channel)) {
            return Optional.of("token is for channel " + tokenChannel + ", not " + channel);
        }
        if (!tokenUid.isEmpty() && !tokenUid.equals(Long.toString(uid))) {
            return Optional.of("token is for uid " + tokenUid + ", not " + uid);
        }
        Optional<String> joinProblem = privilegeProblem(decoded, rtc.get(), RtcPrivilege.JOIN_CHANNEL, now);
        if (joinProblem.isPresent() || !wantsPublish) {
            return joinProblem;
        }
        return PUBLISH.stream()
                .map(privilege -> privilegeProblem(decoded, rtc.get(), privilege, now))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> privilegeProblem(DecodedToken token, DecodedToken.Service rtc, RtcPrivilege privilege,
                                                     Instant now) {
        Long seconds = rtc.privileges().get(privilege.code());
        if (seconds == null) {
            return Optional.of("token grants no " + privilege.readableName() + " privilege");
        }
        Instant expiry = token.afterIssue(seconds);
        if (!now.isBefore(expiry)) {
            return Optional.of("token's " + privilege.readableName() + " privilege expired at " + expiry);
        }
        return Optional.empty();
    }
}
