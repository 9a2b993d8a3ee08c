package io.rtcgate.agora;

import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.VendorPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Every port Agora offers, built from its settings: one line per capability. */
public final class AgoraPorts {

    private AgoraPorts() {
    }

    public static List<VendorPort> create(AgoraSettings settings, NumericUidRegistry uids, Clock clock) {
        AgoraRestClient rest = new AgoraRestClient(settings);
        AgoraTokenIssuer tokens = new AgoraTokenIssuer(settings, uids, clock);
        AgoraMixChannels mixChannels = new AgoraMixChannels();
        List<VendorPort> ports = new ArrayList<>(List.of(
                tokens,
                new AgoraChannelAdmin(settings, uids, rest),
                new AgoraParticipantLister(settings, uids, rest),
                // Media Pull needs nothing beyond the REST credentials and the token issuer.
                new AgoraStreamIngester(settings, uids, rest, tokens, clock),
                // Media Push needs only the REST credentials: the converter joins no channel with a token of its own.
                new AgoraStreamMixer(settings, uids, rest, mixChannels, clock),
                // NCS posts every product's events to one endpoint, so its verifier does not wait for recording storage.
                new AgoraRecordingCallbacks(settings)));
        // Media Pull's events come through that endpoint; with no secret it refuses them all, leaving nothing to read.
        if (!settings.callbackSecret().isBlank()) {
            ports.add(new AgoraIngestCallbacks());
            // The anchor's presence and the converters' states come through that endpoint too, as RTC and Media Push events.
            ports.add(new AgoraMixCallbacks(uids, mixChannels));
        }
        // Cloud recording is offered only with storage to upload to.
        settings.recordingStorage().ifPresent(storage -> ports.add(new AgoraCloudRecorder(settings, rest, tokens, clock)));
        return List.copyOf(ports);
    }
}
