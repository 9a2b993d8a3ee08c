package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.QueryString;
import io.rtcgate.emulator.RandomStrings;
import io.rtcgate.emulator.agora.MediaPullBodies.Created;
import io.rtcgate.emulator.agora.MediaPullBodies.CreatedPlayer;
import io.rtcgate.emulator.agora.MediaPullBodies.ListedPlayer;
import io.rtcgate.emulator.agora.MediaPullBodies.PlayerList;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agora Media Pull ("cloud player") as the emulator plays it: create, list, update and delete as Agora's
 * reference describes them (docs-portal {@code api-ref/media-pull/index.md}), with a simulated media clock.
 *
 * <p>The clock: a source URL tells its length in whole seconds with the query parameter {@code duration}
 * ({@code https://media.example/class.mp4?duration=120}); an http(s) source without it is a file of one hour, an
 * {@code rtmp://} source is live and never ends. A file starts at {@code seekPosition} and plays
 * {@code repeatTime} times (-1: for ever), each repeat from its start; once it has played to its end the player
 * ends by itself and is no longer listed. A player is in its channel as a broadcaster with its uid from its
 * create to its end; a banning rule that puts it out of the channel ends it. Time is the emulator's clock, read
 * on every call and on the emulator's tick. Thread-safe.
 *
 * <p>Each player's life goes out as Media Pull notifications (productId 4, doc.shengwang.cn/doc/media-pull/restful/
 * webhook/ncs-events): 1 Player Created on create; 4 Player Status Changed {@code running} once it plays (at once, or
 * at its {@code playTs}); 3 Player Destroyed with its {@code destroyReason}: {@code "Delete Request"} on a delete,
 * {@code "Internal Error"} when a banning rule puts it out of its channel (the reference's channel errors), and
 * {@code "Idle Timeout"} when a file played to the end of its last repeat. The reference names no reason for a file
 * that ended; a player that has nothing more to play is idle, so the emulator reports it destroyed for that, at the
 * instant the file ended, without first waiting out {@code idleTimeout}.
 *
 * <p>Where Agora's reference is silent the emulator decides, and says so: a token that does not admit the uid
 * to publish in the channel, a uid already in the channel and a source that cannot be played are refused with
 * 400 at create (Agora may accept the create and fail the player later); a paused player stays in its channel,
 * is listed {@code running} and is not ended by its {@code idleTimeout}; an update's {@code sequence} not above
 * the player's last one is 400; the list path takes no region, as the reference writes it.
 */
final class MediaPullPlayers {

    static final Set<String> REGIONS = Set.of("cn", "ap", "na", "eu");
    /** A file whose URL does not say its length plays for an hour. */
    static final Duration DEFAULT_FILE_LENGTH = Duration.ofHours(1);
    static final int DEFAULT_IDLE_TIMEOUT = 300;
    static final int MIN_IDLE_TIMEOUT = 5;
    static final int MAX_IDLE_TIMEOUT = 600;
    static final int DEFAULT_VOLUME = 100;
    static final int MAX_VOLUME = 200;
    static final int DEFAULT_PAGE_SIZE = 200;
    static final int MAX_PAGE_SIZE = 500;
    /** {@code playTs} lies in [createTs - 86400, createTs + 300]. */
    static final Duration PLAY_TS_BEFORE = Duration.ofSeconds(86_400);
    static final Duration PLAY_TS_AFTER = Duration.ofSeconds(300);
    private static final long MAX_UID = 0xFFFF_FFFFL;
    private static final int MAX_STREAM_URL_BYTES = 1024;
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern FILTER = Pattern.compile("channelName eq (.+)");
    private static final Set<String> SCHEMES = Set.of("http", "https", "rtmp");
    private static final String INVALID_STREAM_URL = "Parameter 'streamUrl' is invalid formatted.";
    private static final String INVALID_CHANNEL = "Parameter channelName is invalid. Fix it in your request and retry.";
    /** As long as the token of the reference's Player Created example. */
    private static final int NOTICE_TOKEN_LENGTH = 10;
    private static final String DELETE_REQUEST = "Delete Request";
    private static final String INTERNAL_ERROR = "Internal Error";
    private static final String IDLE_TIMEOUT = "Idle Timeout";

    private final Clock clock;
    private final RtcTokenVerifier tokens;
    private final AgoraProject project;
    private final AgoraNotifications notifications;
    private final Map<String, Player> players = new LinkedHashMap<>();

    MediaPullPlayers(Clock clock, RtcTokenVerifier tokens, AgoraProject project, AgoraNotifications notifications) {
        this.clock = clock;
        this.tokens = tokens;
        this.project = project;
        this.notifications = notifications;
    }

    // ---- the API ----

    /** {@code requestId}: the create's {@code X-Request-ID}, which Player Created echoes; null makes one up. */
    synchronized Created create(String region, ObjectNode body, String requestId) {
        sync();
        Instant now = clock.instant();
        JsonNode player = playerObject(body);
        Source source = source(requiredText(player, "streamUrl", INVALID_STREAM_URL));
        String channel = optionalText(player, "channelName");
        if (channel == null || !CHANNEL_NAME.matcher(channel).matches()) {
            throw MediaPullApiError.badRequest(INVALID_CHANNEL);
        }
        if (player.hasNonNull("account")) {
            throw MediaPullApiError.badRequest("account: the emulator plays numeric uids only; set uid");
        }
        Long uidValue = optionalInteger(player, "uid");
        if (uidValue == null) {
            throw MediaPullApiError.badRequest("the cloud player needs a user name: set uid or account");
        }
        if (uidValue < 0 || uidValue > MAX_UID) {
            throw MediaPullApiError.badRequest("uid must be from 0 to " + MAX_UID);
        }
        long uid = uidValue == 0 ? freeUid(channel) : uidValue;
        String name = optionalText(player, "name");
        if (name != null && !NAME.matcher(name).matches()) {
            throw MediaPullApiError.badRequest("name must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (name != null) {
            Optional<Player> holder = listed().stream().filter(existing -> name.equals(existing.name)).findFirst();
            if (holder.isPresent()) {
                throw new MediaPullApiError(409, "Resource with the same name already exists.", holder.get().id);
            }
        }
        int idleTimeout = (int) Math.max(MIN_IDLE_TIMEOUT, Math.min(MAX_IDLE_TIMEOUT,
                Optional.ofNullable(optionalInteger(player, "idleTimeout")).orElse((long) DEFAULT_IDLE_TIMEOUT)));
        Long repeatValue = optionalInteger(player, "repeatTime");
        if (repeatValue != null && (repeatValue == 0 || repeatValue < -1 || repeatValue > Integer.MAX_VALUE)) {
            throw MediaPullApiError.badRequest("repeatTime is 1 or more, or -1 to play for ever; not " + repeatValue);
        }
        int repeat = repeatValue == null || source.live() ? 1 : repeatValue.intValue();
        Duration seek = seek(player, source);
        Long playTs = optionalInteger(player, "playTs");
        Instant startAt = now;
        Duration caughtUp = Duration.ZERO;
        if (playTs != null && playTs != 0) {
            Instant at = Instant.ofEpochSecond(playTs);
            if (at.isBefore(now.minus(PLAY_TS_BEFORE)) || at.isAfter(now.plus(PLAY_TS_AFTER))) {
                throw MediaPullApiError.badRequest("playTs must lie within [createTs-86400, createTs+300]");
            }
            if (at.isAfter(now)) {
                startAt = at;
            } else if (!source.live()) {
                // A file started in the past plays from where it would be now (the reference's error recovery).
                caughtUp = Duration.between(at, now);
            }
        }
        String token = optionalText(player, "token");
        Optional<String> refusal = token == null
                ? Optional.of("token is required: the project enforces its App Certificate")
                : tokens.verify(token, channel, uid, true);
        if (refusal.isPresent()) {
            throw MediaPullApiError.badRequest("token invalid: " + refusal.get());
        }
        if (project.members(channel).map(members -> contains(members, uid)).orElse(false)) {
            throw MediaPullApiError.badRequest("uid " + uid + " is already in channel " + channel
                    + "; every uid in a channel must be unique");
        }
        JoinResult joined = project.join(channel, uid, true);
        if (!joined.joined()) {
            throw MediaPullApiError.badRequest("the cloud player cannot join the channel: " + joined.refusal().orElseThrow());
        }
        Player created = new Player(RandomStrings.lowerHex(32), name, region, channel, uid, source, repeat, idleTimeout, now,
                startAt);
        created.offset = seek.plus(caughtUp);
        players.put(created.id, created);
        notifications.send(AgoraNotifications.MediaPullEvent.PLAYER_CREATED, new MediaPullBodies.CreatedNotice(
                new MediaPullBodies.CreatedNoticePlayer(channel, startAt.getEpochSecond(), now.getEpochSecond(), created.id,
                        idleTimeout, name, source.url(), token.substring(0, Math.min(NOTICE_TOKEN_LENGTH, token.length())), uid,
                        "connecting"),
                now.toEpochMilli(), requestId == null ? RandomStrings.lowerHex(32) : requestId));
        reportRunning(created, now);
        created.advance(now); // a file already past its end (caught up too far) ends at once
        return new Created(new CreatedPlayer(uid, created.id, now.getEpochSecond(), created.status(now)));
    }

    /** List: {@code filter=channelName eq <name>}, {@code pageSize} 1 to 500 (200), {@code pageToken}; ascending by createTs. */
    synchronized PlayerList list(Map<String, String> query) {
        sync();
        Instant now = clock.instant();
        List<Player> matching = new ArrayList<>(listed());
        String filter = query.get("filter");
        if (filter != null) {
            Matcher channel = FILTER.matcher(filter);
            if (!channel.matches()) {
                throw MediaPullApiError.badRequest("filter must be 'channelName eq <channel name>'");
            }
            matching.removeIf(player -> !player.channel.equals(channel.group(1)));
        }
        int pageSize = (int) boundedQueryInteger(query, "pageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        int from = 0;
        String pageToken = query.get("pageToken");
        if (pageToken != null && !pageToken.isEmpty()) {
            if (!pageToken.matches("p[0-9]{1,9}")) {
                throw MediaPullApiError.badRequest("pageToken is not one this API handed out");
            }
            from = Math.min(Integer.parseInt(pageToken.substring(1)), matching.size());
        }
        int to = Math.min(matching.size(), from + pageSize);
        List<ListedPlayer> page = matching.subList(from, to).stream()
                .map(player -> new ListedPlayer(player.name, player.source.url(), player.channel, player.uid, player.id,
                        player.createdAt.getEpochSecond(), player.status(now)))
                .toList();
        return new PlayerList(matching.size(), page, MediaPullBodies.LISTED_FIELDS, to < matching.size() ? "p" + to : "");
    }

    /** Update ({@code PATCH ...?sequence=n}): {@code isPause}, {@code audioOptions.volume}, {@code seekPosition}, {@code streamUrl}. */
    synchronized void update(String region, String id, Map<String, String> query, ObjectNode body) {
        sync();
        Instant now = clock.instant();
        Player player = listedPlayer(region, id);
        long sequence = boundedQueryInteger(query, "sequence", 0, Long.MAX_VALUE, -1);
        if (sequence < 0) {
            throw MediaPullApiError.badRequest("sequence is required: a number from 0, above the last update's");
        }
        if (sequence <= player.lastSequence) {
            throw MediaPullApiError.badRequest("sequence " + sequence + " is not above the last update's, "
                    + player.lastSequence);
        }
        JsonNode changes = playerObject(body);
        JsonNode pause = changes.get("isPause");
        if (pause != null && !pause.isBoolean()) {
            throw MediaPullApiError.badRequest("isPause must be true or false");
        }
        Integer volume = null;
        JsonNode audio = changes.get("audioOptions");
        if (audio != null && !audio.isNull()) {
            if (!audio.isObject()) {
                throw MediaPullApiError.badRequest("audioOptions must be an object");
            }
            Long level = optionalInteger(audio, "volume");
            if (level != null && (level < 0 || level > MAX_VOLUME)) {
                throw MediaPullApiError.badRequest("audioOptions.volume is 0 to " + MAX_VOLUME + ", not " + level);
            }
            volume = level == null ? null : level.intValue();
        }
        String url = optionalText(changes, "streamUrl");
        Source source = url == null ? player.source : source(url);
        Duration seek = changes.has("seekPosition") ? seek(changes, source) : null;
        // All checked: apply together, on the media clock as it stands now.
        player.advance(now);
        player.lastSequence = sequence;
        if (url != null) {
            player.source = source;
            player.offset = seek == null ? Duration.ZERO : seek;
        } else if (seek != null && !source.live()) {
            Duration length = source.length().orElseThrow();
            long pass = player.offset.toMillis() / length.toMillis();
            player.offset = length.multipliedBy(pass).plus(seek);
        }
        if (volume != null) {
            player.volume = volume;
        }
        if (pause != null) {
            player.paused = pause.booleanValue();
        }
    }

    synchronized void delete(String region, String id) {
        sync();
        Player player = listedPlayer(region, id);
        player.end(project);
        reportDestroyed(player, DELETE_REQUEST, clock.instant());
    }

    /** Moves every player on to the clock: files that reach their end end, players put out of their channel end. */
    synchronized void sync() {
        Instant now = clock.instant();
        for (Player player : players.values()) {
            if (player.state() == MediaPullPlayer.State.ENDED) {
                continue;
            }
            boolean inChannel = project.members(player.channel).map(members -> contains(members, player.uid)).orElse(false);
            if (!inChannel) {
                player.ended = true; // a banning rule removed it
                reportDestroyed(player, INTERNAL_ERROR, now);
                continue;
            }
            reportRunning(player, now);
            if (player.advance(now)) {
                player.end(project);
                reportDestroyed(player, IDLE_TIMEOUT, player.playedOutAt);
            }
        }
    }

    /** 4 Player Status Changed to {@code running}, once, when the player first plays. */
    private void reportRunning(Player player, Instant now) {
        if (player.reportedRunning || now.isBefore(player.startAt)) {
            return;
        }
        player.reportedRunning = true;
        notifications.send(AgoraNotifications.MediaPullEvent.PLAYER_STATUS_CHANGED, new MediaPullBodies.StatusChangedNotice(
                new MediaPullBodies.StatusChangedNoticePlayer(player.channel, player.id, player.name, "running"),
                player.startAt.toEpochMilli(), MediaPullBodies.STATUS_CHANGED_FIELDS));
    }

    private void reportDestroyed(Player player, String reason, Instant at) {
        notifications.send(AgoraNotifications.MediaPullEvent.PLAYER_DESTROYED, new MediaPullBodies.DestroyedNotice(
                new MediaPullBodies.DestroyedNoticePlayer(player.channel, player.id, player.name, player.startAt.getEpochSecond()),
                at.toEpochMilli(), reason, MediaPullBodies.DESTROYED_FIELDS));
    }

    synchronized List<MediaPullPlayer> snapshot() {
        sync();
        return players.values().stream().map(Player::snapshot).toList();
    }

    // ---- reading the body ----

    private static JsonNode playerObject(ObjectNode body) {
        JsonNode player = body.get("player");
        if (player == null || !player.isObject()) {
            throw MediaPullApiError.badRequest("the body must be {\"player\": {...}}");
        }
        return player;
    }

    /** The source a URL names, with its length from its {@code duration} parameter. */
    private static Source source(String url) {
        if (url.getBytes(StandardCharsets.UTF_8).length > MAX_STREAM_URL_BYTES) {
            throw MediaPullApiError.badRequest(INVALID_STREAM_URL);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw MediaPullApiError.badRequest(INVALID_STREAM_URL);
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
            throw MediaPullApiError.badRequest(INVALID_STREAM_URL);
        }
        if (uri.getScheme().equals("rtmp")) {
            return new Source(url, Optional.empty());
        }
        Map<String, String> query;
        try {
            query = QueryString.parse(uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            throw MediaPullApiError.badRequest(INVALID_STREAM_URL);
        }
        String duration = query.get("duration");
        if (duration == null) {
            return new Source(url, Optional.of(DEFAULT_FILE_LENGTH));
        }
        if (!duration.matches("[1-9][0-9]{0,8}")) {
            throw MediaPullApiError.badRequest("the source cannot be played: its duration parameter must be whole seconds, not "
                    + duration);
        }
        return new Source(url, Optional.of(Duration.ofSeconds(Long.parseLong(duration))));
    }

    /** {@code seekPosition}: whole seconds into a file, below its length; a live source has no position to seek to. */
    private static Duration seek(JsonNode player, Source source) {
        Long seconds = optionalInteger(player, "seekPosition");
        if (seconds == null || source.live()) {
            return Duration.ZERO;
        }
        Duration seek = Duration.ofSeconds(seconds);
        if (seconds < 0 || seek.compareTo(source.length().orElseThrow()) >= 0) {
            throw MediaPullApiError.badRequest("seekPosition must be from 0 to below the file's length ("
                    + source.length().orElseThrow().toSeconds() + " s), not " + seconds);
        }
        return seek;
    }

    private static String requiredText(JsonNode object, String field, String message) {
        String value = optionalText(object, field);
        if (value == null || value.isEmpty()) {
            throw MediaPullApiError.badRequest(message);
        }
        return value;
    }

    private static String optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw MediaPullApiError.badRequest(field + " must be a string");
        }
        return value.textValue();
    }

    private static Long optionalInteger(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!EmulatorJson.isLong(value)) {
            throw MediaPullApiError.badRequest(field + " must be an integer");
        }
        return value.longValue();
    }

    private static long boundedQueryInteger(Map<String, String> query, String name, long min, long max, long absent) {
        String value = query.get(name);
        if (value == null) {
            return absent;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw MediaPullApiError.badRequest(name + " must be a number");
        }
        if (number < min || number > max) {
            throw MediaPullApiError.badRequest(name + " must be from " + min + " to " + max);
        }
        return number;
    }

    // ---- state ----

    private List<Player> listed() {
        return players.values().stream().filter(player -> player.state() != MediaPullPlayer.State.ENDED)
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt)).toList();
    }

    /** A listed player created in {@code region}; a player of another region is not found there. */
    private Player listedPlayer(String region, String id) {
        Player player = players.get(id);
        if (player == null || player.state() == MediaPullPlayer.State.ENDED || !player.region.equals(region)) {
            throw MediaPullApiError.notFound();
        }
        return player;
    }

    private long freeUid(String channel) {
        long uid;
        do {
            uid = 1 + (long) (Math.random() * (MAX_UID - 1));
            long candidate = uid;
            if (project.members(channel).map(members -> !contains(members, candidate)).orElse(true)) {
                return uid;
            }
        } while (true);
    }

    private static boolean contains(ChannelMembers members, long uid) {
        return members.broadcasters().contains(uid) || members.audience().contains(uid);
    }

    /** What a player plays: its URL and, for a file, its length (empty: a live stream). */
    private record Source(String url, Optional<Duration> length) {

        boolean live() {
            return length.isEmpty();
        }
    }

    private static final class Player {

        final String id;
        final String name;
        final String region;
        final String channel;
        final long uid;
        final int repeat;
        final int idleTimeout;
        final Instant createdAt;
        final Instant startAt;
        Source source;
        /** Media time played: for a file, from the start of its first pass (the seek included), over every repeat. */
        Duration offset = Duration.ZERO;
        Instant lastAdvance;
        boolean paused;
        boolean ended;
        boolean reportedRunning;
        /** When a file played to the end of its last repeat; null until it has. */
        Instant playedOutAt;
        int volume = DEFAULT_VOLUME;
        long lastSequence = -1;

        Player(String id, String name, String region, String channel, long uid, Source source, int repeat, int idleTimeout,
               Instant createdAt, Instant startAt) {
            this.id = id;
            this.name = name;
            this.region = region;
            this.channel = channel;
            this.uid = uid;
            this.source = source;
            this.repeat = repeat;
            this.idleTimeout = idleTimeout;
            this.createdAt = createdAt;
            this.startAt = startAt;
            this.lastAdvance = createdAt;
        }

        MediaPullPlayer.State state() {
            return ended ? MediaPullPlayer.State.ENDED : paused ? MediaPullPlayer.State.PAUSED : MediaPullPlayer.State.RUNNING;
        }

        /** Plays on to {@code now}; true when a file has just played to the end of its last repeat. */
        boolean advance(Instant now) {
            Instant from = lastAdvance.isAfter(startAt) ? lastAdvance : startAt;
            if (!ended && !paused && now.isAfter(from)) {
                offset = offset.plus(Duration.between(from, now));
            }
            if (now.isAfter(lastAdvance)) {
                lastAdvance = now;
            }
            Optional<Duration> total = total();
            if (!ended && total.isPresent() && offset.compareTo(total.get()) >= 0) {
                if (playedOutAt == null) {
                    // The media it played past the end tells when the end was, but not before it was created.
                    Instant end = now.minus(offset.minus(total.get()));
                    playedOutAt = end.isBefore(createdAt) ? createdAt : end;
                }
                offset = total.get();
                return true;
            }
            return false;
        }

        /** How much media a file plays in all: its first pass from the seek, then whole repeats; empty for ever. */
        private Optional<Duration> total() {
            if (source.live() || repeat == -1) {
                return Optional.empty();
            }
            return Optional.of(source.length().orElseThrow().multipliedBy(repeat));
        }

        void end(AgoraProject project) {
            ended = true;
            project.leave(channel, uid);
        }

        String status(Instant now) {
            return now.isBefore(startAt) ? "idle" : "running";
        }

        Duration position() {
            if (source.live()) {
                return offset;
            }
            long length = source.length().orElseThrow().toMillis();
            if (ended && offset.toMillis() > 0 && offset.toMillis() % length == 0) {
                return Duration.ofMillis(length);
            }
            return Duration.ofMillis(offset.toMillis() % length);
        }

        MediaPullPlayer snapshot() {
            return new MediaPullPlayer(id, name, region, channel, uid, source.url(), state(), position(), volume, idleTimeout);
        }
    }
}
