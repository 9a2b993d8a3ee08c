package io.rtcgate.aliyun;

import io.rtcgate.domain.vendor.VendorPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Every port Aliyun offers, built from its settings: one line per capability. */
public final class AliyunPorts {

    private AliyunPorts() {
    }

    public static List<VendorPort> create(AliyunSettings settings, Clock clock) {
        AliyunLiveClient live = new AliyunLiveClient(settings);
        List<VendorPort> ports = new ArrayList<>(List.of(
                new AliyunArtcTokenIssuer(settings, clock),
                new AliyunChannelAdmin(settings, clock, live),
                new AliyunParticipantLister(settings, live),
                new AliyunTypeAUrlSigner(settings.live(), clock),
                new AliyunStreamCallbacks(settings.live(), settings.artcAppId())));
        // messaging only with an IM application configured
        settings.messaging().ifPresent(im -> ports.addAll(List.of(new AliyunImTokenIssuer(im, clock), new AliyunMessageGroups(im, live))));
        return List.copyOf(ports);
    }
}
