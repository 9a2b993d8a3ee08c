package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.rtcgate.app.support.AuiClient;
import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.emulator.RecordedRequest;
import io.rtcgate.emulator.VendorEmulator;
import io.rtcgate.emulator.agora.AgoraEmulator;
import io.rtcgate.emulator.aliyun.AliyunEmulator;
import io.rtcgate.emulator.tencent.TencentEmulator;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The running gateway with its three vendor emulators, and the native room and admin vendor APIs as a
 * client calls them. Whatever a test changes in state shared with other tests (operator states in the
 * database, emulator faults) is put back after each test.
 */
abstract class VendorApiTestBase {

    static final List<String> VENDORS = List.of("agora", "tencent", "aliyun");
    static final String ROOMS = "/v1/rooms";
    static final String ADMIN_VENDORS = "/v1/admin/vendors";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    EmulatorFleet emulators;

    WireClient wire;
    AuiClient aui;

    private User admin;
    private final Set<String> vendorsWithChangedState = new LinkedHashSet<>();

    @BeforeEach
    void connect() {
        wire = new WireClient(server, json);
        aui = new AuiClient(wire);
    }

    /** Every vendor whose operator state a test set goes back to "up"; every emulator serves normally again. */
    @AfterEach
    void restoreSharedState() {
        try {
            for (String vendor : vendorsWithChangedState) {
                Reply reset = wire.post(ADMIN_VENDORS + "/" + vendor + "/state", admin().token(),
                        wire.toJson(Map.of("state", "up")));
                assertEquals(200, reset.status(), "could not put " + vendor + " back up: " + reset.body());
            }
        } finally {
            vendorsWithChangedState.clear();
            for (VendorEmulator emulator : List.<VendorEmulator>of(agora(), tencent(), aliyun())) {
                emulator.faults().clear();
                awaitListening(emulator);
            }
        }
    }

    AgoraEmulator agora() {
        return emulators.agora().orElseThrow(() -> new AssertionError("the Agora emulator is not running"));
    }

    TencentEmulator tencent() {
        return emulators.tencent().orElseThrow(() -> new AssertionError("the Tencent emulator is not running"));
    }

    AliyunEmulator aliyun() {
        return emulators.aliyun().orElseThrow(() -> new AssertionError("the Aliyun emulator is not running"));
    }

    /** The emulator of a vendor by its wire name. */
    VendorEmulator emulator(String vendor) {
        return switch (vendor) {
            case "agora" -> agora();
            case "tencent" -> tencent();
            case "aliyun" -> aliyun();
            default -> throw new IllegalArgumentException("no emulator for " + vendor);
        };
    }

    /** The configured admin, logged in once per test. */
    User admin() {
        if (admin == null) {
            admin = aui.admin();
        }
        return admin;
    }

    // ---- native rooms ----

    Reply createRoom(User as, Map<String, ?> body) {
        return wire.post(ROOMS, as == null ? null : as.token(), wire.toJson(body));
    }

    /** A room anchored by {@code anchor}, pinned to {@code vendor}; its RoomInfo. */
    Map<String, Object> createRoomOn(User anchor, String vendor) {
        return createRoomOn(anchor, vendor, "normal");
    }

    Map<String, Object> createRoomOn(User anchor, String vendor, String mode) {
        Reply reply = createRoom(anchor, fields("title", "room of " + anchor.id(), "vendor", vendor, "mode", mode));
        assertEquals(201, reply.status(), reply.body());
        assertEquals(vendor, reply.text("vendor"), reply.body());
        return reply.json();
    }

    Reply getRoom(User as, String roomId) {
        return wire.get(ROOMS + "/" + roomId, as.token());
    }

    Reply join(User as, String roomId, String role) {
        return wire.post(ROOMS + "/" + roomId + "/join", as.token(), wire.toJson(fields("role", role)));
    }

    /** A join that must succeed; the credential. */
    Map<String, Object> joinOk(User as, String roomId, String role) {
        Reply reply = join(as, roomId, role);
        assertEquals(200, reply.status(), "join as " + role + ": " + reply.body());
        return reply.json();
    }

    /** Agora's numeric uid of {@code user}, as a join credential carries it. */
    long agoraUid(User user, String roomId) {
        return AuiClient.number(joinOk(user, roomId, "audience").get("uid"));
    }

    Reply kick(User as, String roomId, String userId, Long durationSeconds) {
        return wire.post(ROOMS + "/" + roomId + "/kick", as.token(),
                wire.toJson(fields("user_id", userId, "duration_seconds", durationSeconds)));
    }

    Reply participants(User as, String roomId) {
        return wire.get(ROOMS + "/" + roomId + "/participants", as.token());
    }

    /** AUI /start then /stop as the anchor (a room goes live before it ends); the stop answers 200, status 2. */
    Map<String, Object> startAndStopRoom(User anchor, String roomId) {
        aui.roomActionOk("start", anchor, roomId);
        Map<String, Object> stopped = aui.roomActionOk("stop", anchor, roomId);
        assertEquals(2L, AuiClient.number(stopped.get("status")), "stopped room: " + stopped);
        return stopped;
    }

    /** The types of the room's events that start with {@code prefix}, in order, as the history API gives them. */
    @SuppressWarnings("unchecked")
    List<String> eventTypes(User as, String roomId, String prefix) {
        Reply reply = wire.get(ROOMS + "/" + roomId + "/events?limit=1000", as.token());
        assertEquals(200, reply.status(), reply.body());
        return ((List<Map<String, Object>>) reply.json().get("items")).stream().map(event -> (String) event.get("type"))
                .filter(type -> type.startsWith(prefix)).toList();
    }

    // ---- admin ----

    Reply listVendors(User as) {
        return wire.get(ADMIN_VENDORS, as.token());
    }

    /** Sets a vendor's operator state; a real vendor's state goes back to "up" after the test, whoever asked. */
    Reply setVendorState(User as, String vendor, String state) {
        if (VENDORS.contains(vendor)) {
            vendorsWithChangedState.add(vendor);
        }
        return wire.post(ADMIN_VENDORS + "/" + vendor + "/state", as.token(), wire.toJson(fields("state", state)));
    }

    void setVendorStateOk(String vendor, String state) {
        Reply reply = setVendorState(admin(), vendor, state);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(state, reply.text("state"), reply.body());
    }

    /** The admin view of one vendor. */
    Map<String, Object> vendorView(String vendor) {
        Reply reply = listVendors(admin());
        assertEquals(200, reply.status(), reply.body());
        return reply.list().stream()
                .filter(view -> vendor.equals(view.get("vendor")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + vendor + " in " + reply.body()));
    }

    /** The vendor's circuit as the admin view shows it: closed, open or half_open. */
    String circuit(String vendor) {
        return (String) vendorView(vendor).get("circuit");
    }

    /** The admin view of the recent errors of one capability that calls the vendor: recent_errors, last_error_at, last_error. */
    @SuppressWarnings("unchecked")
    Map<String, Object> health(String vendor, String capability) {
        Map<String, Object> byCapability = (Map<String, Object>) vendorView(vendor).get("health");
        Map<String, Object> health = (Map<String, Object>) byCapability.get(capability);
        assertTrue(health != null, vendor + " has no health for " + capability + ": " + byCapability);
        return health;
    }

    // ---- what reached the vendors ----

    /** The requests {@code emulator} received after it had received {@code mark} of them. */
    static List<RecordedRequest> requestsSince(VendorEmulator emulator, int mark) {
        List<RecordedRequest> all = emulator.requests();
        return all.subList(mark, all.size());
    }

    /** The parameters of an Aliyun RPC call, from its query string and form body. */
    static Map<String, String> rpcParameters(RecordedRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        addForm(request.query(), parameters);
        String contentType = request.header("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            addForm(request.body(), parameters);
        }
        return parameters;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> jsonObject(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Now, to the microsecond, as the gateway's and the emulators' clock ticks. */
    static Instant gatewayNow() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether {@code instant} lies in {@code [from, to]}. */
    static void assertWithin(Instant from, Instant to, Instant instant, String what) {
        assertTrue(!instant.isBefore(from) && !instant.isAfter(to), what + " " + instant + " is not in [" + from + ", " + to + "]");
    }

    private static void addForm(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            into.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    /** Waits until an emulator that refused connections listens again (it reopens when its refusal period ends). */
    static void awaitListening(VendorEmulator emulator) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 500);
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("emulator on port " + emulator.port() + " does not listen again", notYet);
                }
                sleep(Duration.ofMillis(50));
            }
        }
    }

    /** Base64 of HMAC-SHA256 of the UTF-8 {@code body} with {@code key}: TRTC's callback {@code Sign}. */
    static String base64HmacSha256(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits up to 30 s for {@code condition}, looking every 100 ms. */
    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
