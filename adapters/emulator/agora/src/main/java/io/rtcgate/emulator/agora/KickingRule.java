package io.rtcgate.emulator.agora;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A banning ("kicking") rule (vendors.md §1.4). Each of cname, uid and ip narrows the rule when present;
 * a rule with cname only bans everyone from that channel. Joins in the emulator carry no client IP, so
 * a rule that names an ip never matches one.
 */
public record KickingRule(long id, String appId, Optional<String> cname, Optional<Long> uid, Optional<String> ip,
                          List<String> privileges, Instant createdAt, Instant updatedAt, Instant expiresAt) {

    public static final String JOIN_CHANNEL = "join_channel";
    public static final List<String> PRIVILEGES = List.of(JOIN_CHANNEL, "publish_audio", "publish_video");

    public KickingRule {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(cname, "cname");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(ip, "ip");
        privileges = List.copyOf(privileges);
    }

    public boolean isActive(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether this rule keeps {@code uid} out of {@code channel} (and so removes them from it). */
    public boolean bansFromJoining(String channel, long uid) {
        return privileges.contains(JOIN_CHANNEL)
                && ip.isEmpty()
                && cname.map(channel::equals).orElse(true)
                && this.uid.map(ruleUid -> ruleUid == uid).orElse(true);
    }

    KickingRule expiringAt(Instant now, Instant newExpiry) {
        return new KickingRule(id, appId, cname, uid, ip, privileges, createdAt, now, newExpiry);
    }
}
