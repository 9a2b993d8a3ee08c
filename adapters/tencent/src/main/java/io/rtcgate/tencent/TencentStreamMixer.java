package io.rtcgate.tencent;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import com.tencentcloudapi.trtc.v20190722.models.AgentParams;
import com.tencentcloudapi.trtc.v20190722.models.AudioEncode;
import com.tencentcloudapi.trtc.v20190722.models.McuAudioParams;
import com.tencentcloudapi.trtc.v20190722.models.McuLayout;
import com.tencentcloudapi.trtc.v20190722.models.McuLayoutParams;
import com.tencentcloudapi.trtc.v20190722.models.McuPublishCdnParam;
import com.tencentcloudapi.trtc.v20190722.models.McuVideoParams;
import com.tencentcloudapi.trtc.v20190722.models.MixUserInfo;
import com.tencentcloudapi.trtc.v20190722.models.StartPublishCdnStreamRequest;
import com.tencentcloudapi.trtc.v20190722.models.StartPublishCdnStreamResponse;
import com.tencentcloudapi.trtc.v20190722.models.StopPublishCdnStreamRequest;
import com.tencentcloudapi.trtc.v20190722.models.UpdatePublishCdnStreamRequest;
import com.tencentcloudapi.trtc.v20190722.models.UserMediaStream;
import com.tencentcloudapi.trtc.v20190722.models.VideoEncode;
import io.rtcgate.domain.cohost.MixPane;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixStopped;
import io.rtcgate.domain.cohost.StreamMixer;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRTC On-Cloud MixTranscoding with relay to CDN (vendors.md §2.4; trtc.io/document/48247) through Tencent's SDK:
 * {@code StartPublishCdnStream} with {@code WithTranscoding} 1, {@code UpdatePublishCdnStream},
 * {@code StopPublishCdnStream}.
 * <ul>
 *   <li>The room is the channel as a string room: {@code RoomIdType} <b>1</b> here, the opposite of cloud recording and
 *       stream ingest, and the same in each pane's {@code MixUserInfo}.</li>
 *   <li>The picture is a custom layout ({@code MixLayoutMode} 4) on a portrait {@value #CANVAS_WIDTH} x
 *       {@value #CANVAS_HEIGHT} canvas, the phone picture of a live room: each pane of the unit canvas scaled to pixels,
 *       its camera ({@code StreamType} 0) cropped to fill it ({@code RenderMode} 0), stacked by its z-order. Audio mixes
 *       every anchor of the room (no {@code SubscribeAudioList}): the co-hosts are the room's only anchors.</li>
 *   <li>The mix is pushed to the room's push URL ({@link MixRequest#outputUrl()}, required here). Tencent's own CSS
 *       push domains end in {@value #TENCENT_PUSH_DOMAIN}; for any other host {@code IsTencentCdn} is 0, as TRTC asks
 *       it to be said explicitly for a third-party CDN.</li>
 *   <li>The robot that joins the room to mix is {@link #robotUserId}: the same for every try of one task name, within
 *       TRTC's 32 characters, and never a user's id.</li>
 *   <li>The start's success answer is the result ({@link #resultsByCallback()} false); the relay's later states come
 *       as 401 callbacks, read by {@link TencentMixCallbacks}.</li>
 *   <li>A stop of a task TRTC does not have, {@code ResourceNotFound} (the code StopPublishCdnStream lists), is
 *       {@link MixStopped#ALREADY_ENDED}: it ended by itself (its anchors gone for MaxIdleTime) or was stopped.</li>
 *   <li>{@code RequestLimitExceeded}, {@code InternalError*} and transport failures count against Tencent's health
 *       ({@link TencentFailures}); other refusals are rejections.</li>
 * </ul>
 *
 * <p>A retried start must not make a second task. TRTC has no action that finds a relay task by its robot or its
 * room, and refuses a second task of a robot user id that is in use ({@value #TASK_EXIST}, TRTC's code for an
 * existing task; the API pages name none for this case). So the robot id, fixed per task name, makes TRTC itself
 * refuse the duplicate, and the adapter adopts the TaskId of the first start when it still knows it: every TaskId it
 * got is kept by task name until the task is stopped, so a retry after a late answer on this node returns it, after an
 * update that checks TRTC still runs it (see {@link #adoptStarted}). A duplicate TRTC refuses and this node never heard of (the first answer reached another node,
 * or a restarted one) is a {@link VendorException.Kind#REJECTED} failure with that code; the 401 callbacks name the
 * running task's TaskId and robot, from which the gateway learns it, and TRTC ends an unknown task by itself once
 * its anchors have left for MaxIdleTime.
 */
public final class TencentStreamMixer implements StreamMixer {

    private static final Logger LOG = LoggerFactory.getLogger(TencentStreamMixer.class);
    /** Every mix robot's user id starts so; {@link TencentMixCallbacks} ignores their room events. */
    public static final String ROBOT_PREFIX = "rtcgate_mix_";
    static final int CANVAS_WIDTH = 540;
    static final int CANVAS_HEIGHT = 960;
    static final String TASK_EXIST = "FailedOperation.TaskExist";
    /** The codes by which TRTC says it does not have a relay task: the one Stop and Update list, and its table's task code. */
    static final Set<String> TASK_GONE = Set.of("ResourceNotFound", "FailedOperation.TaskNotExist");
    static final String TENCENT_PUSH_DOMAIN = ".myqcloud.com";
    /** TRTC user ids are at most 32 characters. */
    private static final int MAX_USER_ID = 32;
    private static final long STRING_ROOM = 1;
    private static final long WITH_TRANSCODING = 1;
    private static final long CUSTOM_LAYOUT = 4;
    private static final long CAMERA = 0;
    private static final long CROP_TO_FILL = 0;
    private static final String BLACK = "0x000000";
    /** The output: 15 fps, 1200 kbps, a key frame every 2 s; AAC-LC 48 kHz stereo at 64 kbps. */
    private static final long FPS = 15;
    private static final long VIDEO_KBPS = 1200;
    private static final long GOP_SECONDS = 2;
    private static final long SAMPLE_RATE = 48_000;
    private static final long STEREO = 2;
    private static final long AUDIO_KBPS = 64;
    private static final long LC_AAC = 0;

    private final long sdkAppId;
    private final TrtcClient client;
    private final TencentTokenIssuer userSigs;
    private final Clock clock;
    /** The TaskId of each task this adapter started and has not stopped, by task name: what a retried start adopts. */
    private final Map<String, String> startedTasks = new ConcurrentHashMap<>();
    /** The last SequenceNumber sent for each task. */
    private final Map<String, Long> sequenceNumbers = new ConcurrentHashMap<>();

    TencentStreamMixer(TencentSettings settings, TrtcClient client, TencentTokenIssuer userSigs) {
        this(settings, client, userSigs, Clock.systemUTC());
    }

    TencentStreamMixer(TencentSettings settings, TrtcClient client, TencentTokenIssuer userSigs, Clock clock) {
        this.sdkAppId = settings.sdkAppId();
        this.client = client;
        this.userSigs = userSigs;
        this.clock = clock;
    }

    @Override
    public Vendor vendor() {
        return Vendor.TENCENT;
    }

    /** {@inheritDoc} TRTC: no, its start answers whether the task runs. */
    @Override
    public boolean resultsByCallback() {
        return false;
    }

    @Override
    public String start(MixRequest request) {
        Optional<String> adopted = adoptStarted(request);
        if (adopted.isPresent()) {
            return adopted.get();
        }
        String robot = robotUserId(request.taskName());
        AgentParams agent = new AgentParams();
        agent.setUserId(robot);
        agent.setUserSig(userSigs.userSig(robot, TencentCloudRecorder.ROBOT_USER_SIG_TTL));
        StartPublishCdnStreamRequest start = new StartPublishCdnStreamRequest();
        start.setSdkAppId(sdkAppId);
        start.setRoomId(request.channel().channel());
        start.setRoomIdType(STRING_ROOM);
        start.setAgentParams(agent);
        start.setWithTranscoding(WITH_TRANSCODING);
        start.setAudioParams(audioParams());
        start.setVideoParams(videoParams(request));
        start.setPublishCdnParams(publishCdnParams(request));
        StartPublishCdnStreamResponse started;
        try {
            started = call("start", request, () -> client.StartPublishCdnStream(start));
        } catch (VendorException e) {
            String winner = TASK_EXIST.equals(e.vendorCode()) ? startedTasks.get(request.taskName()) : null;
            if (winner != null) {
                // A concurrent start of the same task won the race: TRTC refused this one, the first is the task.
                return winner;
            }
            throw e;
        }
        String taskId = started.getTaskId();
        if (taskId == null || taskId.isBlank()) {
            throw unreadable("start", "TaskId is missing");
        }
        startedTasks.put(request.taskName(), taskId);
        return taskId;
    }

    /**
     * The task this adapter started under the request's name, if TRTC still runs it. TRTC has no Describe for relay
     * tasks, so an update with the request's picture asks: it succeeds for a running task, which then shows what the
     * retry asked for, and fails with {@link #TASK_GONE} for one that ended by itself (its anchors gone for MaxIdleTime)
     * since, which is forgotten so that a fresh task starts.
     */
    private Optional<String> adoptStarted(MixRequest request) {
        String known = startedTasks.get(request.taskName());
        if (known == null) {
            return Optional.empty();
        }
        try {
            update(known, request);
        } catch (VendorException e) {
            if (e.vendorCode() == null || !TASK_GONE.contains(e.vendorCode())) {
                throw e;
            }
            LOG.debug("tencent mix start in room {}: task {} has ended ({}), a new one starts", request.channel().channel(), known,
                    e.vendorCode());
            startedTasks.remove(request.taskName(), known);
            sequenceNumbers.remove(known);
            return Optional.empty();
        }
        LOG.debug("tencent mix start in room {}: task {} runs already, adopted", request.channel().channel(), known);
        return Optional.of(known);
    }

    /** {@inheritDoc} Sends the whole picture again (TRTC recommends every parameter on an update), the audio unchanged. */
    @Override
    public void update(String taskId, MixRequest request) {
        UpdatePublishCdnStreamRequest update = new UpdatePublishCdnStreamRequest();
        update.setSdkAppId(sdkAppId);
        update.setTaskId(taskId);
        update.setSequenceNumber(nextSequenceNumber(taskId));
        update.setWithTranscoding(WITH_TRANSCODING);
        update.setAudioParams(audioParams());
        update.setVideoParams(videoParams(request));
        update.setPublishCdnParams(publishCdnParams(request));
        call("update", request, () -> client.UpdatePublishCdnStream(update));
    }

    @Override
    public MixStopped stop(String taskId, MixRequest lastRequest) {
        StopPublishCdnStreamRequest stop = new StopPublishCdnStreamRequest();
        stop.setSdkAppId(sdkAppId);
        stop.setTaskId(taskId);
        MixStopped outcome;
        try {
            call("stop", lastRequest, () -> client.StopPublishCdnStream(stop));
            outcome = MixStopped.STOPPED;
        } catch (VendorException e) {
            if (e.vendorCode() == null || !TASK_GONE.contains(e.vendorCode())) {
                throw e;
            }
            LOG.debug("tencent mix stop in room {}: the task is gone ({})", lastRequest.channel().channel(), e.vendorCode());
            outcome = MixStopped.ALREADY_ENDED;
        }
        startedTasks.remove(lastRequest.taskName(), taskId);
        sequenceNumbers.remove(taskId);
        return outcome;
    }

    /**
     * The robot's user id for a task name: {@value #ROBOT_PREFIX} and the first 20 hex digits of the name's SHA-256,
     * 32 characters in all (TRTC's limit), the same on every node and every try.
     */
    public static String robotUserId(String taskName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(taskName.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return ROBOT_PREFIX + hex.substring(0, MAX_USER_ID - ROBOT_PREFIX.length());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Whether {@code userId} is one of this adapter's mix robots. */
    public static boolean isMixRobot(String userId) {
        return userId.startsWith(ROBOT_PREFIX) && userId.length() == MAX_USER_ID;
    }

    /**
     * TRTC takes an update only with a {@code SequenceNumber} greater than the task's last (else
     * {@code FailedOperation.OutdateRequest}). The next one is the greater of the last one sent plus one and the clock's
     * epoch milliseconds: it grows with every update from this node, and a node that restarted or took the task over
     * (knowing no last number) still sends one greater than any sent before, as long as clocks agree to the
     * millisecond on updates more than a millisecond apart.
     */
    long nextSequenceNumber(String taskId) {
        long now = clock.millis();
        return sequenceNumbers.merge(taskId, now, (last, ignored) -> Math.max(last + 1, now));
    }

    @Override
    public String toString() {
        return "TencentStreamMixer[sdkAppId=" + sdkAppId + "]";
    }

    // ---- requests ----

    /** A fresh SDK model per call: the SDK's models are mutable. */
    private static McuAudioParams audioParams() {
        AudioEncode encode = new AudioEncode();
        encode.setSampleRate(SAMPLE_RATE);
        encode.setChannel(STEREO);
        encode.setBitRate(AUDIO_KBPS);
        encode.setCodec(LC_AAC);
        McuAudioParams audio = new McuAudioParams();
        audio.setAudioEncode(encode);
        return audio;
    }

    private static McuVideoParams videoParams(MixRequest request) {
        VideoEncode encode = new VideoEncode();
        encode.setWidth((long) CANVAS_WIDTH);
        encode.setHeight((long) CANVAS_HEIGHT);
        encode.setFps(FPS);
        encode.setBitRate(VIDEO_KBPS);
        encode.setGop(GOP_SECONDS);
        McuLayoutParams layout = new McuLayoutParams();
        layout.setMixLayoutMode(CUSTOM_LAYOUT);
        layout.setMixLayoutList(request.panes().stream().map(pane -> layout(pane, request.channel().channel())).toArray(McuLayout[]::new));
        McuVideoParams video = new McuVideoParams();
        video.setVideoEncode(encode);
        video.setLayoutParams(layout);
        video.setBackGroundColor(BLACK);
        return video;
    }

    /** A unit-canvas pane in pixels: edges rounded, so that neighbouring panes meet and none leaves the canvas. */
    static McuLayout layout(MixPane pane, String room) {
        long left = Math.round(pane.x() * CANVAS_WIDTH);
        long top = Math.round(pane.y() * CANVAS_HEIGHT);
        long right = Math.min(CANVAS_WIDTH, Math.round((pane.x() + pane.width()) * CANVAS_WIDTH));
        long bottom = Math.min(CANVAS_HEIGHT, Math.round((pane.y() + pane.height()) * CANVAS_HEIGHT));
        MixUserInfo user = new MixUserInfo();
        user.setUserId(pane.userId());
        user.setRoomId(room);
        user.setRoomIdType(STRING_ROOM);
        UserMediaStream stream = new UserMediaStream();
        stream.setUserInfo(user);
        stream.setStreamType(CAMERA);
        McuLayout layout = new McuLayout();
        layout.setUserMediaStream(stream);
        layout.setLocationX(left);
        layout.setLocationY(top);
        layout.setImageWidth(right - left);
        layout.setImageHeight(bottom - top);
        layout.setZOrder((long) pane.zOrder());
        layout.setRenderMode(CROP_TO_FILL);
        return layout;
    }

    private static McuPublishCdnParam[] publishCdnParams(MixRequest request) {
        String url = request.outputUrl().orElseThrow(() -> new IllegalArgumentException(
                "a TRTC mix is pushed to the room's push URL: the mix request of room " + request.channel().channel() + " has none"));
        McuPublishCdnParam cdn = new McuPublishCdnParam();
        cdn.setPublishCdnUrl(url);
        cdn.setIsTencentCdn(isTencentCdn(url) ? 1L : 0L);
        return new McuPublishCdnParam[] {cdn};
    }

    static boolean isTencentCdn(String url) {
        String host = URI.create(url).getHost();
        return host != null && host.toLowerCase(Locale.ROOT).endsWith(TENCENT_PUSH_DOMAIN);
    }

    // ---- calls ----

    private static <T> T call(String operation, MixRequest request, SdkCall<T> call) {
        try {
            T answer = call.run();
            LOG.debug("tencent mix {} in room {} done", operation, request.channel().channel());
            return answer;
        } catch (TencentCloudSDKException e) {
            VendorException failure = TencentFailures.toVendorException(operation, e);
            // The push URL carries its signature: the log names the room only.
            LOG.debug("tencent mix {} in room {}: {} ({})", operation, request.channel().channel(), failure.getMessage(), failure.kind());
            throw failure;
        }
    }

    private static VendorException unreadable(String operation, String problem) {
        return new VendorException(Vendor.TENCENT, operation, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + problem);
    }

    /** One SDK call; the SDK declares its only exception as checked. */
    @FunctionalInterface
    private interface SdkCall<T> {
        T run() throws TencentCloudSDKException;
    }
}
