package io.rtcgate.aliyun;

import com.aliyuncs.live.model.v20161101.CreateMixStreamRequest;
import com.aliyuncs.live.model.v20161101.DeleteMixStreamRequest;
import com.aliyuncs.live.model.v20161101.DescribeMixStreamListRequest;
import com.aliyuncs.live.model.v20161101.DescribeMixStreamListResponse.MixStreamInfo;
import com.aliyuncs.live.model.v20161101.UpdateMixStreamRequest;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rtcgate.domain.cohost.MixPane;
import io.rtcgate.domain.cohost.MixRequest;
import io.rtcgate.domain.cohost.MixStopped;
import io.rtcgate.domain.cohost.StreamMixer;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Co-hosting on Aliyun by CDN stream mixing (aliyun-java-sdk-live 3.9.76; help.aliyun.com/en/live/developer-reference/
 * api-live-2016-11-01-createmixstream and its siblings). The SDK has no StartMixStreamsService any more (vendors.md
 * §3.5), so CreateMixStream plays seed 002's StartMix and DeleteMixStream its StopMix:
 * <ul>
 *   <li>start: CreateMixStream on the play domain with LayoutId {@code USERDEFINED}; InputStreamList has a pane per
 *       member (LayoutChildId, ResourceType {@code live}, ResourceValue the stream's signed RTMP play URL, LayoutConfig
 *       {@code fit} from the top left in fractions of the canvas): the anchor's is the room's CDN stream, a guest's
 *       its ARTC camera relay {@code {appId}_{channel}_{user}_camera}, the names the channel admin kicks by. The page
 *       names no z-order field, so the panes go in stacking order, the bottom one first. OutputConfig puts the mix
 *       onto the main stream itself (seed 002: the mix overlays it, no new stream for viewers to find);
 *       CallbackConfig names the configured mix callback URL. The answer's MixStreamId is the task id;</li>
 *   <li>Aliyun refuses a start before the main stream is mixable (seed 002 §2.1 I: only after its MixAvailable);
 *       that refusal is the {@link VendorException.Kind#REJECTED} of any 4xx, with Aliyun's code;</li>
 *   <li>a start is idempotent: Aliyun keys no task by the gateway's name, but a co-host mix always outputs onto the
 *       room's main stream, so DescribeMixStreamList for that stream finds a task a lost answer or a concurrent
 *       start already made; it is adopted (updated to this request) instead of a second one. A create that races
 *       another and is refused as a duplicate looks again and adopts the winner;</li>
 *   <li>update: UpdateMixStream with the new panes (inputs and layout can change, the output cannot);</li>
 *   <li>stop: DeleteMixStream; an unknown MixStreamId means the task had ended already.</li>
 * </ul>
 * Whether the picture is mixed is only known from the MixResult callback that follows ({@link #resultsByCallback()}).
 */
public final class AliyunStreamMixer implements StreamMixer {

    static final String USER_DEFINED = "USERDEFINED";
    static final String LIVE_RESOURCE = "live";
    static final String FIT = "fit";
    static final String TOP_LEFT = "topLeft";
    /** The fake's code for a second task onto one output stream; Aliyun documents none. */
    static final String ALREADY_EXISTS = "MixStreamAlreadyExists";
    /** The fake's code for an unknown MixStreamId; Aliyun documents none. */
    static final String TASK_NOT_FOUND = "InvalidMixStreamId.NotFound";
    /** Tasks looked at per DescribeMixStreamList page: one room's stream has one task, so one page says it. */
    static final int PAGE_SIZE = 20;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final int SCALE = 4;

    private final AliyunSettings settings;
    private final AliyunTypeAUrlSigner signer;
    private final AliyunLiveClient client;

    AliyunStreamMixer(AliyunSettings settings, AliyunTypeAUrlSigner signer, AliyunLiveClient client) {
        this.settings = settings;
        this.signer = signer;
        this.client = client;
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public boolean resultsByCallback() {
        return true;
    }

    @Override
    public String start(MixRequest request) {
        String inputs = inputStreamList(request, "start");
        Optional<String> existing = existingTask(request);
        if (existing.isPresent()) {
            update(existing.get(), request);
            return existing.get();
        }
        CreateMixStreamRequest create = new CreateMixStreamRequest();
        create.setDomainName(settings.live().playDomain());
        create.setLayoutId(USER_DEFINED);
        create.setInputStreamList(inputs);
        create.setOutputConfig(json(new OutputConfig(settings.live().appName(), request.channel().streamName())));
        settings.mixCallbacks().map(URI::toString).ifPresent(url -> create.setCallbackConfig(json(new CallbackConfig(url))));
        String taskId;
        try {
            taskId = client.call("start", create).getMixStreamId();
        } catch (VendorException e) {
            if (!ALREADY_EXISTS.equals(e.vendorCode())) {
                throw e;
            }
            // a concurrent start won the race: its task is the room's mix
            String winner = existingTask(request).orElseThrow(() -> e);
            update(winner, request);
            return winner;
        }
        if (taskId == null || taskId.isBlank()) {
            throw new VendorException(Vendor.ALIYUN, "start", VendorException.Kind.SERVER_ERROR, null,
                    "unreadable answer: MixStreamId is missing");
        }
        return taskId;
    }

    @Override
    public void update(String taskId, MixRequest request) {
        UpdateMixStreamRequest update = new UpdateMixStreamRequest();
        update.setDomainName(settings.live().playDomain());
        update.setMixStreamId(taskId);
        update.setLayoutId(USER_DEFINED);
        update.setInputStreamList(inputStreamList(request, "update"));
        client.call("update", update);
    }

    @Override
    public MixStopped stop(String taskId, MixRequest lastRequest) {
        DeleteMixStreamRequest delete = new DeleteMixStreamRequest();
        delete.setDomainName(settings.live().playDomain());
        delete.setAppName(settings.live().appName());
        delete.setStreamName(lastRequest.channel().streamName());
        delete.setMixStreamId(taskId);
        try {
            client.call("stop", delete);
        } catch (VendorException e) {
            if (TASK_NOT_FOUND.equals(e.vendorCode())) {
                return MixStopped.ALREADY_ENDED;
            }
            throw e;
        }
        return MixStopped.STOPPED;
    }

    /** The task that already mixes onto the room's main stream, if any. */
    private Optional<String> existingTask(MixRequest request) {
        DescribeMixStreamListRequest describe = new DescribeMixStreamListRequest();
        describe.setDomainName(settings.live().playDomain());
        describe.setAppName(settings.live().appName());
        describe.setStreamName(request.channel().streamName());
        describe.setPageNo(1);
        describe.setPageSize(PAGE_SIZE);
        List<MixStreamInfo> tasks = client.call("start", describe).getMixStreamList();
        // the filters are Aliyun's to apply; the match is checked here all the same
        return tasks == null ? Optional.empty() : tasks.stream()
                .filter(task -> settings.live().appName().equals(task.getAppName())
                        && request.channel().streamName().equals(task.getStreamName()))
                .map(MixStreamInfo::getMixstreamId)
                .filter(id -> id != null && !id.isBlank())
                .findFirst();
    }

    /** InputStreamList: the panes in stacking order, the anchor's stream and each guest's camera relay. */
    private String inputStreamList(MixRequest request, String operation) {
        List<MixPane> stacked = request.panes().stream().sorted(Comparator.comparingInt(MixPane::zOrder)).toList();
        List<InputStream> inputs = new ArrayList<>();
        for (MixPane pane : stacked) {
            String stream = pane.userId().equals(request.channel().anchorId())
                    ? request.channel().streamName()
                    : ArtcIds.cameraStream(settings.artcAppId(), ArtcIds.require(request.channel().channel(), "channel", operation),
                            ArtcIds.require(pane.userId(), "user_id", operation));
            inputs.add(new InputStream(inputs.size() + 1, LIVE_RESOURCE, signer.sign(stream).pull().rtmpUrl(),
                    new LayoutConfig(FIT, TOP_LEFT, List.of(fraction(pane.x()), fraction(pane.y())),
                            List.of(fraction(pane.width()), fraction(pane.height())))));
        }
        return json(inputs);
    }

    /** At most four decimals, as the layouts' fractions need (0.72 - 0.27 is 0.44999999999999996 in doubles). */
    private static BigDecimal fraction(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a mix parameter is always writable as JSON", e);
        }
    }

    /** One InputStreamList element, as the CreateMixStream page's example names its fields. */
    record InputStream(@JsonProperty("LayoutChildId") int layoutChildId,
                       @JsonProperty("ResourceType") String resourceType,
                       @JsonProperty("ResourceValue") String resourceValue,
                       @JsonProperty("LayoutConfig") LayoutConfig layoutConfig) {
    }

    record LayoutConfig(@JsonProperty("FillMode") String fillMode,
                        @JsonProperty("PositionRefer") String positionRefer,
                        @JsonProperty("FillPositionNormalized") List<BigDecimal> fillPositionNormalized,
                        @JsonProperty("FillSizeNormalized") List<BigDecimal> fillSizeNormalized) {
    }

    /**
     * The output: the main stream itself. The example's MixStreamTemplate and ExpireDuration are left out: the main
     * stream keeps its own transcoding, and the task lives until DeleteMixStream.
     */
    record OutputConfig(@JsonProperty("AppName") String appName, @JsonProperty("StreamName") String streamName) {
    }

    record CallbackConfig(@JsonProperty("CallbackUrl") String callbackUrl) {
    }
}
