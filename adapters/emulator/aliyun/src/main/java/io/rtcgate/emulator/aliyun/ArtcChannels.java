package io.rtcgate.emulator.aliyun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** The ARTC channels in use and their users, each either publishing or watching. Thread-safe. */
final class ArtcChannels {

    /** channel → user → publishes */
    private final Map<String, Map<String, Boolean>> channels = new LinkedHashMap<>();

    synchronized void join(String channel, String userId, boolean publisher) {
        channels.computeIfAbsent(channel, name -> new LinkedHashMap<>()).put(userId, publisher);
    }

    synchronized void leave(String channel, String userId) {
        Map<String, Boolean> users = channels.get(channel);
        if (users != null) {
            users.remove(userId);
        }
    }

    /** Ends the channel: every user is out. */
    synchronized void delete(String channel) {
        channels.remove(channel);
    }

    synchronized ArtcChannelUsers users(String channel) {
        Map<String, Boolean> users = channels.get(channel);
        if (users == null) {
            return new ArtcChannelUsers(false, List.of(), List.of());
        }
        List<String> interactive = new ArrayList<>();
        List<String> live = new ArrayList<>();
        users.forEach((userId, publishes) -> (publishes ? interactive : live).add(userId));
        return new ArtcChannelUsers(true, interactive, live);
    }

    /** Drops every publisher for whom {@code (channel, userId)} matches: their stream was cut. */
    synchronized void removePublishersIf(BiPredicate<String, String> cut) {
        channels.forEach((channel, users) -> users.entrySet().removeIf(user -> user.getValue() && cut.test(channel, user.getKey())));
    }

    /** The CDN bypass stream an ARTC publisher's camera goes out on (vendors.md §3.3). */
    static String cameraStream(String appId, String channel, String userId) {
        return appId + "_" + channel + "_" + userId + "_camera";
    }
}
