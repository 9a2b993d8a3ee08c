package io.rtcgate.emulator.tencent;

import com.sun.net.httpserver.HttpExchange;
import io.rtcgate.emulator.EmulatorResponse;
import io.rtcgate.emulator.VendorEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * A fake Tencent Cloud TRTC API 3.0 endpoint ({@code POST /}, version {@code 2019-07-22}) for one
 * account. It checks TC3-HMAC-SHA256 signatures, the version, the action and its parameters as the real
 * gateway does, answers every outcome with HTTP 200 and the {@code Response} envelope, and keeps the
 * string-id rooms that {@code RemoveUserByStrRoomId} and {@code DismissRoomByStrRoomId} act on.
 * Point the SDK at it with {@code HttpProfile.setEndpoint(hostAndPort())} and protocol {@code http://}.
 */
public final class TencentEmulator extends VendorEmulator {

    public static final String API_VERSION = "2019-07-22";
    private static final String UNKNOWN_ACTION = "unknown";

    private final TencentEmulatorCredentials credentials;
    private final TrtcRooms rooms = new TrtcRooms();
    private final Tc3RequestVerifier verifier;
    private final TrtcRoomActions actions;

    public TencentEmulator(Clock clock, TencentEmulatorCredentials credentials) {
        super("tencent", clock);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.verifier = new Tc3RequestVerifier(credentials.secretId(), credentials.secretKey(), clock);
        this.actions = new TrtcRoomActions(credentials.sdkAppId(), rooms);
    }

    /** An emulator for an account nobody configured; read the generated keys from {@link #credentials()}. */
    public static TencentEmulator withRandomCredentials(Clock clock) {
        return new TencentEmulator(clock, TencentEmulatorCredentials.random());
    }

    @Override
    public synchronized TencentEmulator start() {
        super.start();
        return this;
    }

    public TencentEmulatorCredentials credentials() {
        return credentials;
    }

    /**
     * A user enters a room with a UserSig, as the TRTC client SDK does; the room is created on first
     * entry. Throws {@link IllegalArgumentException} with the reason when TRTC would refuse the UserSig.
     */
    public void enterRoom(String roomId, String userId, String userSig) {
        TencentUserSigs.verify(userSig, credentials.sdkAppId(), credentials.userSigKey(), userId, now())
                .ifPresent(reason -> {
                    throw new IllegalArgumentException("UserSig of " + userId + " refused: " + reason);
                });
        rooms.enter(roomId, userId);
    }

    /** Who is in the room now; empty when it does not exist. */
    public Set<String> usersIn(String roomId) {
        return rooms.users(roomId);
    }

    public boolean roomExists(String roomId) {
        return rooms.exists(roomId);
    }

    @Override
    protected EmulatorResponse handle(HttpExchange exchange, String body) {
        String action = action(exchange);
        try {
            if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
                throw new TrtcApiError("UnsupportedProtocol", "The emulator serves API 3.0 calls as POST / only.");
            }
            verifier.verify(exchange.getRequestMethod(), exchange.getRequestHeaders(), body.getBytes(StandardCharsets.UTF_8));
            String version = exchange.getRequestHeaders().getFirst(Tc3RequestVerifier.VERSION);
            if (!API_VERSION.equals(version)) {
                throw new TrtcApiError("NoSuchVersion", "The requested version `" + version + "` of service `trtc` does not exist.");
            }
            actions.perform(action, body);
            return TrtcResponses.success(action);
        } catch (TrtcApiError refused) {
            return TrtcResponses.error(refused.code(), refused.getMessage(), action);
        }
    }

    @Override
    protected EmulatorResponse serverError(HttpExchange exchange) {
        return TrtcResponses.error("InternalError", "An internal error has occurred. Retry your request.", action(exchange));
    }

    @Override
    protected EmulatorResponse throttled(HttpExchange exchange) {
        return TrtcResponses.error("RequestLimitExceeded", "Your current request times exceeds the limit.", action(exchange));
    }

    private static String action(HttpExchange exchange) {
        return Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst(Tc3RequestVerifier.ACTION), UNKNOWN_ACTION);
    }
}
