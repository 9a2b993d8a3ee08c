package io.rtcgate.tencent;

import io.rtcgate.domain.vendor.VendorPort;
import java.util.ArrayList;
import java.util.List;

/** Every port Tencent TRTC offers, built from its settings: one line per capability. */
public final class TencentPorts {

    private TencentPorts() {
    }

    public static List<VendorPort> create(TencentSettings settings) {
        var trtc = TrtcClients.create(settings);
        TencentTokenIssuer tokens = new TencentTokenIssuer(settings);
        List<VendorPort> ports = new ArrayList<>(List.of(
                tokens,
                new TencentChannelAdmin(settings, trtc),
                // Stream ingest needs nothing beyond the API keys and the application's key for the robot's UserSig.
                new TencentStreamIngester(settings, TrtcClients.common(settings), tokens),
                // Mixing, like ingest, needs only the API keys and the application's key for the robot's UserSig.
                new TencentStreamMixer(settings, trtc, tokens),
                // TRTC posts every product's events to one endpoint, so its verifier does not wait for recording storage.
                new TencentRecordingCallbacks(settings)));
        // The verifier checks the endpoint's every delivery; with no key it refuses all, leaving nothing to read.
        if (!settings.callbackKey().isBlank()) {
            ports.add(new TencentIngestCallbacks());
            // The anchors' video (201 / 202 / 104) and the relay's state (401) arrive at the same verified endpoint.
            ports.add(new TencentMixCallbacks());
        }
        // Cloud recording is offered only with storage to upload to.
        settings.recordingStorage().ifPresent(storage -> ports.add(new TencentCloudRecorder(settings, trtc, tokens)));
        return List.copyOf(ports);
    }
}
