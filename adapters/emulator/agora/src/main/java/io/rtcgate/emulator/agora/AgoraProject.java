package io.rtcgate.emulator.agora;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of one emulated Agora project: who is in which channel and which banning rules are in
 * force. A rule that bans joining removes the users it matches at once, as Agora does. Thread-safe.
 */
final class AgoraProject {

    private final String appId;
    private final Clock clock;
    /** channel → uid → whether the user is a broadcaster; a channel exists while someone is in it. */
    private final Map<String, Map<Long, Boolean>> channels = new HashMap<>();
    private final Map<String, ChannelProfile> profiles = new HashMap<>();
    private final Map<Long, KickingRule> rules = new LinkedHashMap<>();
    private long lastRuleId;

    AgoraProject(String appId, Clock clock) {
        this.appId = appId;
        this.clock = clock;
    }

    synchronized KickingRule addRule(Optional<String> cname, Optional<Long> uid, Optional<String> ip, List<String> privileges,
                                     Duration duration) {
        Instant now = clock.instant();
        KickingRule rule = new KickingRule(++lastRuleId, appId, cname, uid, ip, privileges, now, now, now.plus(duration));
        rules.put(rule.id(), rule);
        removeBannedMembers(rule);
        return rule;
    }

    synchronized Optional<KickingRule> updateRule(long id, Duration duration) {
        Instant now = clock.instant();
        return activeRule(id).map(rule -> {
            KickingRule updated = rule.expiringAt(now, now.plus(duration));
            rules.put(id, updated);
            return updated;
        });
    }

    synchronized Optional<KickingRule> deleteRule(long id) {
        return activeRule(id).map(rule -> rules.remove(id));
    }

    synchronized List<KickingRule> activeRules() {
        dropExpiredRules();
        return List.copyOf(rules.values());
    }

    synchronized JoinResult join(String channel, long uid, boolean broadcaster) {
        dropExpiredRules();
        Optional<KickingRule> ban = rules.values().stream().filter(rule -> rule.bansFromJoining(channel, uid)).findFirst();
        if (ban.isPresent()) {
            return JoinResult.refused("uid " + uid + " is banned from channel " + channel + " by kicking rule " + ban.get().id()
                    + " until " + ban.get().expiresAt());
        }
        boolean publishes = broadcaster || profile(channel) == ChannelProfile.COMMUNICATION;
        channels.computeIfAbsent(channel, name -> new LinkedHashMap<>()).put(uid, publishes);
        return JoinResult.admitted();
    }

    synchronized void leave(String channel, long uid) {
        Map<Long, Boolean> members = channels.get(channel);
        if (members != null) {
            members.remove(uid);
            if (members.isEmpty()) {
                channels.remove(channel);
            }
        }
    }

    synchronized void setProfile(String channel, ChannelProfile profile) {
        profiles.put(channel, profile);
    }

    synchronized ChannelProfile profile(String channel) {
        return profiles.getOrDefault(channel, ChannelProfile.LIVE_BROADCASTING);
    }

    /** The channel's members, or empty when the channel does not exist (nobody is in it). */
    synchronized Optional<ChannelMembers> members(String channel) {
        Map<Long, Boolean> members = channels.get(channel);
        if (members == null) {
            return Optional.empty();
        }
        List<Long> broadcasters = new ArrayList<>();
        List<Long> audience = new ArrayList<>();
        members.forEach((uid, broadcaster) -> (broadcaster ? broadcasters : audience).add(uid));
        return Optional.of(new ChannelMembers(profile(channel), broadcasters, audience));
    }

    private Optional<KickingRule> activeRule(long id) {
        dropExpiredRules();
        return Optional.ofNullable(rules.get(id));
    }

    private void removeBannedMembers(KickingRule rule) {
        channels.forEach((channel, members) -> members.keySet().removeIf(uid -> rule.bansFromJoining(channel, uid)));
        channels.values().removeIf(Map::isEmpty);
    }

    private void dropExpiredRules() {
        Instant now = clock.instant();
        rules.values().removeIf(rule -> !rule.isActive(now));
    }
}
