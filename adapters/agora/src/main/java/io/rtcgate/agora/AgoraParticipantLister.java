package io.rtcgate.agora;

import io.rtcgate.agora.AgoraJson.UserListAnswer;
import io.rtcgate.agora.AgoraJson.UserListData;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.Participant;
import io.rtcgate.domain.vendor.ParticipantLister;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorProbe;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is in a channel, from Agora's user list (vendors.md §1.4): every uid Agora lists, with the gateway
 * user behind it where the gateway handed it out.
 */
public final class AgoraParticipantLister implements ParticipantLister, VendorProbe {

    private static final String OPERATION = "participants";
    private static final int COMMUNICATION_MODE = 1;
    private static final int LIVE_BROADCASTING_MODE = 2;

    private final AgoraSettings settings;
    private final NumericUidRegistry uids;
    private final AgoraRestClient rest;

    AgoraParticipantLister(AgoraSettings settings, NumericUidRegistry uids, AgoraRestClient rest) {
        this.settings = settings;
        this.uids = uids;
        this.rest = rest;
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    /** The health probe: the user list of a channel the gateway never opens, a read that needs the customer credentials. */
    @Override
    public void probe() {
        participants(new ChannelRef(PROBE_NAME, PROBE_NAME, PROBE_NAME));
    }

    @Override
    public Participants participants(ChannelRef channel) {
        String path = "/dev/v1/channel/user/" + pathSegment(settings.appId()) + "/" + pathSegment(channel.channel());
        UserListAnswer answer = rest.read(OPERATION, rest.get(OPERATION, path), UserListAnswer.class);
        if (!Boolean.TRUE.equals(answer.success())) {
            throw new VendorException(Vendor.AGORA, OPERATION, VendorException.Kind.REJECTED, null,
                    "user list answered without success");
        }
        UserListData data = answer.data();
        if (data == null) {
            throw unreadable("data is missing");
        }
        if (!Boolean.TRUE.equals(data.channelExist())) {
            return Participants.NONE;
        }
        if (data.mode() != null && data.mode() == COMMUNICATION_MODE) {
            return new Participants(participants(data.users()), List.of());
        }
        if (data.mode() != null && data.mode() == LIVE_BROADCASTING_MODE) {
            return new Participants(participants(data.broadcasters()), participants(data.audience()));
        }
        throw unreadable("unknown channel mode " + data.mode());
    }

    /**
     * The participants behind a list of uids (an absent list is empty). A uid the gateway never handed out,
     * such as a cloud recorder or a client of the project with a token minted elsewhere, is listed without
     * a user id rather than left out.
     */
    private List<Participant> participants(List<Long> listed) {
        if (listed == null) {
            return List.of();
        }
        List<Participant> participants = new ArrayList<>();
        for (Long uid : listed) {
            if (uid == null) {
                throw unreadable("a user list holds null");
            }
            participants.add(uids.userFor(uid)
                    .map(userId -> Participant.user(userId, uid))
                    .orElseGet(() -> Participant.unknownUid(uid)));
        }
        return participants;
    }

    private static VendorException unreadable(String problem) {
        return AgoraRestClient.failure(OPERATION, VendorException.Kind.SERVER_ERROR, null, "unreadable answer: " + problem);
    }

    private static String pathSegment(String value) {
        // URLEncoder encodes for forms; a path segment spells a space %20.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
