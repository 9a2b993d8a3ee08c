package io.rtcgate.domain.ingest;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.vendor.VendorPort;
import java.util.Optional;

/**
 * Port: reads a vendor's ingest events out of the deliveries at its general callback endpoint (Agora's NCS
 * productId 4, TRTC's EventGroupId 7). The endpoint's deliveries are verified on receipt by the vendor's
 * {@link io.rtcgate.domain.recording.RecordingCallbacks}, with the same secret; reading is local work.
 */
public interface IngestCallbacks extends VendorPort {

    /** What a verified delivery says of an ingest; empty for the endpoint's other events. */
    Optional<IngestNotice> read(CallbackRequest request);
}
