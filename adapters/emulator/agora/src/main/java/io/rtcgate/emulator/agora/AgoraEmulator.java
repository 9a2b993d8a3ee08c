package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.EmulatorResponse;
import io.rtcgate.emulator.QueryString;
import io.rtcgate.emulator.RandomStrings;
import io.rtcgate.emulator.VendorEmulator;
import io.rtcgate.emulator.WebhookSender;
import io.rtcgate.emulator.agora.AgoraBodies.Message;
import io.rtcgate.emulator.agora.AgoraBodies.Rule;
import io.rtcgate.emulator.agora.AgoraBodies.RuleId;
import io.rtcgate.emulator.agora.AgoraBodies.RuleList;
import io.rtcgate.emulator.agora.AgoraBodies.Updated;
import io.rtcgate.emulator.agora.AgoraBodies.UserList;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fake Agora RTC REST API (channel management: banning rules and the user list; cloud recording:
 * acquire, start, query, stop; Media Pull cloud players: create, list, update, delete; Media Push RTMP converters:
 * create, update, delete, list) that checks what Agora checks (vendors.md §1.2, §1.3, §1.4, §1.6, §4.1), together
 * with the channels its clients are in and a verifier for the RTC tokens they would present.
 *
 * <p>Requests are checked in the order of Agora's API gateway: route (404), Basic auth (401),
 * Content-Type of a request with a body (415), JSON body and app id (400), then the operation itself.
 * Where Agora's documentation gives no error text, the emulator answers 400 with a plain
 * {@code {"message": ...}} saying what is wrong. Cloud recording answers its own errors as
 * {@code {"code": ..., "reason": ...}} (§1.3.6), a wrong Content-Type among them (code 8).
 *
 * <p>Cloud recording tasks move on with the emulator's clock whether or not anyone calls (files appear, idle
 * tasks exit), and once {@link #deliverNotificationsTo} names a receiver they tell it so through signed
 * notifications, as Agora's NCS does (§1.5). Cloud players play on a simulated media clock, the same clock
 * (see {@link MediaPullPlayers}): they join their channel as broadcasters and leave it when their file ends, and
 * report their creation, status and destruction through the same notifications (productId 4). Converters follow
 * the channels (see {@link MediaPushConverters}) and report through them too (productId 5); a project that
 * {@link #subscribeChannelEvents subscribes} the RTC channel events hears of its clients' joins, leaves and role
 * changes (productId 1).
 */
public final class AgoraEmulator extends VendorEmulator {

    private static final String KICKING_RULE_PATH = "/dev/v1/kicking-rule";
    private static final List<String> USER_LIST_PREFIX = List.of("dev", "v1", "channel", "user");
    private static final String NO_ROUTE = "no-route";
    private static final String RECORDING_ACTIONS = "cloud_recording.";
    private static final String MEDIA_PULL_ACTIONS = "cloud-player.";
    private static final List<String> PLAYERS_PATH = List.of("cloud-player", "players");
    private static final String MEDIA_PUSH_ACTIONS = "rtmp-converters.";
    private static final String CONVERTERS = "rtmp-converters";
    private static final long MAX_UID = 0xFFFF_FFFFL;
    /** The user list reports at most this many audience members, and their total separately. */
    private static final int AUDIENCE_LIMIT = 10_000;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** How often recording tasks catch up with the clock between calls: soon enough for a test, cheap for the gateway. */
    private static final Duration CLOCK_TICK = Duration.ofMillis(200);
    /** NCS resends at once and then less and less often; a second is near enough without flooding a slow receiver. */
    private static final Duration NOTIFICATION_RETRY_DELAY = Duration.ofSeconds(1);

    private final AgoraCredentials credentials;
    private final AgoraProject project;
    private final RtcTokenVerifier tokens;
    private final EmulatedStorage storage = EmulatedStorage.random();
    private final AgoraNotifications notifications;
    private final CloudRecordings recordings;
    private final MediaPullPlayers players;
    private final MediaPushConverters converters;
    /** Each client's session in a channel, by channel and uid, while it is in it: what its leave event reports. */
    private final Map<String, Map<Long, ChannelSession>> sessions = new HashMap<>();
    private final AtomicLong clientSeq = new AtomicLong();
    private volatile boolean channelEventsSubscribed;
    private final Object recordingFaults = new Object();
    private int notCompletedLeft;
    private boolean notCompletedAfterDoing;
    private volatile Consumer<String> beforeRecordingCall = action -> { };
    private volatile Consumer<String> beforeMediaPullCall = action -> { };
    private volatile Consumer<String> beforeMediaPushCall = action -> { };

    public AgoraEmulator(Clock clock, AgoraCredentials credentials) {
        super("agora", clock);
        this.credentials = credentials;
        this.project = new AgoraProject(credentials.appId(), clock);
        this.tokens = new RtcTokenVerifier(credentials.appId(), credentials.appCertificate(), clock);
        this.notifications = new AgoraNotifications(clock);
        this.recordings = new CloudRecordings(clock, tokens, storage, project::members, notifications);
        this.players = new MediaPullPlayers(clock, tokens, project, notifications);
        this.converters = new MediaPushConverters(credentials.appId(), clock, project, notifications);
        every(CLOCK_TICK, () -> {
            players.sync();
            recordings.sync();
            converters.sync();
        });
    }

    /** An emulator for a project with fresh random credentials; read them with {@link #credentials()}. */
    public static AgoraEmulator withRandomCredentials(Clock clock) {
        return new AgoraEmulator(clock, AgoraCredentials.random());
    }

    @Override
    public AgoraEmulator start() {
        super.start();
        return this;
    }

    public AgoraCredentials credentials() {
        return credentials;
    }

    // ---- the channels, as the clients in them would change them ----

    /** A client enters a channel without a token (a project whose certificate is not enforced). */
    public JoinResult joinChannel(String channel, long uid, boolean broadcaster) {
        requireValidUid(uid);
        return clientJoins(channel, uid, broadcaster, () -> project.join(channel, uid, broadcaster));
    }

    /** A client enters a channel with an RTC token, which must admit it (and let it publish, as a broadcaster). */
    public JoinResult joinChannel(String channel, long uid, boolean broadcaster, String token) {
        requireValidUid(uid);
        boolean publishes = broadcaster || project.profile(channel) == ChannelProfile.COMMUNICATION;
        return clientJoins(channel, uid, broadcaster, () -> tokens.verify(token, channel, uid, publishes)
                .map(JoinResult::refused)
                .orElseGet(() -> project.join(channel, uid, broadcaster)));
    }

    /** A client leaves the channel (leave reason 1, normal); nothing happens when it is not in it. */
    public void leaveChannel(String channel, long uid) {
        boolean wasIn = isInChannel(channel, uid);
        boolean wasBroadcaster = wasIn && project.members(channel).orElseThrow().broadcasters().contains(uid);
        project.leave(channel, uid);
        if (wasIn) {
            reportLeave(channel, uid, wasBroadcaster, ChannelEventBodies.NORMAL_LEAVE);
        }
        syncJobs();
    }

    /**
     * A client in the channel switches its role ({@code setClientRole}): to broadcaster (NCS 111) or to audience
     * (112). Only in a live broadcasting channel, where roles exist.
     *
     * @throws IllegalArgumentException when the client is not in the channel or the channel has no roles
     */
    public void setClientRole(String channel, long uid, boolean broadcaster) {
        if (!isInChannel(channel, uid)) {
            throw new IllegalArgumentException("uid " + uid + " is not in channel " + channel);
        }
        if (project.profile(channel) != ChannelProfile.LIVE_BROADCASTING) {
            throw new IllegalArgumentException("channel " + channel + " is a communication channel: it has no roles");
        }
        boolean wasBroadcaster = project.members(channel).orElseThrow().broadcasters().contains(uid);
        if (wasBroadcaster != broadcaster && project.join(channel, uid, broadcaster).joined()) {
            ChannelSession session = session(channel, uid);
            channelEvent(broadcaster ? AgoraNotifications.ChannelEvent.ROLE_TO_BROADCASTER
                    : AgoraNotifications.ChannelEvent.ROLE_TO_AUDIENCE, session.sid(), new ChannelEventBodies.User(channel, uid, null,
                    clientSeq.incrementAndGet(), now().getEpochSecond(), Long.toString(uid), null, null));
        }
        syncJobs();
    }

    /**
     * Whether the project is subscribed to the RTC channel events (NCS productId 1) in the console: from then on
     * every client's join, leave and role change through this emulator's hooks (and a channel's create and destroy)
     * is posted to the notification receiver. Off until called, as a project subscribes products one by one.
     */
    public void subscribeChannelEvents(boolean subscribed) {
        this.channelEventsSubscribed = subscribed;
    }

    /** Sets how clients set up the channel; channels are live broadcasting unless told otherwise. */
    public void setChannelProfile(String channel, ChannelProfile profile) {
        project.setProfile(channel, profile);
    }

    /** Who is in the channel, or empty when nobody is. */
    public Optional<ChannelMembers> channelMembers(String channel) {
        return project.members(channel);
    }

    public boolean isInChannel(String channel, long uid) {
        return project.members(channel)
                .map(members -> members.broadcasters().contains(uid) || members.audience().contains(uid))
                .orElse(false);
    }

    /** The banning rules in force now, in the order they were created. */
    public List<KickingRule> kickingRules() {
        return project.activeRules();
    }

    /** Why the RTC token does not admit {@code uid} to {@code channel}; empty when it does. */
    public Optional<String> verifyRtcToken(String token, String channel, long uid, boolean wantsPublish) {
        return tokens.verify(token, channel, uid, wantsPublish);
    }

    // ---- cloud recording ----

    /**
     * The storage the emulated recorder uploads to. Recordings started with other storage values record
     * all the same, but their files stay in Agora's backup storage ({@code "backuped"}).
     */
    public EmulatedStorage recordingStorage() {
        return storage;
    }

    /** Every cloud recording task started so far, in start order, as it is now on the emulator's clock. */
    public List<CloudRecordingTask> recordingTasks() {
        return recordings.snapshot();
    }

    /**
     * From now on, posts every cloud recording event to {@code url} as Agora's NCS does (vendors.md §1.5):
     * signed with {@code secret} (the console's Notifications secret), sent again up to 3 times while the
     * receiver does not answer 2xx. Until this is called nothing is sent; calling it again replaces the receiver.
     */
    public void deliverNotificationsTo(URI url, String secret) {
        deliverNotificationsTo(url, secret, NOTIFICATION_RETRY_DELAY);
    }

    /** As {@link #deliverNotificationsTo(URI, String)}, the first resend after {@code retryDelay}, each later one a delay more. */
    public void deliverNotificationsTo(URI url, String secret, Duration retryDelay) {
        notifications.deliverTo(url, secret, retryDelay);
    }

    /** While on, notifications wait, as late ones do; turned off, the waiting ones go out in order. */
    public void holdNotifications(boolean hold) {
        notifications.hold(hold);
    }

    /** While on, every notification is lost on the way, as NCS does not guarantee delivery; its try reads as dropped. */
    public void dropNotifications(boolean drop) {
        notifications.drop(drop);
    }

    /** Every try of every notification since the receiver was set, oldest first, with the receiver's answer. */
    public List<WebhookSender.Attempt> notificationAttempts() {
        return notifications.attempts();
    }

    /**
     * Answers the next {@code calls} cloud recording calls with 206 {@code {"code":65,"reason":"request not
     * completed"}}, Agora's backend timeout. With {@code afterDoing} the call takes effect first (a start
     * does start), as when Agora's backend finished but its answer did not make it back.
     */
    public void answerNotCompleted(int calls, boolean afterDoing) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1");
        }
        synchronized (recordingFaults) {
            notCompletedLeft = calls;
            notCompletedAfterDoing = afterDoing;
        }
    }

    /**
     * Whether a duplicate start's 201 {@code {"code":7,"reason":"already started"}} also names the running
     * task's {@code resourceId} and {@code sid} (the default: Agora's start answers carry the task's ids) or
     * is exactly the error table's body (vendors.md §1.3.6).
     */
    public void answerAlreadyStartedWithIds(boolean withIds) {
        recordings.alreadyStartedWithIds(withIds);
    }

    /**
     * Runs {@code listener} with the action name ({@code cloud_recording.start}, ...) of every cloud recording
     * call once it is authenticated, before the emulator serves it: tests move the emulator's clock there,
     * such as between an acquire and its start.
     */
    public void beforeRecordingCall(Consumer<String> listener) {
        this.beforeRecordingCall = listener == null ? action -> { } : listener;
    }

    // ---- Media Pull ----

    /**
     * Every cloud player created so far, in create order, as it is now on the emulator's clock: running,
     * paused, or ended (played to its end, deleted, or banned out of its channel).
     */
    public List<MediaPullPlayer> mediaPullPlayers() {
        return players.snapshot();
    }

    /**
     * Runs {@code listener} with the action name ({@code cloud-player.create}, ...) of every Media Pull call once it
     * is authenticated, before the emulator serves it: tests set a fault for the call after it there.
     */
    public void beforeMediaPullCall(Consumer<String> listener) {
        this.beforeMediaPullCall = listener == null ? action -> { } : listener;
    }

    // ---- Media Push ----

    /**
     * Every Media Push converter created so far, in create order, as it is now on the emulator's clock:
     * connecting, running, failed, or ended (deleted, or destroyed after its idle timeout).
     */
    public List<MediaPushConverter> mediaPushConverters() {
        return converters.snapshot();
    }

    /**
     * The converter's push fails, as when the CDN refuses it: its state is {@code failed} and a Converter status
     * changed notification (productId 5, eventType 3) says so. It stays until deleted or idle.
     *
     * @throws IllegalArgumentException when no live converter has the id
     */
    public void failMediaPushConverter(String converterId) {
        converters.fail(converterId);
    }

    /**
     * Agora destroys the converter on an error of its own (a hardware failure): it ends and a Converter destroyed
     * notification (productId 5, eventType 4) gives {@code destroyReason} {@code "Internal Error"}.
     *
     * @throws IllegalArgumentException when no live converter has the id
     */
    public void crashMediaPushConverter(String converterId) {
        converters.crash(converterId);
    }

    /**
     * Runs {@code listener} with the action name ({@code rtmp-converters.create}, ...) of every Media Push call once it
     * is authenticated, before the emulator serves it: tests set a fault for the call after it there.
     */
    public void beforeMediaPushCall(Consumer<String> listener) {
        this.beforeMediaPushCall = listener == null ? action -> { } : listener;
    }

    // ---- channel events ----

    private JoinResult clientJoins(String channel, long uid, boolean broadcaster, Supplier<JoinResult> join) {
        boolean channelExisted = project.members(channel).isPresent();
        boolean wasIn = isInChannel(channel, uid);
        JoinResult result = join.get();
        if (result.joined() && !wasIn) {
            if (!channelExisted) {
                channelEvent(AgoraNotifications.ChannelEvent.CHANNEL_CREATE, RandomStrings.lowerHex(32), new ChannelEventBodies.Channel(
                        channel, now().getEpochSecond(), null));
            }
            ChannelSession session = new ChannelSession(RandomStrings.lowerHex(32), now());
            synchronized (sessions) {
                sessions.computeIfAbsent(channel, name -> new HashMap<>()).put(uid, session);
            }
            channelEvent(joinEvent(channel, broadcaster), session.sid(), userPayload(channel, uid, null, null));
        }
        syncJobs();
        return result;
    }

    private void reportLeave(String channel, long uid, boolean wasBroadcaster, int reason) {
        ChannelSession session;
        synchronized (sessions) {
            Map<Long, ChannelSession> inChannel = sessions.getOrDefault(channel, new HashMap<>());
            session = inChannel.remove(uid);
            if (inChannel.isEmpty()) {
                sessions.remove(channel);
            }
        }
        String sid = session == null ? RandomStrings.lowerHex(32) : session.sid();
        long duration = session == null ? 0 : Duration.between(session.joinedAt(), now()).toSeconds();
        AgoraNotifications.ChannelEvent leave = project.profile(channel) == ChannelProfile.COMMUNICATION
                ? AgoraNotifications.ChannelEvent.USER_LEAVE
                : wasBroadcaster ? AgoraNotifications.ChannelEvent.BROADCASTER_LEAVE : AgoraNotifications.ChannelEvent.AUDIENCE_LEAVE;
        channelEvent(leave, sid, userPayload(channel, uid, reason, duration));
        if (project.members(channel).isEmpty()) {
            channelEvent(AgoraNotifications.ChannelEvent.CHANNEL_DESTROY, RandomStrings.lowerHex(32),
                    new ChannelEventBodies.Channel(channel, now().getEpochSecond(), uid));
        }
    }

    private AgoraNotifications.ChannelEvent joinEvent(String channel, boolean broadcaster) {
        if (project.profile(channel) == ChannelProfile.COMMUNICATION) {
            return AgoraNotifications.ChannelEvent.USER_JOIN;
        }
        return broadcaster ? AgoraNotifications.ChannelEvent.BROADCASTER_JOIN : AgoraNotifications.ChannelEvent.AUDIENCE_JOIN;
    }

    private ChannelSession session(String channel, long uid) {
        synchronized (sessions) {
            return sessions.getOrDefault(channel, Map.of()).getOrDefault(uid, new ChannelSession(RandomStrings.lowerHex(32), now()));
        }
    }

    private ChannelEventBodies.User userPayload(String channel, long uid, Integer reason, Long duration) {
        return new ChannelEventBodies.User(channel, uid, ChannelEventBodies.PLATFORM_OTHER, clientSeq.incrementAndGet(),
                now().getEpochSecond(), Long.toString(uid), reason, duration);
    }

    private void channelEvent(AgoraNotifications.ChannelEvent event, String sid, Record payload) {
        if (channelEventsSubscribed) {
            notifications.send(event, sid, payload);
        }
    }

    /** A client's time in a channel: the session id its events carry and when it joined. */
    private record ChannelSession(String sid, Instant joinedAt) {
    }

    /** After a change of the channels: recorders and converters see it at once, not on the next tick. */
    private void syncJobs() {
        recordings.sync();
        converters.sync();
    }

    // ---- HTTP ----

    @Override
    protected EmulatorResponse handle(HttpExchange exchange, String body) {
        identify(exchange);
        Optional<Match> match = match(exchange);
        if (match.isEmpty()) {
            return error(404, "no Route matched with those values", NO_ROUTE);
        }
        Route route = match.get().route();
        try {
            authenticate(exchange);
            if (route.action().startsWith(RECORDING_ACTIONS)) {
                return recordingCall(exchange, body, match.get(), route);
            }
            if (route.action().startsWith(MEDIA_PULL_ACTIONS)) {
                return mediaPullCall(exchange, body, match.get(), route);
            }
            if (route.action().startsWith(MEDIA_PUSH_ACTIONS)) {
                return mediaPushCall(exchange, body, match.get(), route);
            }
            ObjectNode json = route.readsBody() ? jsonBody(exchange, body) : null;
            Call call = new Call(match.get().pathParams(), query(exchange), json);
            return new EmulatorResponse(200, EmulatorJson.write(route.handler().apply(call)), route.action());
        } catch (ApiError e) {
            return error(e.status, e.getMessage(), route.action());
        }
    }

    /** A cloud recording call: app id, Content-Type and body checked Agora's way, then the operation. */
    private EmulatorResponse recordingCall(HttpExchange exchange, String body, Match match, Route route) {
        if (!credentials.appId().equals(match.pathParams().get(0))) {
            throw new ApiError(400, "appid is invalid");
        }
        beforeRecordingCall.accept(route.action());
        try {
            ObjectNode json = null;
            if (route.readsBody()) {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                if (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
                    throw new RecordingApiError(400, 8, "Content-Type must be application/json;charset=utf-8");
                }
                try {
                    json = EmulatorJson.readObject(body);
                } catch (IllegalArgumentException e) {
                    throw RecordingApiError.invalid("request body is not a JSON object");
                }
            }
            Call call = new Call(match.pathParams(), Map.of(), json);
            boolean notCompleted;
            boolean afterDoing;
            synchronized (recordingFaults) {
                notCompleted = notCompletedLeft > 0;
                afterDoing = notCompletedAfterDoing;
                if (notCompleted) {
                    notCompletedLeft--;
                }
            }
            if (notCompleted) {
                if (afterDoing) {
                    try {
                        route.handler().apply(call);
                    } catch (RecordingApiError whateverItAnswered) {
                        // the answer is lost either way
                    }
                }
                throw new RecordingApiError(206, 65, "request not completed");
            }
            return new EmulatorResponse(200, EmulatorJson.write(route.handler().apply(call)), route.action());
        } catch (RecordingApiError e) {
            return new EmulatorResponse(e.status(), EmulatorJson.write(e.body()), route.action());
        }
    }

    /**
     * A Media Pull call: the app id, then the operation. Answers echo the caller's {@code X-Request-ID} and name
     * the player in {@code X-Resource-ID}: the created one, the one the path names, or on a duplicate name (409)
     * the player that has it.
     */
    private EmulatorResponse mediaPullCall(HttpExchange exchange, String body, Match match, Route route) {
        String requestId = echoRequestId(exchange);
        List<String> params = projectPath(match);
        beforeMediaPullCall.accept(route.action());
        try {
            ObjectNode json = route.readsBody() ? jsonBody(exchange, body) : null;
            Record answer = route.handler().apply(new Call(params, query(exchange), json, requestId));
            recordings.sync();
            String resourceId = answer instanceof MediaPullBodies.Created created ? created.player().id()
                    : params.size() > 2 ? params.get(2) : null;
            if (resourceId != null) {
                exchange.getResponseHeaders().set("X-Resource-ID", resourceId);
            }
            return new EmulatorResponse(200, answer == null ? "" : EmulatorJson.write(answer), route.action());
        } catch (MediaPullApiError e) {
            e.resourceId().ifPresent(id -> exchange.getResponseHeaders().set("X-Resource-ID", id));
            return error(e.status(), e.getMessage(), route.action());
        }
    }

    /**
     * A Media Push call: the app id of the path (400 {@code appid is invalid}), the body, then the operation; its
     * errors answer Agora's media gateway's {@code {"message": ...}}. {@code X-Request-ID} is echoed and the converter's
     * id goes out in {@code X-Resource-ID}, as the reference's response headers say.
     */
    private EmulatorResponse mediaPushCall(HttpExchange exchange, String body, Match match, Route route) {
        String requestId = echoRequestId(exchange);
        List<String> params = projectPath(match);
        beforeMediaPushCall.accept(route.action());
        try {
            ObjectNode json = route.readsBody() ? jsonBody(exchange, body) : null;
            Record answer = route.handler().apply(new Call(params, query(exchange), json, requestId));
            String resourceId = answer instanceof ConverterAnswer converter ? converter.id()
                    : route.action().equals("rtmp-converters.delete") ? params.get(2) : null;
            if (resourceId != null) {
                exchange.getResponseHeaders().set("X-Resource-ID", resourceId);
            }
            String written = answer instanceof ConverterAnswer converter ? EmulatorJson.write(converter.body())
                    : answer instanceof Json tree ? EmulatorJson.write(tree.body()) : "";
            return new EmulatorResponse(200, written, route.action());
        } catch (MediaPushApiError e) {
            return error(e.status(), e.getMessage(), route.action());
        }
    }

    /** Echoes the caller's {@code X-Request-ID}, as Media Pull and Media Push answers do; null when it sent none. */
    private static String echoRequestId(HttpExchange exchange) {
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
        if (requestId != null && !requestId.isBlank()) {
            exchange.getResponseHeaders().set("X-Request-ID", requestId);
        }
        return requestId;
    }

    /** The path's parameters, the first of which must be this project's app id (400 {@code appid is invalid}). */
    private List<String> projectPath(Match match) {
        List<String> params = match.pathParams();
        if (!credentials.appId().equals(params.get(0))) {
            throw new ApiError(400, "appid is invalid");
        }
        return params;
    }

    /** An answer the Media Push API builds as a JSON tree. */
    private record Json(ObjectNode body) {
    }

    /** Create's and update's answer, with the converter's id for {@code X-Resource-ID}. */
    private record ConverterAnswer(String id, ObjectNode body) {
    }

    @Override
    public synchronized void close() {
        super.close();
        notifications.close();
    }

    @Override
    protected EmulatorResponse serverError(HttpExchange exchange) {
        identify(exchange);
        String action = actionOf(exchange);
        if (action.startsWith(RECORDING_ACTIONS)) {
            return new EmulatorResponse(500, EmulatorJson.write(new CloudRecordingBodies.CodeReason(500, "internal_error")), action);
        }
        return error(500, "Internal Server Error", action);
    }

    @Override
    protected EmulatorResponse throttled(HttpExchange exchange) {
        identify(exchange);
        return error(429, "API rate limit exceeded", actionOf(exchange));
    }

    /** An operation: its name in the request log, whether it reads a JSON body, and what answers it (a body record). */
    private record Route(String action, boolean readsBody, Function<Call, Record> handler) {
    }

    private record Match(Route route, List<String> pathParams) {
    }

    /** {@code requestId}: the caller's {@code X-Request-ID}, null without one. */
    private record Call(List<String> pathParams, Map<String, String> query, ObjectNode body, String requestId) {

        Call(List<String> pathParams, Map<String, String> query, ObjectNode body) {
            this(pathParams, query, body, null);
        }
    }

    /** An answer other than 200, with Agora's {@code {"message": ...}} body. */
    private static final class ApiError extends RuntimeException {

        private final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private Optional<Match> match(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        if (rawPath.equals(KICKING_RULE_PATH)) {
            Route route = switch (method) {
                case "POST" -> new Route("kicking-rule.create", true, this::createRule);
                case "GET" -> new Route("kicking-rule.list", false, this::listRules);
                case "PUT" -> new Route("kicking-rule.update", true, this::updateRule);
                case "DELETE" -> new Route("kicking-rule.delete", true, this::deleteRule);
                default -> null;
            };
            return Optional.ofNullable(route).map(found -> new Match(found, List.of()));
        }
        List<String> segments;
        try {
            segments = Arrays.stream(rawPath.substring(1).split("/", -1)).map(AgoraEmulator::decodeSegment).toList();
        } catch (IllegalArgumentException malformedPercentEncoding) {
            return Optional.empty();
        }
        Optional<Match> recording = recordingRoute(method, segments);
        if (recording.isPresent()) {
            return recording;
        }
        Optional<Match> mediaPull = mediaPullRoute(method, segments);
        if (mediaPull.isPresent()) {
            return mediaPull;
        }
        Optional<Match> mediaPush = mediaPushRoute(method, segments);
        if (mediaPush.isPresent()) {
            return mediaPush;
        }
        boolean userList = method.equals("GET") && segments.size() == USER_LIST_PREFIX.size() + 2
                && segments.subList(0, USER_LIST_PREFIX.size()).equals(USER_LIST_PREFIX)
                && segments.stream().noneMatch(String::isEmpty);
        if (userList) {
            return Optional.of(new Match(new Route("channel.user-list", false, this::userList),
                    segments.subList(USER_LIST_PREFIX.size(), segments.size())));
        }
        return Optional.empty();
    }

    /**
     * {@code /v1/apps/{appid}/cloud_recording/acquire}, {@code .../resourceid/{rid}/mode/{mode}/start},
     * {@code .../resourceid/{rid}/sid/{sid}/mode/{mode}/query} (GET) and {@code .../stop}; the path
     * parameters are the app id, then the resource id, sid and mode where the path has them.
     */
    private Optional<Match> recordingRoute(String method, List<String> segments) {
        if (segments.size() < 5 || !segments.get(0).equals("v1") || !segments.get(1).equals("apps")
                || !segments.get(3).equals("cloud_recording") || segments.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        String appId = segments.get(2);
        List<String> rest = segments.subList(4, segments.size());
        if (method.equals("POST") && rest.equals(List.of("acquire"))) {
            return Optional.of(new Match(new Route("cloud_recording.acquire", true,
                    call -> recordings.acquire(call.body())), List.of(appId)));
        }
        if (method.equals("POST") && rest.size() == 5 && rest.get(0).equals("resourceid") && rest.get(2).equals("mode")
                && rest.get(4).equals("start")) {
            return Optional.of(new Match(new Route("cloud_recording.start", true,
                    call -> recordings.start(call.pathParams().get(1), call.pathParams().get(2), call.body())),
                    List.of(appId, rest.get(1), rest.get(3))));
        }
        boolean taskPath = rest.size() == 7 && rest.get(0).equals("resourceid") && rest.get(2).equals("sid")
                && rest.get(4).equals("mode");
        if (taskPath && method.equals("GET") && rest.get(6).equals("query")) {
            return Optional.of(new Match(new Route("cloud_recording.query", false,
                    call -> recordings.query(call.pathParams().get(1), call.pathParams().get(2), call.pathParams().get(3))),
                    List.of(appId, rest.get(1), rest.get(3), rest.get(5))));
        }
        if (taskPath && method.equals("POST") && rest.get(6).equals("stop")) {
            return Optional.of(new Match(new Route("cloud_recording.stop", true,
                    call -> recordings.stop(call.pathParams().get(1), call.pathParams().get(2), call.pathParams().get(3),
                            call.body())),
                    List.of(appId, rest.get(1), rest.get(3), rest.get(5))));
        }
        return Optional.empty();
    }

    /**
     * {@code POST /{region}/v1/projects/{appId}/cloud-player/players} (create), {@code PATCH} and {@code DELETE}
     * {@code .../players/{id}} (update, delete), and {@code GET /v1/projects/{appId}/cloud-player/players} (list,
     * no region, as the reference writes it). A region other than {@code cn}, {@code ap}, {@code na} and {@code eu}
     * is no route. The path parameters are the app id, the region and the player id where the path has them.
     */
    private Optional<Match> mediaPullRoute(String method, List<String> segments) {
        if (segments.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        boolean list = segments.size() == 5 && segments.get(0).equals("v1") && segments.get(1).equals("projects")
                && segments.subList(3, 5).equals(PLAYERS_PATH);
        if (list && method.equals("GET")) {
            return Optional.of(new Match(new Route("cloud-player.list", false, call -> players.list(call.query())),
                    List.of(segments.get(2))));
        }
        boolean regional = segments.size() >= 6 && MediaPullPlayers.REGIONS.contains(segments.get(0))
                && segments.get(1).equals("v1") && segments.get(2).equals("projects")
                && segments.subList(4, 6).equals(PLAYERS_PATH);
        if (!regional) {
            return Optional.empty();
        }
        String region = segments.get(0);
        String appId = segments.get(3);
        if (segments.size() == 6 && method.equals("POST")) {
            return Optional.of(new Match(new Route("cloud-player.create", true,
                    call -> players.create(call.pathParams().get(1), call.body(), call.requestId())), List.of(appId, region)));
        }
        if (segments.size() == 7 && method.equals("DELETE")) {
            return Optional.of(new Match(new Route("cloud-player.delete", false, call -> {
                players.delete(call.pathParams().get(1), call.pathParams().get(2));
                return null;
            }), List.of(appId, region, segments.get(6))));
        }
        if (segments.size() == 7 && method.equals("PATCH")) {
            return Optional.of(new Match(new Route("cloud-player.update", true, call -> {
                players.update(call.pathParams().get(1), call.pathParams().get(2), call.query(), call.body());
                return null;
            }), List.of(appId, region, segments.get(6))));
        }
        return Optional.empty();
    }

    /**
     * {@code POST /{region}/v1/projects/{appId}/rtmp-converters} (create), {@code PATCH} and {@code DELETE}
     * {@code .../rtmp-converters/{id}} (update, delete), and the lists, without a region as the reference writes them:
     * {@code GET /v1/projects/{appId}/rtmp-converters} and {@code GET /v1/projects/{appId}/channels/{cname}/rtmp-converters}.
     * The path parameters are the app id, then the region and the converter id, or the channel of a channel's list.
     */
    private Optional<Match> mediaPushRoute(String method, List<String> segments) {
        if (segments.stream().anyMatch(String::isEmpty) || segments.size() < 4) {
            return Optional.empty();
        }
        boolean project = segments.get(0).equals("v1") && segments.get(1).equals("projects");
        if (project && method.equals("GET") && segments.size() == 4 && segments.get(3).equals(CONVERTERS)) {
            return Optional.of(new Match(new Route("rtmp-converters.list", false,
                    call -> new Json(converters.list(null, call.query().get("cursor")))), List.of(segments.get(2))));
        }
        if (project && method.equals("GET") && segments.size() == 6 && segments.get(3).equals("channels")
                && segments.get(5).equals(CONVERTERS)) {
            return Optional.of(new Match(new Route("rtmp-converters.list", false,
                    call -> new Json(converters.list(call.pathParams().get(1), call.query().get("cursor")))),
                    List.of(segments.get(2), segments.get(4))));
        }
        boolean regional = segments.size() >= 5 && MediaPullPlayers.REGIONS.contains(segments.get(0))
                && segments.get(1).equals("v1") && segments.get(2).equals("projects") && segments.get(4).equals(CONVERTERS);
        if (!regional) {
            return Optional.empty();
        }
        String region = segments.get(0);
        String appId = segments.get(3);
        if (segments.size() == 5 && method.equals("POST")) {
            return Optional.of(new Match(new Route("rtmp-converters.create", true, call -> {
                ObjectNode answer = converters.create(call.pathParams().get(1), call.body(), call.requestId());
                return new ConverterAnswer(answer.path("converter").path("id").textValue(), answer);
            }), List.of(appId, region)));
        }
        if (segments.size() == 6 && method.equals("PATCH")) {
            return Optional.of(new Match(new Route("rtmp-converters.update", true, call -> {
                ObjectNode answer = converters.update(call.pathParams().get(1), call.pathParams().get(2), call.query(), call.body());
                return new ConverterAnswer(call.pathParams().get(2), answer);
            }), List.of(appId, region, segments.get(5))));
        }
        if (segments.size() == 6 && method.equals("DELETE")) {
            return Optional.of(new Match(new Route("rtmp-converters.delete", false, call -> {
                converters.delete(call.pathParams().get(1), call.pathParams().get(2));
                return null;
            }), List.of(appId, region, segments.get(5))));
        }
        return Optional.empty();
    }

    private String actionOf(HttpExchange exchange) {
        return match(exchange).map(found -> found.route().action()).orElse(NO_ROUTE);
    }

    private void authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String scheme = "Basic ";
        if (header == null || !header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            throw new ApiError(401, "Unauthorized");
        }
        byte[] expected = (credentials.customerKey() + ":" + credentials.customerSecret()).getBytes(StandardCharsets.UTF_8);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(scheme.length()).trim());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ApiError(401, "Invalid authentication credentials");
        }
    }

    private static ObjectNode jsonBody(HttpExchange exchange, String body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
            throw new ApiError(415, "Content-Type must be application/json");
        }
        try {
            return EmulatorJson.readObject(body);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "request body is not a JSON object");
        }
    }

    private RuleId createRule(Call call) {
        ObjectNode body = call.body();
        requireAppId(textOrNull(body.get("appid")));
        Map<String, ChannelMembers> before = new HashMap<>();
        synchronized (sessions) {
            sessions.keySet().forEach(channel -> project.members(channel).ifPresent(members -> before.put(channel, members)));
        }
        KickingRule rule = project.addRule(optionalString(body, "cname"), optionalUid(body), optionalString(body, "ip"),
                privileges(body), banDuration(body).orElse(BanDurations.DEFAULT));
        // The clients the rule put out of their channels leave it, for the permission reason (3, kicked through REST).
        before.forEach((channel, members) -> {
            List<Long> inChannel = new ArrayList<>(members.broadcasters());
            inChannel.addAll(members.audience());
            inChannel.stream().filter(uid -> !isInChannel(channel, uid)).forEach(uid -> reportLeave(channel, uid,
                    members.broadcasters().contains(uid), ChannelEventBodies.PERMISSION_LEAVE));
        });
        syncJobs();
        return new RuleId(rule.id());
    }

    private RuleList listRules(Call call) {
        requireAppId(call.query().get("appid"));
        return new RuleList(project.activeRules().stream().map(AgoraEmulator::ruleBody).toList());
    }

    private Updated updateRule(Call call) {
        ObjectNode body = call.body();
        requireAppId(textOrNull(body.get("appid")));
        long id = requiredRuleId(body);
        Duration duration = banDuration(body).orElseThrow(() -> new ApiError(400, "time or time_in_seconds is required"));
        KickingRule rule = project.updateRule(id, duration).orElseThrow(() -> unknownRule(id));
        return new Updated(rule.id(), timestamp(rule.expiresAt()));
    }

    private RuleId deleteRule(Call call) {
        ObjectNode body = call.body();
        requireAppId(textOrNull(body.get("appid")));
        long id = requiredRuleId(body);
        project.deleteRule(id).orElseThrow(() -> unknownRule(id));
        return new RuleId(id);
    }

    private UserList userList(Call call) {
        requireAppId(call.pathParams().get(0));
        UserList.Data data = project.members(call.pathParams().get(1))
                .map(members -> describeMembers(members, call.query().containsKey("hosts_only")))
                .orElseGet(UserList.Data::noChannel);
        return new UserList(data);
    }

    private static UserList.Data describeMembers(ChannelMembers members, boolean hostsOnly) {
        if (members.profile() == ChannelProfile.COMMUNICATION) {
            return UserList.Data.communication(members.broadcasters());
        }
        if (hostsOnly) {
            return UserList.Data.liveHosts(members.broadcasters());
        }
        List<Long> audience = members.audience();
        return UserList.Data.live(members.broadcasters(), audience.subList(0, Math.min(AUDIENCE_LIMIT, audience.size())),
                audience.size());
    }

    private static Rule ruleBody(KickingRule rule) {
        return new Rule(rule.id(), rule.appId(), rule.uid().orElse(null), rule.id(), rule.cname().orElse(null),
                rule.ip().orElse(null), timestamp(rule.expiresAt()), timestamp(rule.createdAt()), timestamp(rule.updatedAt()));
    }

    private void requireAppId(String appId) {
        if (!credentials.appId().equals(appId)) {
            throw new ApiError(400, "invalid appid");
        }
    }

    private static String textOrNull(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Optional<String> optionalString(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        throw new ApiError(400, field + " must be a string");
    }

    /** A JSON integer that fits a long; {@code 1.0}, {@code "1"} and {@code true} are not. */
    private static Long optionalInteger(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (EmulatorJson.isLong(value)) {
            return value.longValue();
        }
        throw new ApiError(400, field + " must be an integer");
    }

    private static Optional<Long> optionalUid(ObjectNode body) {
        Long uid = optionalInteger(body, "uid");
        if (uid != null && (uid < 1 || uid > MAX_UID)) {
            throw new ApiError(400, "uid must be a number from 1 to " + MAX_UID);
        }
        return Optional.ofNullable(uid);
    }

    private static long requiredRuleId(ObjectNode body) {
        Long id = optionalInteger(body, "id");
        if (id == null) {
            throw new ApiError(400, "id is required");
        }
        return id;
    }

    private static List<String> privileges(ObjectNode body) {
        JsonNode array = body.get("privileges");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new ApiError(400, "privileges must be a non-empty array of " + KickingRule.PRIVILEGES);
        }
        List<String> privileges = new ArrayList<>();
        for (JsonNode privilege : array) {
            if (!privilege.isTextual() || !KickingRule.PRIVILEGES.contains(privilege.textValue())) {
                throw new ApiError(400, "privileges must be a non-empty array of " + KickingRule.PRIVILEGES);
            }
            privileges.add(privilege.textValue());
        }
        return privileges;
    }

    private static Optional<Duration> banDuration(ObjectNode body) {
        try {
            return BanDurations.requested(optionalInteger(body, "time"), optionalInteger(body, "time_in_seconds"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
    }

    private static ApiError unknownRule(long id) {
        return new ApiError(400, "no kicking rule with id " + id);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        try {
            return QueryString.parse(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "malformed query string");
        }
    }

    /** Percent-decodes a path segment; unlike a query, a path keeps "+" as it is. */
    private static String decodeSegment(String raw) {
        return QueryString.decode(raw.replace("+", "%2B"));
    }

    private static EmulatorResponse error(int status, String message, String action) {
        return new EmulatorResponse(status, EmulatorJson.write(new Message(message)), action);
    }

    /** Agora's responses carry a request id for support tickets. */
    private static void identify(HttpExchange exchange) {
        exchange.getResponseHeaders().set("X-Request-ID", UUID.randomUUID().toString());
    }

    private static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static void requireValidUid(long uid) {
        if (uid < 1 || uid > MAX_UID) {
            throw new IllegalArgumentException("an Agora uid is from 1 to " + MAX_UID + ", not " + uid);
        }
    }
}
