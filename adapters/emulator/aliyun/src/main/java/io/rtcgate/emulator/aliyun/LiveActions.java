package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.aliyun.AliyunJson.ChannelUsers;
import io.rtcgate.emulator.aliyun.AliyunJson.RequestIdOnly;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The live OpenAPI actions the fake serves, with Aliyun's parameter checks (vendors.md §3.5, §4.3), on
 * the emulator's stream blacklist and ARTC channels.
 */
final class LiveActions {

    private final String artcAppId;
    private final Clock clock;
    private final StreamBlacklist blacklist;
    private final ArtcChannels channels;
    /** Action → what serves it and returns its answer, a body record of {@link AliyunJson}. */
    private final Map<String, Function<RpcRequest, Record>> handlers = Map.of(
            "ForbidLiveStream", this::forbidLiveStream,
            "ResumeLiveStream", this::resumeLiveStream,
            "DescribeChannelUsers", this::describeChannelUsers,
            "DeleteChannel", this::deleteChannel);

    LiveActions(String artcAppId, Clock clock, StreamBlacklist blacklist, ArtcChannels channels) {
        this.artcAppId = artcAppId;
        this.clock = clock;
        this.blacklist = blacklist;
        this.channels = channels;
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
