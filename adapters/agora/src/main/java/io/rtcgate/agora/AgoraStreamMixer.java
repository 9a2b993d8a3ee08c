package io.rtcgate.agora;

import io.rtcgate.agora.AgoraMediaPushJson.AudioOptions;
import io.rtcgate.agora.AgoraMediaPushJson.Canvas;
import io.rtcgate.agora.AgoraMediaPushJson.Converter;
import io.rtcgate.agora.AgoraMediaPushJson.ConverterAnswer;
import io.rtcgate.agora.AgoraMediaPushJson.CreateRequest;
import io.rtcgate.agora.AgoraMediaPushJson.ListAnswer;
import io.rtcgate.agora.AgoraMediaPushJson.ListedConverter;
import io.rtcgate.agora.AgoraMediaPushJson.Region;
import io.rtcgate.agora.AgoraMediaPushJson.RtcStreamView;
import io.rtcgate.agora.AgoraMediaPushJson.TranscodeOptions;
import io.rtcgate.agora.AgoraMediaPushJson.UpdateRequest;
import io.rtcgate.agora.AgoraMediaPushJson.VideoOptions;
import io.rtcgate.agora.AgoraRestClient.Answer;
import io.rtcgate.domain.cohost.MixPane;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixStopped;
import io.rtcgate.domain.cohost.StreamMixer;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agora Media Push with transcoding ("RTMP converters", docs-portal
 * {@code content/docs/en/api-reference/api-ref/media-push/index.md}) as the gateway's co-host mixer: one converter per
 * room mixes the members' streams of the room's channel on a {@link #CANVAS_WIDTH} × {@link #CANVAS_HEIGHT} canvas and
 * pushes the picture to the room's RTMP push URL ({@link MixRequest#outputUrl()}).
 * <ul>
 *   <li>start is Create, {@code POST {base}/{region}/v1/projects/{appId}/rtmp-converters}, the region the configured one
 *       ({@link AgoraSettings#region()}, where the CDN origin is). Members are Agora users by their numeric uid (the uid
 *       registry's, like every user's); each pane is scaled from the unit canvas to pixels, and the members' audio is
 *       mixed ({@code audioOptions.rtcStreamUids}), nobody else's. The converter is named after the task
 *       ({@link #converterName}), so a retried start (a lost answer, a 504) meets 409 and adopts the converter it
 *       created: Agora's 409 does not name the holder, so the channel's converters are listed
 *       ({@code GET {base}/v1/projects/{appId}/channels/{cname}/rtmp-converters}, page by page) and the one of that name
 *       is the task; it is then updated to this request's picture, which may have changed since.</li>
 *   <li>update is Update, {@code PATCH .../rtmp-converters/{id}?sequence={n}} with {@code fields} naming the canvas, the
 *       layout and the audio mix's users: what a member change or a layout change moves. The push URL is left alone,
 *       as changing it would reconnect the CDN stream.</li>
 *   <li>stop is Delete, {@code DELETE .../rtmp-converters/{id}}; 404 means Agora no longer has it
 *       ({@link MixStopped#ALREADY_ENDED}).</li>
 * </ul>
 * Agora documents no requirement that anyone be in the channel for a create, so a start before the anchor joined is
 * accepted and the converter connects once the anchor publishes; its success answer is the start's result
 * ({@link #resultsByCallback()} false), and its later states come as Media Push notifications
 * ({@link AgoraMixCallbacks}). 429 is throttling and 5xx (504 included) a server error, both counting against Agora's
 * health through the guard; every other refusal is a rejection, with the HTTP status as the vendor code.
 */
public final class AgoraStreamMixer implements StreamMixer {

    private static final Logger LOG = LoggerFactory.getLogger(AgoraStreamMixer.class);
    /** Portrait, as the phones co-hosts broadcast from hold them. */
    static final int CANVAS_WIDTH = 720;
    static final int CANVAS_HEIGHT = 1280;
    /** Black. */
    static final int CANVAS_COLOR = 0;
    /** Agora's recommended video profile for 1280 × 720 at 15 fps. */
    static final int VIDEO_BITRATE_KBPS = 2260;
    static final int FRAME_RATE = 15;
    /**
     * How long a converter outlives the last member leaving the channel: long enough for an anchor's reconnect, after
     * which Agora ends it by itself should the gateway's stop never come.
     */
    static final int IDLE_TIMEOUT_SECONDS = 300;
    /** What an update changes: the picture and whose audio is in it. */
    static final String UPDATED_FIELDS = "transcodeOptions.videoOptions.canvas,transcodeOptions.videoOptions.layout,"
            + "transcodeOptions.audioOptions.rtcStreamUids";
    /** A bound on paging, so a list that never ends cannot hold a call: 10,000 converters of one channel. */
    static final int MAX_PAGES = 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AgoraSettings settings;
    private final NumericUidRegistry uids;
    private final AgoraRestClient rest;
    private final AgoraMixChannels channels;
    private final Clock clock;
    private final AtomicLong lastSequence = new AtomicLong(-1);

    AgoraStreamMixer(AgoraSettings settings, NumericUidRegistry uids, AgoraRestClient rest, AgoraMixChannels channels, Clock clock) {
        this.settings = settings;
        this.uids = uids;
        this.rest = rest;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    @Override
    public String start(MixRequest request) {
        String rtmpUrl = request.outputUrl().orElseThrow(() -> new IllegalArgumentException(
                "Agora pushes the mix to the room's RTMP URL: the mix request has no outputUrl"));
        String name = converterName(request.taskName());
        Converter converter = new Converter(name, transcodeOptions(request), rtmpUrl, IDLE_TIMEOUT_SECONDS);
        Answer answer = rest.sendForAnswer("media-push create", "POST", regionalConverters(), new CreateRequest(converter));
        String id;
        if (answer.status() == 409) {
            // The name is the task's: most likely a start whose answer was lost. Adopt it rather than fail or push twice.
            id = adopt(request.channel().channel(), name);
            LOG.info("agora media-push create: converter {} already mixes {}; adopting it", name, request.channel().channel());
            channels.remember(id, request.channel().channel());
            update(id, request);
            return id;
        }
        AgoraRestClient.requireSuccess("media-push create", answer);
        ConverterAnswer created = rest.read("media-push create", answer.body(), ConverterAnswer.class);
        id = created.converter() != null && created.converter().id() != null && !created.converter().id().isBlank()
                ? created.converter().id()
                : answer.header("X-Resource-ID").orElseThrow(() -> unreadable("media-push create", "converter.id is missing"));
        channels.remember(id, request.channel().channel());
        return id;
    }

    @Override
    public void update(String taskId, MixRequest request) {
        TranscodeOptions options = transcodeOptions(request);
        // Only what the update names: the channel is not updatable and is left out.
        Converter change = new Converter(null, new TranscodeOptions(null, options.audioOptions(),
                new VideoOptions(options.videoOptions().canvas(), options.videoOptions().layout(), null, null)), null, null);
        String path = regionalConverters() + "/" + encode(taskId) + "?sequence=" + nextSequence();
        Answer answer = rest.sendForAnswer("media-push update", "PATCH", path, new UpdateRequest(change, UPDATED_FIELDS));
        AgoraRestClient.requireSuccess("media-push update", answer);
        channels.remember(taskId, request.channel().channel());
    }

    @Override
    public MixStopped stop(String taskId, MixRequest lastRequest) {
        Answer answer = rest.sendForAnswer("media-push delete", "DELETE", regionalConverters() + "/" + encode(taskId), null);
        if (answer.status() == 404) {
            return MixStopped.ALREADY_ENDED;
        }
        AgoraRestClient.requireSuccess("media-push delete", answer);
        return MixStopped.STOPPED;
    }

    // ---- calls ----

    /** The id of the channel's converter named {@code name}, from the channel's list, page by page. */
    private String adopt(String channel, String name) {
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = "/v1/projects/" + encode(settings.appId()) + "/channels/" + encode(channel) + "/rtmp-converters"
                    + (cursor.isEmpty() ? "" : "?cursor=" + encode(cursor));
            Answer answer = rest.sendForAnswer("media-push list", "GET", path, null);
            AgoraRestClient.requireSuccess("media-push list", answer);
            ListAnswer list = rest.read("media-push list", answer.body(), ListAnswer.class);
            List<ListedConverter> members = list.data() == null || list.data().members() == null ? List.of() : list.data().members();
            Optional<String> id = members.stream()
                    .filter(listed -> listed != null && name.equals(listed.converterName()) && listed.converterId() != null)
                    .map(ListedConverter::converterId).findFirst();
            if (id.isPresent()) {
                return id.get();
            }
            cursor = list.data() == null || list.data().cursor() == null || list.data().cursor().isNull() ? "0"
                    : list.data().cursor().asText();
            if (cursor.isEmpty() || cursor.equals("0")) {
                break;
            }
        }
        // The name is taken, but not in this channel: another room's task has it, which the gateway never names so.
        throw AgoraRestClient.failure("media-push create", VendorException.Kind.REJECTED, "409",
                "HTTP 409: converter name " + name + " is taken, and no converter of channel " + channel + " has it");
    }

    /**
     * The next update's {@code sequence}: the clock's milliseconds, kept strictly increasing on this node. Agora takes
     * an update only above the converter's last one; milliseconds since the epoch grow across restarts and on every
     * node, so a retried update and one after a restart are both above any earlier (Agora's 2 updates a second per
     * converter leave the milliseconds far apart), given clocks kept in step by NTP.
     */
    private long nextSequence() {
        return lastSequence.updateAndGet(last -> Math.max(last + 1, clock.millis()));
    }

    // ---- the body ----

    private TranscodeOptions transcodeOptions(MixRequest request) {
        List<RtcStreamView> layout = request.panes().stream()
                .map(pane -> new RtcStreamView(AgoraUids.uidFor(uids, pane.userId()), region(pane))).toList();
        List<Long> memberUids = layout.stream().map(RtcStreamView::rtcStreamUid).toList();
        return new TranscodeOptions(request.channel().channel(), new AudioOptions(memberUids),
                new VideoOptions(new Canvas(CANVAS_WIDTH, CANVAS_HEIGHT, CANVAS_COLOR), layout, VIDEO_BITRATE_KBPS, FRAME_RATE));
    }

    /**
     * A pane in pixels: each edge is rounded to the nearest pixel and the size is what lies between the edges, so panes
     * that touch on the unit canvas touch on Agora's, and none reaches past the canvas.
     */
    static Region region(MixPane pane) {
        int left = pixels(pane.x(), CANVAS_WIDTH);
        int top = pixels(pane.y(), CANVAS_HEIGHT);
        int right = pixels(pane.x() + pane.width(), CANVAS_WIDTH);
        int bottom = pixels(pane.y() + pane.height(), CANVAS_HEIGHT);
        return new Region(left, top, pane.zOrder(), Math.max(1, right - left), Math.max(1, bottom - top));
    }

    private static int pixels(double unit, int side) {
        return (int) Math.min(side, Math.round(unit * side));
    }

    private static VendorException unreadable(String operation, String problem) {
        return AgoraRestClient.failure(operation, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + problem);
    }

    // ---- names and paths ----

    /**
     * The converter's name: the task's name when Agora takes it as a name (1 to 64 letters, digits, '-' or '_');
     * otherwise {@code rtcgate_mix_<first 32 hex digits of sha256(task name)>}. Either way one task has one name, so
     * Agora refuses a second converter of it.
     */
    static String converterName(String taskName) {
        if (NAME.matcher(taskName).matches()) {
            return taskName;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(taskName.getBytes(StandardCharsets.UTF_8));
            return "rtcgate_mix_" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String regionalConverters() {
        return "/" + settings.region() + "/v1/projects/" + encode(settings.appId()) + "/rtmp-converters";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
