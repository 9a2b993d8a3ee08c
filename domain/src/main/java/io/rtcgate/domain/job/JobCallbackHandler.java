package io.rtcgate.domain.job;

import io.rtcgate.domain.cohost.CohostService;
import io.rtcgate.domain.cohost.MixCallbacks;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.callback.CallbackHandler;
import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StoredCallback;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.ingest.IngestCallbacks;
import io.rtcgate.domain.ingest.IngestNotice;
import io.rtcgate.domain.ingest.IngestService;
import io.rtcgate.domain.recording.RecordingCallbacks;
import io.rtcgate.domain.recording.RecordingNotice;
import io.rtcgate.domain.recording.RecordingService;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A vendor's callbacks about its long-running jobs, applied to recordings, ingests and co-host mixes. Agora's and Tencent's
 * callback endpoints carry every product's events ({@link CallbackKind#NOTIFICATION}): recordings, ingests and
 * the channel's own events; Aliyun's recording callbacks have an endpoint of their own
 * ({@link CallbackKind#RECORDING}). The vendor's {@link RecordingCallbacks} verifies every delivery at the
 * endpoint. Deliveries about neither kind of job are kept in the inbox, for the room events that read them later.
 */
public final class JobCallbackHandler implements CallbackHandler {

    private final RecordingCallbacks recordingCallbacks;
    private final Optional<IngestCallbacks> ingestCallbacks;
    private final CallbackKind kind;
    private final RecordingService recordings;
    private final IngestService ingests;
    private final Optional<MixCallbacks> mixCallbacks;
    private final CohostService cohost;

    public JobCallbackHandler(RecordingCallbacks recordingCallbacks, Optional<IngestCallbacks> ingestCallbacks,
                              Optional<MixCallbacks> mixCallbacks, CallbackKind kind, RecordingService recordings,
                              IngestService ingests, CohostService cohost) {
        this.recordingCallbacks = recordingCallbacks;
        this.ingestCallbacks = ingestCallbacks;
        this.mixCallbacks = mixCallbacks;
        this.kind = kind;
        this.recordings = recordings;
        this.ingests = ingests;
        this.cohost = cohost;
    }

    /** One handler for every enabled vendor that offers recording callbacks, at the endpoint kind of its vendor. */
    public static List<CallbackHandler> forVendors(VendorPorts ports, RecordingService recordings, IngestService ingests,
                                                   CohostService cohost) {
        return ports.vendors().stream()
                .flatMap(vendor -> ports.find(vendor, RecordingCallbacks.class).stream())
                .<CallbackHandler>map(port -> new JobCallbackHandler(port, ports.find(port.vendor(), IngestCallbacks.class),
                        mixesAtThisEndpoint(ports, port.vendor()), kindOf(port.vendor()), recordings, ingests, cohost))
                .toList();
    }

    /** A vendor's mix news arrives here unless it has a mix endpoint of its own ({@link CallbackKind#MIX}). */
    private static Optional<MixCallbacks> mixesAtThisEndpoint(VendorPorts ports, Vendor vendor) {
        return ports.find(vendor, MixCallbacks.class).filter(port -> !port.ownEndpoint());
    }

    /** Where a vendor sends its recording callbacks: its general endpoint, or Aliyun's recording one. */
    public static CallbackKind kindOf(Vendor vendor) {
        return vendor == Vendor.ALIYUN ? CallbackKind.RECORDING : CallbackKind.NOTIFICATION;
    }

    @Override
    public Vendor vendor() {
        return recordingCallbacks.vendor();
    }

    @Override
    public CallbackKind kind() {
        return kind;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        return recordingCallbacks.verify(request, now);
    }

    @Override
    public CallbackOutcome process(StoredCallback callback) {
        Optional<RecordingNotice> recording = recordingCallbacks.read(callback.request());
        if (recording.isPresent()) {
            return recordings.apply(vendor(), recording.get());
        }
        Optional<IngestNotice> ingest = ingestCallbacks.flatMap(port -> port.read(callback.request()));
        if (ingest.isPresent()) {
            return ingests.apply(vendor(), ingest.get());
        }
        Optional<MixNotice> mix = mixCallbacks.flatMap(port -> port.read(callback.request()));
        if (mix.isPresent()) {
            return cohost.apply(vendor(), mix.get());
        }
        return CallbackOutcome.ignored("neither a recording, an ingest nor a mixing event: kept for the room events");
    }
}
