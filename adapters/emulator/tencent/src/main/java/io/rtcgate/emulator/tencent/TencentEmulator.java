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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Tencent Cloud TRTC API 3.0 endpoint ({@code POST /}, version {@code 2019-07-22}) for one
 * account. It checks TC3-HMAC-SHA256 signatures, the version, the action and its parameters as the real
 * gateway does, answers every outcome with HTTP 200 and the {@code Response} envelope, and keeps the
 * string-id rooms that {@code RemoveUserByStrRoomId} and {@code DismissRoomByStrRoomId} act on and the cloud
 * recordings of {@code CreateCloudRecording}, {@code DescribeCloudRecording} and {@code DeleteCloudRecording},
 * which move on with the emulator's clock and call back (event group 3) once {@link #deliverCallbacksTo} is set, and
 * the stream ingests of {@code StartStreamIngest}, {@code DescribeStreamIngest}, {@code UpdateStreamIngest} and
 * {@code StopStreamIngest}, which play their sources on a simulated media clock (see {@link TrtcStreamIngests}) and
 * call back (event group 7) through the same signed delivery as the recordings, and the mix and relay to CDN tasks of
 * {@code StartPublishCdnStream}, {@code UpdatePublishCdnStream} and {@code StopPublishCdnStream} (see
 * {@link TrtcPublishCdnStreams}; event group 4). Tests make anchors enter, publish video, stop it and exit
 * ({@link #enterRoomAsAnchor}, {@link #startVideo}, {@link #stopVideo}, {@link #exitRoom}), which calls back the room
 * and media events 103, 201, 202 and 104 as TRTC does.
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
    private final TrtcPublishCdnStreams mixes;
    private final TrtcPublishCdnActions mixActions;
    private final TrtcCallbacks callbacks;
    /** Tencent's {@code UniqueId} of room events: distinct per event, here milliseconds counted on from the start. */
    private final AtomicLong uniqueIds;

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
        this.mixes = new TrtcPublishCdnStreams(clock, rooms);
        this.mixActions = new TrtcPublishCdnActions(credentials, clock, mixes);
        this.uniqueIds = new AtomicLong(clock.millis());
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

    /**
     * A user enters a room as an anchor (role 20) with a UserSig, as the TRTC client SDK does, and TRTC calls back 103
     * (enter room). Entering does not publish video: {@link #startVideo} does. Throws {@link IllegalArgumentException}
     * with the reason when TRTC would refuse the UserSig.
     */
    public void enterRoomAsAnchor(String roomId, String userId, String userSig) {
        enterRoom(roomId, userId, userSig);
        callBack(new TrtcRoomEvent(TrtcRoomEvent.ENTER_ROOM, roomId, userId, now(), uniqueIds.incrementAndGet(), TrtcRoomEvent.ANCHOR,
                TrtcRoomEvent.NORMAL));
    }

    /** The user, in the room, starts publishing camera video: TRTC calls back 201. Nothing when it already publishes. */
    public void startVideo(String roomId, String userId) {
        if (rooms.startVideo(roomId, userId)) {
            callBack(new TrtcRoomEvent(TrtcRoomEvent.START_VIDEO, roomId, userId, now(), uniqueIds.incrementAndGet(), null, null));
        }
    }

    /** The user stops their camera by hand: TRTC calls back 202. Nothing when it published none. */
    public void stopVideo(String roomId, String userId) {
        if (rooms.stopVideo(roomId, userId)) {
            callBack(new TrtcRoomEvent(TrtcRoomEvent.STOP_VIDEO, roomId, userId, now(), uniqueIds.incrementAndGet(), null, null));
        }
    }

    /**
     * The user leaves the room: TRTC calls back 104 only, which implies the end of their video. Mix tasks whose anchors
     * have all gone start waiting out their MaxIdleTime. Throws {@link IllegalArgumentException} when the user is not there.
     */
    public void exitRoom(String roomId, String userId) {
        if (!rooms.users(roomId).contains(userId)) {
            throw new IllegalArgumentException(userId + " is not in room " + roomId);
        }
        rooms.remove(roomId, List.of(userId));
        callBack(new TrtcRoomEvent(TrtcRoomEvent.EXIT_ROOM, roomId, userId, now(), uniqueIds.incrementAndGet(), null, TrtcRoomEvent.NORMAL));
        moveRecordingsOn();
    }

    /** Who publishes camera video in the room now. */
    public Set<String> videoPublishersIn(String roomId) {
        return rooms.publishingVideo(roomId);
    }

    /**
     * The CDN of a running mix task stops taking its stream and TRTC gives up: it calls back 401 with status 4 for each
     * of the task's URLs; the task runs on. Throws {@link IllegalArgumentException} for a task that is not running.
     */
    public void failCdnPush(String taskId) {
        mixes.failCdnPush(taskId);
        moveRecordingsOn();
    }

    /** Every mix and relay to CDN task so far, as of the emulator's clock. */
    public List<TrtcMixTask> mixTasks() {
        moveRecordingsOn();
        return mixes.snapshot();
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
        if (TrtcPublishCdnActions.ACTIONS.contains(action)) {
            return mixActions.perform(action, body);
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
            mixes.sync();
            callbacks.send(ingests.drainEvents());
            callbacks.send(recordings.drainEvents());
            callbacks.send(mixes.drainEvents());
        }
    }

    private void callBack(TrtcRoomEvent event) {
        synchronized (callbacks) {
            callbacks.send(List.of(event));
        }
    }

    private static String action(HttpExchange exchange) {
        return Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst(Tc3RequestVerifier.ACTION), UNKNOWN_ACTION);
    }
}
