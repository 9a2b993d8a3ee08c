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
        AliyunTypeAUrlSigner signer = new AliyunTypeAUrlSigner(settings.live(), clock);
        List<VendorPort> ports = new ArrayList<>(List.of(
                new AliyunArtcTokenIssuer(settings, clock),
                new AliyunChannelAdmin(settings, clock, live),
                new AliyunParticipantLister(settings, live),
                signer,
                new AliyunStreamCallbacks(settings.live(), settings.artcAppId())));
        // messaging only with an IM application configured
        settings.messaging().ifPresent(im -> ports.addAll(List.of(new AliyunImTokenIssuer(im, clock), new AliyunMessageGroups(im, live))));
        // cloud recording only with storage to upload to and a URL for its callbacks
        settings.cloudRecording().ifPresent(storage -> ports.add(new AliyunCloudRecorder(settings, live)));
        // recording callbacks only with a key to check them with: unsigned ones are never accepted
        if (!settings.live().callbackAuthKey().isBlank()) {
            ports.add(new AliyunRecordingCallbacks(settings.artcAppId(), settings.live().callbackAuthKey()));
            // mix callbacks likewise: MixAvailable and MixResult are signed as the stream callbacks are
            ports.add(new AliyunMixCallbacks(settings.live()));
            // CDN mixing only where its callbacks can be read: a start's outcome is known only from MixResult
            ports.add(new AliyunStreamMixer(settings, signer, live));
        }
        return List.copyOf(ports);
    }
}
