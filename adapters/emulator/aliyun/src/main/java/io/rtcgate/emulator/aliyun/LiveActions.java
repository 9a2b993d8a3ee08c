package io.rtcgate.emulator.aliyun;

import com.google.gson.JsonObject;
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
    private final Map<String, Function<RpcRequest, JsonObject>> handlers = Map.of(
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

    /** Runs the action and returns its JSON answer; an action the fake does not know is {@code InvalidApi.NotFound}. */
    JsonObject perform(String action, RpcRequest request) {
        Function<RpcRequest, JsonObject> handler = handlers.get(action);
        if (handler == null) {
            throw AliyunApiError.apiNotFound();
        }
        return handler.apply(request);
    }

    private JsonObject forbidLiveStream(RpcRequest request) {
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
        return AliyunJson.withRequestId();
    }

    private JsonObject resumeLiveStream(RpcRequest request) {
        blacklist.resume(publisherStream(request));
        return AliyunJson.withRequestId();
    }

    private JsonObject describeChannelUsers(RpcRequest request) {
        ArtcChannelUsers users = channels.users(channel(request));
        JsonObject body = AliyunJson.withRequestId();
        body.addProperty("Timestamp", clock.instant().getEpochSecond());
        body.addProperty("IsChannelExists", users.exists());
        body.addProperty("InteractiveUserNumber", users.interactive().size());
        body.addProperty("LiveUserNumber", users.live().size());
        body.add("InteractiveUserList", AliyunJson.array(users.interactive()));
        body.add("LiveUserList", AliyunJson.array(users.live()));
        return body;
    }

    private JsonObject deleteChannel(RpcRequest request) {
        channels.delete(channel(request));
        return AliyunJson.withRequestId();
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
