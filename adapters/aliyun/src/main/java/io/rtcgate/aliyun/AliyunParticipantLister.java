package io.rtcgate.aliyun;

import com.aliyuncs.live.model.v20161101.DescribeChannelUsersRequest;
import com.aliyuncs.live.model.v20161101.DescribeChannelUsersResponse;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.Participant;
import io.rtcgate.domain.vendor.ParticipantLister;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorProbe;
import java.util.List;

/** Who is in an ARTC channel, from the live OpenAPI's {@code DescribeChannelUsers} (vendors.md §3.5). */
public final class AliyunParticipantLister implements ParticipantLister, VendorProbe {

    private final AliyunSettings settings;
    private final AliyunLiveClient client;

    AliyunParticipantLister(AliyunSettings settings, AliyunLiveClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public Vendor vendor() {
        return Vendor.ALIYUN;
    }

    @Override
    public Participants participants(ChannelRef channel) {
        DescribeChannelUsersRequest describe = new DescribeChannelUsersRequest();
        describe.setAppId(settings.artcAppId());
        describe.setChannelId(channel.channel());
        DescribeChannelUsersResponse users = client.call("participants", describe);
        // Interactive users publish (host, co-hosts); live users only watch.
        return new Participants(participants(users.getInteractiveUserList()), participants(users.getLiveUserList()));
    }

    /** The health probe: DescribeChannelUsers of a channel the gateway never opens, a signed read that changes nothing. */
    @Override
    public void probe() {
        participants(new ChannelRef(PROBE_NAME, PROBE_NAME, PROBE_NAME));
    }

    /** ARTC knows users by their string id only, whoever minted their token. */
    private static List<Participant> participants(List<String> users) {
        return users == null ? List.of() : users.stream().map(Participant::user).toList();
    }
}
