package io.rtcgate.aliyun;

import com.aliyuncs.live.model.v20161101.DeleteChannelRequest;
import com.aliyuncs.live.model.v20161101.ForbidLiveStreamRequest;
import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Channel control on Aliyun through the live OpenAPI (vendors.md §3.5). ARTC has no kick API: a user is
 * kicked by forbidding their co-host camera stream ({@code {appId}_{channel}_{userId}_camera}) until the
 * ban ends. Closing dismisses the ARTC channel and cuts the room's CDN stream once.
 */
public final class AliyunChannelAdmin implements ChannelAdmin {

    private static final DateTimeFormatter RESUME_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final AliyunSettings settings;
    private final Clock clock;
    private final AliyunLiveClient client;

    AliyunChannelAdmin(AliyunSettings settings, Clock clock, AliyunLiveClient client) {
        this.settings = settings;
        this.clock = clock;
        this.client = client;
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public void kick(ChannelRef channel, String userId, Duration duration) {
        ArtcIds.require(userId, "user_id", "kick");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a kick lasts a positive time, not " + duration);
        }
        ForbidLiveStreamRequest forbid = forbidPublishing(cameraStream(channel, userId));
        forbid.setResumeTime(RESUME_TIME.format(clock.instant().plus(duration)));
        client.call("kick", forbid);
    }

    @Override
    public void close(ChannelRef channel) {
        DeleteChannelRequest delete = new DeleteChannelRequest();
        delete.setAppId(settings.artcAppId());
        delete.setChannelId(channel.channel());
        client.call("close", delete);
        // Oneshot cuts the anchor's CDN stream without blacklisting it, so the room can go live again later.
        ForbidLiveStreamRequest cut = forbidPublishing(channel.streamName());
        cut.setOneshot("yes");
        client.call("close", cut);
    }

    private String cameraStream(ChannelRef channel, String userId) {
        return ArtcIds.cameraStream(settings.artcAppId(), channel.channel(), userId);
    }

    private ForbidLiveStreamRequest forbidPublishing(String streamName) {
        ForbidLiveStreamRequest forbid = new ForbidLiveStreamRequest();
        forbid.setDomainName(settings.live().pushDomain());
        forbid.setAppName(settings.live().appName());
        forbid.setStreamName(streamName);
        forbid.setLiveStreamType("publisher");
        return forbid;
    }

}
