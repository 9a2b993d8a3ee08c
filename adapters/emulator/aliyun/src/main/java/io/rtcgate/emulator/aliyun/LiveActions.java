package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.aliyun.AliyunJson.ChannelUsers;
import io.rtcgate.emulator.aliyun.AliyunJson.MessageGroupCreated;
import io.rtcgate.emulator.aliyun.AliyunJson.MessageGroupDeleted;
import io.rtcgate.emulator.aliyun.AliyunJson.RequestIdOnly;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Function;

/**
 * The live OpenAPI actions the fake serves, with Aliyun's parameter checks (vendors.md §3.5, §4.3), on
 * the emulator's stream blacklist, ARTC channels, message groups, cloud recordings and mix tasks.
 */
final class LiveActions {

    /** Messaging group ids: 1 to 64 letters and digits. */
    private static final Pattern GROUP_ID = Pattern.compile("[0-9A-Za-z]{1,64}");
    private static final Set<String> DATA_CENTERS = Set.of("cn-shanghai", "ap-southeast-1");
    private static final int MAX_USER_ID = 64;

    private final String artcAppId;
    private final String imAppId;
    private final Clock clock;
    private final StreamBlacklist blacklist;
    private final ArtcChannels channels;
    private final MessageGroups groups;
    private final ArtcCloudRecordings recordings;
    /** Action → what serves it and returns its answer, a body record of {@link AliyunJson}. */
    private final MixStreams mixStreams;
    /** Action → what serves it and returns its answer, a body record of {@link AliyunJson}. */
    private final Map<String, Function<RpcRequest, Record>> handlers = Map.ofEntries(
            Map.entry("ForbidLiveStream", this::forbidLiveStream),
            Map.entry("ResumeLiveStream", this::resumeLiveStream),
            Map.entry("DescribeChannelUsers", this::describeChannelUsers),
            Map.entry("DeleteChannel", this::deleteChannel),
            Map.entry("CreateLiveMessageGroup", this::createLiveMessageGroup),
            Map.entry("DeleteLiveMessageGroup", this::deleteLiveMessageGroup),
            Map.entry("StartRtcCloudRecording", this::startRtcCloudRecording),
            Map.entry("DescribeRtcCloudRecordingFiles", this::describeRtcCloudRecordingFiles),
            Map.entry("StopRtcCloudRecording", this::stopRtcCloudRecording),
            Map.entry("CreateMixStream", this::createMixStream),
            Map.entry("UpdateMixStream", this::updateMixStream),
            Map.entry("DeleteMixStream", this::deleteMixStream),
            Map.entry("DescribeMixStreamList", this::describeMixStreamList));

    LiveActions(String artcAppId, String imAppId, Clock clock, StreamBlacklist blacklist, ArtcChannels channels,
                MessageGroups groups, ArtcCloudRecordings recordings, MixStreams mixStreams) {
        this.artcAppId = artcAppId;
        this.imAppId = imAppId;
        this.clock = clock;
        this.blacklist = blacklist;
        this.channels = channels;
        this.groups = groups;
        this.recordings = recordings;
        this.mixStreams = mixStreams;
    }

    /** Runs the action and returns its answer; an action the fake does not know is {@code InvalidApi.NotFound}. */
    Record perform(String action, RpcRequest request) {
        Function<RpcRequest, Record> handler = handlers.get(action);
        if (handler == null) {
            throw AliyunApiError.apiNotFound();
        }
        return handler.apply(request);
    }

    private RequestIdOnly forbidLiveStream(RpcRequest request) {
        LiveStreamRef stream = publisherStream(request);
        boolean oneshot = yesOrNo(request, "Oneshot");
        Optional<Instant> resumeAt = request.optional("ResumeTime")
                .map(text -> UtcTimestamps.parse(text).orElseThrow(() -> AliyunApiError.malformed("ResumeTime")));
        if (oneshot) {
            blacklist.cutOnce(stream);
        } else {
            blacklist.forbid(stream, resumeAt);
        }
        // Cutting an ARTC publisher's camera stream drops them from the channel.
        channels.removePublishersIf((channel, userId) ->
                ArtcChannels.cameraStream(artcAppId, channel, userId).equals(stream.streamName()));
        return new RequestIdOnly();
    }

    private RequestIdOnly resumeLiveStream(RpcRequest request) {
        blacklist.resume(publisherStream(request));
        return new RequestIdOnly();
    }

    private ChannelUsers describeChannelUsers(RpcRequest request) {
        ArtcChannelUsers users = channels.users(channel(request));
        return new ChannelUsers(clock.instant().getEpochSecond(), users);
    }

    private RequestIdOnly deleteChannel(RpcRequest request) {
        channels.delete(channel(request));
        return new RequestIdOnly();
    }

    /** {@code AppId} and {@code ChannelId} as the channel actions check them; the rest is the recordings' own. */
    private Record startRtcCloudRecording(RpcRequest request) {
        return recordings.start(channel(request), request);
    }

    private Record describeRtcCloudRecordingFiles(RpcRequest request) {
        return recordings.describe(request);
    }

    private Record stopRtcCloudRecording(RpcRequest request) {
        return recordings.stop(request);
    }

    private Record createMixStream(RpcRequest request) {
        return mixStreams.create(request);
    }

    private Record updateMixStream(RpcRequest request) {
        return mixStreams.update(request);
    }

    private Record deleteMixStream(RpcRequest request) {
        return mixStreams.delete(request);
    }

    private Record describeMixStreamList(RpcRequest request) {
        return mixStreams.describe(request);
    }

    /**
     * {@code AppId} (this emulator's IM app), {@code GroupId} (1-64 letters and digits), optional
     * {@code CreatorId} and {@code DataCenter}. Creating a live group again answers {@code AlreadyExists}; a
     * deleted group's id cannot come back ({@code AlreadyDelete}).
     */
    private MessageGroupCreated createLiveMessageGroup(RpcRequest request) {
        String groupId = messageGroup(request);
        Optional<String> creator = request.optional("CreatorId");
        if (creator.isPresent() && creator.get().length() > MAX_USER_ID) {
            throw inputInvalid("CreatorId is longer than " + MAX_USER_ID + " characters.");
        }
        MessageGroups.Created created = groups.create(groupId, creator);
        return new MessageGroupCreated(groupId, created.alreadyExists(), created.alreadyDeleted());
    }

    /** {@code AppId} and {@code GroupId} of a live group; an unknown group is {@code ResourceNotExist}. */
    private MessageGroupDeleted deleteLiveMessageGroup(RpcRequest request) {
        String groupId = messageGroup(request);
        if (!groups.delete(groupId)) {
            throw new AliyunApiError(404, "ResourceNotExist", "The message group " + groupId + " does not exist.");
        }
        return new MessageGroupDeleted(groupId);
    }

    /** The checks the live-message actions share: the IM app, the data center and the group id. */
    private String messageGroup(RpcRequest request) {
        String appId = request.optional("AppId").orElseThrow(() -> inputInvalid("AppId is mandatory."));
        if (!appId.equals(imAppId)) {
            throw new AliyunApiError(404, "ResourceNotExist", "The messaging app " + appId + " does not exist.");
        }
        request.optional("DataCenter").filter(center -> !DATA_CENTERS.contains(center)).ifPresent(center -> {
            throw inputInvalid("DataCenter must be cn-shanghai or ap-southeast-1.");
        });
        String groupId = request.optional("GroupId").orElseThrow(() -> inputInvalid("GroupId is mandatory."));
        if (!GROUP_ID.matcher(groupId).matches()) {
            throw inputInvalid("GroupId must be 1-64 letters and digits.");
        }
        return groupId;
    }

    private static AliyunApiError inputInvalid(String message) {
        return new AliyunApiError(400, "InputInvalid", message);
    }

    /** {@code DomainName}, {@code AppName}, {@code StreamName}, and {@code LiveStreamType}, which must be publisher. */
    private static LiveStreamRef publisherStream(RpcRequest request) {
        LiveStreamRef stream = new LiveStreamRef(request.required("DomainName"), request.required("AppName"),
                request.required("StreamName"));
        request.requireEqualTo("LiveStreamType", "publisher");
        return stream;
    }

    /** {@code ChannelId} of this emulator's ARTC app ({@code AppId}). */
    private String channel(RpcRequest request) {
        if (!request.required("AppId").equals(artcAppId)) {
            throw new AliyunApiError(404, "InvalidAppId.NotFound", "Specified AppId does not exist.");
        }
        return request.required("ChannelId");
    }

    private static boolean yesOrNo(RpcRequest request, String name) {
        String value = request.optional(name).orElse("no");
        if (!value.equals("yes") && !value.equals("no")) {
            throw AliyunApiError.malformed(name);
        }
        return value.equals("yes");
    }
}
