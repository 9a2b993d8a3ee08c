package io.rtcgate.tencent;

import io.rtcgate.domain.vendor.VendorPort;
import java.util.List;

/** Every port Tencent TRTC offers, built from its settings: one line per capability. */
public final class TencentPorts {

    private TencentPorts() {
    }

    public static List<VendorPort> create(TencentSettings settings) {
        var trtc = TrtcClients.create(settings);
        return List.of(
                new TencentTokenIssuer(settings),
                new TencentChannelAdmin(settings, trtc));
    }
}
