package io.rtcgate.agora;

import io.rtcgate.agora.AgoraJson.KickingRuleRequest;
import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel management over Agora's RTC REST API (vendors.md §1.4). Kicking and closing create banning
 * rules, which also remove the matching users from the channel at once.
 */
public final class AgoraChannelAdmin implements ChannelAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(AgoraChannelAdmin.class);
    private static final String KICKING_RULE_PATH = "/dev/v1/kicking-rule";
    /** The range Agora clamps {@code time_in_seconds} to; sending it clamped keeps the rule as asked. */
    private static final long MIN_BAN_SECONDS = 10;
    private static final long MAX_BAN_SECONDS = 86_430;
    private static final List<String> JOIN_CHANNEL = List.of("join_channel");

    private final AgoraSettings settings;
    private final NumericUidRegistry uids;
    private final AgoraRestClient rest;

    AgoraChannelAdmin(AgoraSettings settings, NumericUidRegistry uids, AgoraRestClient rest) {
        this.settings = settings;
        this.uids = uids;
        this.rest = rest;
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    /** Bans the user's uid from the channel for {@code duration}, clamped to Agora's 10 s .. 86430 s. */
    @Override
    public void kick(ChannelRef channel, String userId, Duration duration) {
        long seconds = Math.max(MIN_BAN_SECONDS, Math.min(MAX_BAN_SECONDS, duration.toSeconds()));
        createRule("kick", new KickingRuleRequest(settings.appId(), channel.channel(), AgoraUids.uidFor(uids, userId),
                seconds, JOIN_CHANNEL));
    }

    /** Bans everyone from the channel for as long as Agora allows (86430 s), which empties it now. */
    @Override
    public void close(ChannelRef channel) {
        createRule("close", new KickingRuleRequest(settings.appId(), channel.channel(), null, MAX_BAN_SECONDS, JOIN_CHANNEL));
    }

    private void createRule(String operation, KickingRuleRequest rule) {
        // The rule exists once Agora answers 2xx; the answer's rule id would only serve a log line.
        rest.post(operation, KICKING_RULE_PATH, rule);
        LOG.debug("agora {}: banning rule created for {}", operation, rule.cname());
    }
}
