package io.rtcgate.emulator.aliyun;

import com.sun.net.httpserver.HttpExchange;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.EmulatorResponse;
import io.rtcgate.emulator.VendorEmulator;
import io.rtcgate.emulator.WebhookSender;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fake Aliyun ApsaraVideo Live OpenAPI endpoint ({@code POST|GET /?Action=…}, RPC signature v1) with
 * a fake ARTC service behind it. It checks requests as vendors.md §4.3 says, keeps the stream blacklist,
 * the channels' users and their cloud recordings, and answers with Aliyun's JSON bodies. Point the SDK at
 * {@link #hostAndPort()} over HTTP. Cloud recordings move on with the emulator's clock, looked at on every
 * call and every {@link CloudRecordingOptions#progressInterval()}, and send their signed callbacks to each
 * task's NotifyUrl.
 */
public final class AliyunEmulator extends VendorEmulator {

    private static final Set<String> RPC_METHODS = Set.of("GET", "POST");
    private static final String UNKNOWN_ACTION = "unknown";
    /** The bucket this fake account records to; another bucket fails the task at its first upload. */
    private static final OssBucket RECORDING_BUCKET = new OssBucket("rtcgate-recordings", "oss-cn-shanghai.aliyuncs.com");

    private final AliyunEmulatorCredentials credentials;
    private final RpcAuthenticator authenticator;
    private final ArtcTokenVerifier tokenVerifier;
    private final StreamBlacklist blacklist = new StreamBlacklist();
    private final ArtcChannels channels = new ArtcChannels();
    private final MessageGroups messageGroups = new MessageGroups();
    private final CloudRecordingOptions recordingOptions;
    private final RecordingCallbackSender recordingCallbacks;
    private final ArtcCloudRecordings recordings;
    private final MixCallbackSender mixCallbacks;
    private final MixStreams mixStreams;
    private final LiveActions actions;

    public AliyunEmulator(Clock clock, AliyunEmulatorCredentials credentials) {
        this(clock, credentials, CloudRecordingOptions.DEFAULTS);
    }

    public AliyunEmulator(Clock clock, AliyunEmulatorCredentials credentials, CloudRecordingOptions recordingOptions) {
        super("aliyun", clock);
        this.credentials = credentials;
        this.authenticator = new RpcAuthenticator(credentials, clock);
        this.tokenVerifier = new ArtcTokenVerifier(credentials.artcAppId(), credentials.artcAppKey(), clock);
        this.recordingOptions = recordingOptions;
        this.recordingCallbacks = new RecordingCallbackSender(recordingOptions);
        this.recordings = new ArtcCloudRecordings(credentials.artcAppId(), clock, channels, RECORDING_BUCKET, recordingCallbacks);
        this.mixCallbacks = new MixCallbackSender(clock);
        this.mixStreams = new MixStreams(clock, mixCallbacks);
        this.actions = new LiveActions(credentials.artcAppId(), credentials.imAppId(), clock, blacklist, channels, messageGroups,
                recordings, mixStreams);
    }

    /** An emulator with fresh random credentials, for the embedded default; read them from {@link #credentials()}. */
    public static AliyunEmulator withRandomCredentials(Clock clock) {
        return new AliyunEmulator(clock, AliyunEmulatorCredentials.random());
    }

    @Override
    public synchronized AliyunEmulator start() {
        super.start();
        every(recordingOptions.progressInterval(), recordings::sync);
        return this;
    }

    @Override
    public synchronized void close() {
        super.close();
        recordingCallbacks.close();
        mixCallbacks.close();
    }

    public AliyunEmulatorCredentials credentials() {
        return credentials;
    }

    public ArtcTokenVerifier tokenVerifier() {
        return tokenVerifier;
    }

    /**
     * A client enters an ARTC channel with a single-parameter token, as the ARTC SDK would. A publisher
     * whose camera stream is forbidden cannot enter until the ban ends.
     *
     * @throws ArtcJoinRefusedException when the token does not verify or the camera stream is forbidden
     */
    public void joinChannel(String channel, String userId, String token, boolean publisher) {
        tokenVerifier.verify(token, channel, userId);
        if (publisher) {
            String camera = ArtcChannels.cameraStream(credentials.artcAppId(), channel, userId);
            blacklist.banOn(camera, now()).ifPresent(ban -> {
                throw new ArtcJoinRefusedException("camera stream " + camera + " is forbidden"
                        + ban.resumeAt().map(until -> " until " + until).orElse(""));
            });
        }
        channels.join(channel, userId, publisher);
    }

    public void leaveChannel(String channel, String userId) {
        channels.leave(channel, userId);
    }

    public ArtcChannelUsers channelUsers(String channel) {
        return channels.users(channel);
    }

    /** Streams barred from ingest now (ForbidLiveStream without {@code Oneshot=yes}, not yet resumed). */
    public List<ForbiddenStream> forbiddenStreams() {
        return blacklist.inForceAt(now());
    }

    /** Streams cut once with {@code Oneshot=yes}, oldest first. */
    public List<LiveStreamRef> cutStreams() {
        return blacklist.cutStreams();
    }

    /** The OSS bucket this fake account's cloud recordings upload to. */
    public OssBucket recordingStorage() {
        return RECORDING_BUCKET;
    }

    /** The cloud recording tasks, moved on to the emulator's clock first, oldest first. */
    public List<ArtcRecordingTask> recordingTasks() {
        return recordings.tasks();
    }

    /**
     * Delivers recording callbacks addressed to {@code host} to {@code target} ({@code host:port}): the
     * embedded gateway hands out its callback URL before it knows the port it will listen on.
     */
    public void resolveCallbackHost(String host, String target) {
        recordingCallbacks.resolve(host, target);
        mixCallbacks.resolve(host, target);
    }

    /** Every try of every cloud recording callback so far, oldest first. */
    public List<WebhookSender.Attempt> recordingCallbacks() {
        return recordingCallbacks.attempts();
    }

    /** While on, cloud recording callbacks are lost on the way (the receiver never sees them). */
    public void dropRecordingCallbacks(boolean drop) {
        recordingCallbacks.dropDeliveries(drop);
    }

    // ---- co-hosting: published streams and CDN mixing (seed 002) ----

    /** Where MixAvailable (and MixResult for a task without CallbackConfig) go, and how they are signed. */
    public void configureMixCallbacks(MixCallbackConfig config) {
        mixStreams.configure(config);
    }

    /**
     * The stream starts publishing (the anchor's push, or a guest's camera stream relayed to the CDN): it becomes
     * mixable at once, MixAvailable is sent, and a mix task waiting for it as a guest sends MixResult Success.
     */
    public void publishStream(LiveStreamRef stream) {
        mixStreams.publish(stream);
    }

    /** The stream stops: a running mix of it sends MixResult MainStreamNotExist (main) or MixStreamNotExist (guest). */
    public void stopPublishing(LiveStreamRef stream) {
        mixStreams.stopPublishing(stream);
    }

    /** The streams publishing now, oldest first. */
    public List<LiveStreamRef> publishedStreams() {
        return mixStreams.publishedStreams();
    }

    /**
     * Makes the task send a MixResult with {@code code} (Success, MainStreamNotExist, MixStreamNotExist,
     * InternalError, or any other text) and {@code message}, form-encoded.
     *
     * @throws IllegalArgumentException for a task the emulator does not hold (deleted tasks send nothing)
     */
    public void sendMixResult(String mixStreamId, String code, String message) {
        mixStreams.sendResult(mixStreamId, code, message);
    }

    /**
     * Like {@link #sendMixResult}, but {@code rawMessage} goes on the request line as it is (its UTF-8 bytes): raw
     * {@code |}, {@code "}, {@code %}, non-ASCII and {@code +}, as seed 001 reports Aliyun sent. A raw space would end
     * the request target, so it is the caller's to avoid.
     */
    public void sendMixResultUnescaped(String mixStreamId, String code, String rawMessage) {
        mixStreams.sendResultUnescaped(mixStreamId, code, rawMessage);
    }

    /** The CDN mix tasks held now (created and not deleted), oldest first. */
    public List<MixStreamTask> mixStreamTasks() {
        return mixStreams.tasks();
    }

    /** Every try of every mix callback so far, oldest first. */
    public List<MixCallbackAttempt> mixCallbacks() {
        return mixCallbacks.attempts();
    }

    /** The live messaging groups of the IM app, by id, with the creator each was made by (if given). */
    public Map<String, Optional<String>> messageGroups() {
        return messageGroups.live();
    }

    /** The ids of messaging groups that were deleted. */
    public Set<String> deletedMessageGroups() {
        return messageGroups.deleted();
    }

    @Override
    protected EmulatorResponse handle(HttpExchange exchange, String body) {
        String action = UNKNOWN_ACTION;
        try {
            if (!exchange.getRequestURI().getPath().equals("/") || !RPC_METHODS.contains(exchange.getRequestMethod())) {
                throw AliyunApiError.apiNotFound();
            }
            RpcRequest request = RpcRequest.from(exchange, body);
            action = request.optional("Action").orElse(UNKNOWN_ACTION);
            authenticator.authenticate(request);
            return new EmulatorResponse(200, EmulatorJson.write(actions.perform(action, request)), action);
        } catch (AliyunApiError error) {
            return answer(error, action);
        }
    }

    @Override
    protected EmulatorResponse serverError(HttpExchange exchange) {
        return answer(AliyunApiError.serviceUnavailable(), actionOf(exchange));
    }

    @Override
    protected EmulatorResponse throttled(HttpExchange exchange) {
        return answer(AliyunApiError.throttled(), actionOf(exchange));
    }

    private static EmulatorResponse answer(AliyunApiError error, String action) {
        return new EmulatorResponse(error.status(), error.body(), action);
    }

    /** The Action named in the query string, for the request log of an injected fault. */
    private static String actionOf(HttpExchange exchange) {
        try {
            return RpcRequest.from(exchange, "").optional("Action").orElse(UNKNOWN_ACTION);
        } catch (AliyunApiError malformedQuery) {
            return UNKNOWN_ACTION;
        }
    }
}
