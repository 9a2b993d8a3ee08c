package io.rtcgate.emulator.agora;

import com.sun.net.httpserver.HttpExchange;
import io.rtcgate.emulator.EmulatorResponse;
import io.rtcgate.emulator.VendorEmulator;
import java.math.BigInteger;
import java.net.URLDecoder;
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
import java.util.function.Function;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONParserConfiguration;

/**
 * A fake Agora RTC REST API (channel management: banning rules and the user list) that checks what
 * Agora checks (vendors.md §1.2, §1.4, §4.1), together with the channels its clients are in and a
 * verifier for the RTC tokens they would present.
 *
 * <p>Requests are checked in the order of Agora's API gateway: route (404), Basic auth (401),
 * Content-Type of a request with a body (415), JSON body and app id (400), then the operation itself.
 * Where Agora's documentation gives no error text, the emulator answers 400 with a plain
 * {@code {"message": ...}} saying what is wrong.
 */
public final class AgoraEmulator extends VendorEmulator {

    private static final String KICKING_RULE_PATH = "/dev/v1/kicking-rule";
    private static final List<String> USER_LIST_PREFIX = List.of("dev", "v1", "channel", "user");
    private static final String NO_ROUTE = "no-route";
    private static final long MAX_UID = 0xFFFF_FFFFL;
    /** The user list reports at most this many audience members, and their total separately. */
    private static final int AUDIENCE_LIMIT = 10_000;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JSONParserConfiguration STRICT_JSON = new JSONParserConfiguration().withStrictMode(true);

    private final AgoraCredentials credentials;
    private final AgoraProject project;
    private final RtcTokenVerifier tokens;

    public AgoraEmulator(Clock clock, AgoraCredentials credentials) {
        super("agora", clock);
        this.credentials = credentials;
        this.project = new AgoraProject(credentials.appId(), clock);
        this.tokens = new RtcTokenVerifier(credentials.appId(), credentials.appCertificate(), clock);
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
        return project.join(channel, uid, broadcaster);
    }

    /** A client enters a channel with an RTC token, which must admit it (and let it publish, as a broadcaster). */
    public JoinResult joinChannel(String channel, long uid, boolean broadcaster, String token) {
        requireValidUid(uid);
        boolean publishes = broadcaster || project.profile(channel) == ChannelProfile.COMMUNICATION;
        return tokens.verify(token, channel, uid, publishes)
                .map(JoinResult::refused)
                .orElseGet(() -> project.join(channel, uid, broadcaster));
    }

    public void leaveChannel(String channel, long uid) {
        project.leave(channel, uid);
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
            JSONObject json = route.readsBody() ? jsonBody(exchange, body) : null;
            Call call = new Call(match.get().pathParams(), query(exchange), json);
            return new EmulatorResponse(200, route.handler().apply(call).toString(), route.action());
        } catch (ApiError e) {
            return error(e.status, e.getMessage(), route.action());
        }
    }

    @Override
    protected EmulatorResponse serverError(HttpExchange exchange) {
        identify(exchange);
        return error(500, "Internal Server Error", actionOf(exchange));
    }

    @Override
    protected EmulatorResponse throttled(HttpExchange exchange) {
        identify(exchange);
        return error(429, "API rate limit exceeded", actionOf(exchange));
    }

    private record Route(String action, boolean readsBody, Function<Call, JSONObject> handler) {
    }

    private record Match(Route route, List<String> pathParams) {
    }

    private record Call(List<String> pathParams, Map<String, String> query, JSONObject body) {
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
        boolean userList = method.equals("GET") && segments.size() == USER_LIST_PREFIX.size() + 2
                && segments.subList(0, USER_LIST_PREFIX.size()).equals(USER_LIST_PREFIX)
                && segments.stream().noneMatch(String::isEmpty);
        if (userList) {
            return Optional.of(new Match(new Route("channel.user-list", false, this::userList),
                    segments.subList(USER_LIST_PREFIX.size(), segments.size())));
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

    private static JSONObject jsonBody(HttpExchange exchange, String body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
            throw new ApiError(415, "Content-Type must be application/json");
        }
        try {
            return new JSONObject(body, STRICT_JSON);
        } catch (JSONException e) {
            throw new ApiError(400, "request body is not a JSON object");
        }
    }

    private JSONObject createRule(Call call) {
        JSONObject body = call.body();
        requireAppId(body.opt("appid"));
        KickingRule rule = project.addRule(optionalString(body, "cname"), optionalUid(body), optionalString(body, "ip"),
                privileges(body), banDuration(body).orElse(BanDurations.DEFAULT));
        return new JSONObject().put("status", "success").put("id", rule.id());
    }

    private JSONObject listRules(Call call) {
        requireAppId(call.query().get("appid"));
        JSONArray rules = new JSONArray();
        project.activeRules().forEach(rule -> rules.put(ruleJson(rule)));
        return new JSONObject().put("status", "success").put("rules", rules);
    }

    private JSONObject updateRule(Call call) {
        JSONObject body = call.body();
        requireAppId(body.opt("appid"));
        long id = requiredRuleId(body);
        Duration duration = banDuration(body).orElseThrow(() -> new ApiError(400, "time or time_in_seconds is required"));
        KickingRule rule = project.updateRule(id, duration).orElseThrow(() -> unknownRule(id));
        return new JSONObject().put("status", "success")
                .put("result", new JSONObject().put("id", rule.id()).put("ts", timestamp(rule.expiresAt())));
    }

    private JSONObject deleteRule(Call call) {
        JSONObject body = call.body();
        requireAppId(body.opt("appid"));
        long id = requiredRuleId(body);
        project.deleteRule(id).orElseThrow(() -> unknownRule(id));
        return new JSONObject().put("status", "success").put("id", id);
    }

    private JSONObject userList(Call call) {
        requireAppId(call.pathParams().get(0));
        Optional<ChannelMembers> members = project.members(call.pathParams().get(1));
        JSONObject data = new JSONObject().put("channel_exist", members.isPresent());
        members.ifPresent(found -> describeMembers(found, call.query().containsKey("hosts_only"), data));
        return new JSONObject().put("success", true).put("data", data);
    }

    private static void describeMembers(ChannelMembers members, boolean hostsOnly, JSONObject data) {
        data.put("mode", members.profile().mode());
        if (members.profile() == ChannelProfile.COMMUNICATION) {
            data.put("total", members.broadcasters().size()).put("users", new JSONArray(members.broadcasters()));
            return;
        }
        data.put("broadcasters", new JSONArray(members.broadcasters()));
        if (!hostsOnly) {
            List<Long> audience = members.audience();
            data.put("audience", new JSONArray(audience.subList(0, Math.min(AUDIENCE_LIMIT, audience.size()))))
                    .put("audience_total", audience.size());
        }
    }

    private static JSONObject ruleJson(KickingRule rule) {
        // Agora names the operation behind a rule "opid"; the emulator has one operation per rule.
        return new JSONObject()
                .put("id", rule.id())
                .put("appid", rule.appId())
                .put("uid", rule.uid().<Object>map(uid -> uid).orElse(JSONObject.NULL))
                .put("opid", rule.id())
                .put("cname", rule.cname().<Object>map(cname -> cname).orElse(JSONObject.NULL))
                .put("ip", rule.ip().<Object>map(ip -> ip).orElse(JSONObject.NULL))
                .put("ts", timestamp(rule.expiresAt()))
                .put("createAt", timestamp(rule.createdAt()))
                .put("updateAt", timestamp(rule.updatedAt()));
    }

    private void requireAppId(Object appId) {
        if (!credentials.appId().equals(appId)) {
            throw new ApiError(400, "invalid appid");
        }
    }

    private static Optional<String> optionalString(JSONObject body, String field) {
        Object value = body.opt(field);
        if (value == null || value == JSONObject.NULL) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw new ApiError(400, field + " must be a string");
    }

    private static Long optionalInteger(JSONObject body, String field) {
        Object value = body.opt(field);
        if (value == null || value == JSONObject.NULL) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        throw new ApiError(400, field + " must be an integer");
    }

    private static Optional<Long> optionalUid(JSONObject body) {
        Long uid = optionalInteger(body, "uid");
        if (uid != null && (uid < 1 || uid > MAX_UID)) {
            throw new ApiError(400, "uid must be a number from 1 to " + MAX_UID);
        }
        return Optional.ofNullable(uid);
    }

    private static long requiredRuleId(JSONObject body) {
        Long id = optionalInteger(body, "id");
        if (id == null) {
            throw new ApiError(400, "id is required");
        }
        return id;
    }

    private static List<String> privileges(JSONObject body) {
        if (!(body.opt("privileges") instanceof JSONArray array) || array.isEmpty()) {
            throw new ApiError(400, "privileges must be a non-empty array of " + KickingRule.PRIVILEGES);
        }
        List<String> privileges = new ArrayList<>();
        for (Object privilege : array) {
            if (!(privilege instanceof String name) || !KickingRule.PRIVILEGES.contains(name)) {
                throw new ApiError(400, "privileges must be a non-empty array of " + KickingRule.PRIVILEGES);
            }
            privileges.add(name);
        }
        return privileges;
    }

    private static Optional<Duration> banDuration(JSONObject body) {
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
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                query.putIfAbsent(decodeQuery(nameAndValue[0]), nameAndValue.length > 1 ? decodeQuery(nameAndValue[1]) : "");
            }
        }
        return query;
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "malformed query string");
        }
    }

    /** Percent-decodes a path segment; unlike a query, a path keeps "+" as it is. */
    private static String decodeSegment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static EmulatorResponse error(int status, String message, String action) {
        return new EmulatorResponse(status, new JSONObject().put("message", message).toString(), action);
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
