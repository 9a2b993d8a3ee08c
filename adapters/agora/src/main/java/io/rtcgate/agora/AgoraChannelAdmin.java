package io.rtcgate.agora;

import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel management over Agora's RTC REST API (vendors.md §1.4). Kicking and closing create banning
 * rules, which also remove the matching users from the channel at once; the participant list is
 * Agora's user list, with numeric uids mapped back to gateway user ids.
 */
public final class AgoraChannelAdmin implements ChannelAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(AgoraChannelAdmin.class);
    private static final String KICKING_RULE_PATH = "/dev/v1/kicking-rule";
    /** The range Agora clamps {@code time_in_seconds} to; sending it clamped keeps the rule as asked. */
    private static final long MIN_BAN_SECONDS = 10;
    private static final long MAX_BAN_SECONDS = 86_430;
    private static final List<String> JOIN_CHANNEL = List.of("join_channel");
    private static final long COMMUNICATION_MODE = 1;
    private static final long LIVE_BROADCASTING_MODE = 2;

    private final AgoraSettings settings;
    private final NumericUidRegistry uids;
    private final AgoraRestClient rest;

    public AgoraChannelAdmin(AgoraSettings settings, NumericUidRegistry uids) {
        this.settings = settings;
        this.uids = uids;
        this.rest = new AgoraRestClient(settings);
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.CHANNEL_ADMIN, Capability.PARTICIPANT_LIST);
    }

    /** Bans the user's uid from the channel for {@code duration}, clamped to Agora's 10 s .. 86430 s. */
    @Override
    public void kick(ChannelRef channel, String userId, Duration duration) {
        long uid = AgoraUids.uidFor(uids, userId);
        long seconds = Math.max(MIN_BAN_SECONDS, Math.min(MAX_BAN_SECONDS, duration.toSeconds()));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("appid", settings.appId());
        rule.put("cname", channel.channel());
        rule.put("uid", uid);
        rule.put("time_in_seconds", seconds);
        rule.put("privileges", JOIN_CHANNEL);
        createRule("kick", rule);
    }

    @Override
    public Participants participants(ChannelRef channel) {
        String path = "/dev/v1/channel/user/" + pathSegment(settings.appId()) + "/" + pathSegment(channel.channel());
        String body = rest.get("participants", path);
        try {
            return participantsOf(Json.parseObject(body));
        } catch (IllegalArgumentException e) {
            throw unreadable("participants", e);
        }
    }

    /** Bans everyone from the channel for as long as Agora allows (86430 s), which empties it now. */
    @Override
    public void close(ChannelRef channel) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("appid", settings.appId());
        rule.put("cname", channel.channel());
        rule.put("time_in_seconds", MAX_BAN_SECONDS);
        rule.put("privileges", JOIN_CHANNEL);
        createRule("close", rule);
    }

    private void createRule(String operation, Map<String, Object> rule) {
        String body = rest.post(operation, KICKING_RULE_PATH, Json.write(rule));
        LOG.debug("agora {}: banning rule {} created for {}", operation, ruleId(body), rule.get("cname"));
    }

    private static Object ruleId(String body) {
        try {
            return Json.parseObject(body).get("id");
        } catch (IllegalArgumentException notJson) {
            // The rule exists once Agora answers 2xx; its id is only kept for the log.
            return "(unknown id)";
        }
    }

    private Participants participantsOf(Map<String, Object> response) {
        if (!Boolean.TRUE.equals(response.get("success"))) {
            throw new VendorException(Vendor.AGORA, "participants", VendorException.Kind.REJECTED, null,
                    "user list answered without success");
        }
        Map<?, ?> data = field(response, "data", Map.class);
        if (!Boolean.TRUE.equals(data.get("channel_exist"))) {
            return new Participants(List.of(), List.of());
        }
        Object mode = data.get("mode");
        if (Long.valueOf(COMMUNICATION_MODE).equals(mode)) {
            return new Participants(userIds(data, "users"), List.of());
        }
        if (Long.valueOf(LIVE_BROADCASTING_MODE).equals(mode)) {
            return new Participants(userIds(data, "broadcasters"), userIds(data, "audience"));
        }
        throw new IllegalArgumentException("unknown channel mode " + mode);
    }

    /**
     * The gateway users behind a list of uids (an absent list is empty); uids the gateway never handed
     * out, such as other clients of the project, are left out.
     */
    private List<String> userIds(Map<?, ?> data, String listName) {
        if (data.get(listName) == null) {
            return List.of();
        }
        List<String> userIds = new ArrayList<>();
        for (Object uid : field(data, listName, List.class)) {
            if (!(uid instanceof Long number)) {
                throw new IllegalArgumentException(listName + " holds " + uid + ", not a uid");
            }
            Optional<String> userId = uids.userFor(number);
            userId.ifPresentOrElse(userIds::add, () -> LOG.debug("agora participants: uid {} belongs to no gateway user", number));
        }
        return userIds;
    }

    private static <T> T field(Map<?, ?> object, String name, Class<T> type) {
        Object value = object.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(name + " is not a JSON " + (type == Map.class ? "object" : "array"));
        }
        return type.cast(value);
    }

    private static VendorException unreadable(String operation, RuntimeException cause) {
        return new VendorException(Vendor.AGORA, operation, VendorException.Kind.SERVER_ERROR, null,
                "unreadable answer: " + cause.getMessage());
    }

    private static String pathSegment(String value) {
        // URLEncoder encodes for forms; a path segment spells a space %20.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
