package io.rtcgate.agora;

import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.VendorPort;
import java.time.Clock;
import java.util.List;

/** Every port Agora offers, built from its settings: one line per capability. */
public final class AgoraPorts {

    private AgoraPorts() {
    }

    public static List<VendorPort> create(AgoraSettings settings, NumericUidRegistry uids, Clock clock) {
        AgoraRestClient rest = new AgoraRestClient(settings);
        return List.of(
                new AgoraTokenIssuer(settings, uids, clock),
                new AgoraChannelAdmin(settings, uids, rest),
                new AgoraParticipantLister(settings, uids, rest));
    }
}
