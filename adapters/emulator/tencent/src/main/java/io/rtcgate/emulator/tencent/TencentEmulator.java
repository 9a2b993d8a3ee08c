package io.rtcgate.emulator.tencent;

import com.sun.net.httpserver.HttpExchange;
import io.rtcgate.emulator.EmulatorResponse;
import io.rtcgate.emulator.VendorEmulator;
import io.rtcgate.emulator.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fake Tencent Cloud TRTC API 3.0 endpoint ({@code POST /}, version {@code 2019-07-22}) for one
 * account. It checks TC3-HMAC-SHA256 signatures, the version, the action and its parameters as the real
 * gateway does, answers every outcome with HTTP 200 and the {@code Response} envelope, and keeps the
 * string-id rooms that {@code RemoveUserByStrRoomId} and {@code DismissRoomByStrRoomId} act on and the cloud
 * recordings of {@code CreateCloudRecording}, {@code DescribeCloudRecording} and {@code DeleteCloudRecording},
 * which move on with the emulator's clock and call back (event group 3) once {@link #deliverCallbacksTo} is set, and
 * the stream ingests of {@code StartStreamIngest}, {@code DescribeStreamIngest}, {@code UpdateStreamIngest} and
 * {@code StopStreamIngest}, which play their sources on a simulated media clock (see {@link TrtcStreamIngests}) and
 * call back (event group 7) through the same signed delivery as the recordings.
 * Point the SDK at it with {@code HttpProfile.setEndpoint(hostAndPort())} and protocol {@code http://}.
 */
public final class TencentEmulator extends VendorEmulator {

    public static final String API_VERSION = "2019-07-22";
    /** Tencent's callback retries: see {@link TrtcCallbacks}. */
    public static final int DEFAULT_CALLBACK_RETRIES = 3;
    public static final Duration DEFAULT_CALLBACK_RETRY_DELAY = Duration.ofSeconds(10);
    /** How often recordings and ingests move on with the clock, and callbacks go out, when no request prompts them. */
    private static final Duration RECORDING_TICK = Duration.ofMillis(200);
    private static final String UNKNOWN_ACTION = "unknown";

    private final TencentEmulatorCredentials credentials;
    private final TrtcRooms rooms = new TrtcRooms();
    private final TrtcRecordingStorage recordingStorage = TrtcRecordingStorage.random();
    private final Tc3RequestVerifier verifier;
    private final TrtcRoomActions roomActions;
    private final TrtcCloudRecordings recordings;
    private final TrtcRecordingActions recordingActions;
    private final TrtcStreamIngests ingests;
    private final TrtcStreamIngestActions ingestActions;
    private final TrtcCallbacks callbacks;

    public TencentEmulator(Clock clock, TencentEmulatorCredentials credentials) {
        this(clock, credentials, DEFAULT_CALLBACK_RETRIES, DEFAULT_CALLBACK_RETRY_DELAY);
    }

    /**
     * An emulator whose callbacks are retried {@code callbackRetries} times, the first after
     * {@code callbackRetryDelay} and each later one a delay more: tests pass a few milliseconds.
     */
    public TencentEmulator(Clock clock, TencentEmulatorCredentials credentials, int callbackRetries, Duration callbackRetryDelay) {
        super("tencent", clock);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.verifier = new Tc3RequestVerifier(credentials.secretId(), credentials.secretKey(), clock);
        this.roomActions = new TrtcRoomActions(credentials.sdkAppId(), rooms);
        this.recordings = new TrtcCloudRecordings(credentials.sdkAppId(), clock, rooms, recordingStorage);
        this.recordingActions = new TrtcRecordingActions(credentials, clock, recordings);
        this.ingests = new TrtcStreamIngests(clock, rooms);
        this.ingestActions = new TrtcStreamIngestActions(credentials, clock, ingests);
        this.callbacks = new TrtcCallbacks(credentials.sdkAppId(), clock, callbackRetries, callbackRetryDelay);
        every(RECORDING_TICK, this::moveRecordingsOn);
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

    /** The bucket and keys recordings upload to; a recording started with other storage keeps its files in backup. */
    public TrtcRecordingStorage recordingStorage() {
        return recordingStorage;
    }

    /**
     * Delivers every callback from now on to {@code url}, signed with {@code callbackKey}, as the TRTC console's
     * callback settings do; events before this are not delivered.
     */
    public void deliverCallbacksTo(URI url, String callbackKey) {
        callbacks.deliverTo(url, callbackKey);
    }

    /** The callback sender: every try so far and how it was answered, and a switch that loses deliveries. */
    public WebhookSender callbackSender() {
        return callbacks.sender();
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
        moveRecordingsOn();
    }

    /** Who is in the room now, recording and ingest robots included; empty when it does not exist. */
    public Set<String> usersIn(String roomId) {
        return rooms.users(roomId);
    }

    public boolean roomExists(String roomId) {
        return rooms.exists(roomId);
    }

    /** Every cloud recording task so far, as of the emulator's clock. */
    public List<TrtcRecordingTask> recordingTasks() {
        moveRecordingsOn();
        return recordings.snapshot();
    }

    /** Every stream ingest task so far, as of the emulator's clock. */
    public List<TrtcStreamIngest> streamIngests() {
        moveRecordingsOn();
        return ingests.snapshot();
    }

    @Override
    public synchronized void close() {
        super.close();
        callbacks.close();
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
            return TrtcResponses.success(perform(action, body), action);
        } catch (TrtcApiError refused) {
            return TrtcResponses.error(refused.code(), refused.getMessage(), action);
        } finally {
            // A room action can end a recording or an ingest (its room dismissed, its robot removed).
            moveRecordingsOn();
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

    private Object perform(String action, String body) {
        if (TrtcRecordingActions.ACTIONS.contains(action)) {
            return recordingActions.perform(action, body);
        }
        if (TrtcStreamIngestActions.ACTIONS.contains(action)) {
            return ingestActions.perform(action, body);
        }
        roomActions.perform(action, body);
        return TrtcResponses.NO_FIELDS;
    }

    /**
     * Moves ingests and recordings on to the clock's now and sends the callbacks that go with it. Ingests go first:
     * a robot that leaves the room with its ingest is a publisher a recording no longer sees.
     */
    private void moveRecordingsOn() {
        // One mover at a time, so callbacks leave in the order their events happened.
        synchronized (callbacks) {
            ingests.sync();
            recordings.sync();
            callbacks.send(ingests.drainEvents());
            callbacks.send(recordings.drainEvents());
        }
    }

    private static String action(HttpExchange exchange) {
        return Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst(Tc3RequestVerifier.ACTION), UNKNOWN_ACTION);
    }
}
