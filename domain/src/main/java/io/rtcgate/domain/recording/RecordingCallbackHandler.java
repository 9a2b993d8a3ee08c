package io.rtcgate.domain.recording;

import io.rtcgate.domain.callback.CallbackHandler;
import io.rtcgate.domain.callback.CallbackKind;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.StoredCallback;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A vendor's recording callbacks, applied to recordings. Agora's and Tencent's callback endpoints carry
 * every product's events ({@link CallbackKind#NOTIFICATION}); Aliyun's recording callbacks have an endpoint
 * of their own ({@link CallbackKind#RECORDING}). Deliveries that are not about a recording are kept in the
 * inbox, for the room events that read them later.
 */
public final class RecordingCallbackHandler implements CallbackHandler {

    private final RecordingCallbacks callbacks;
    private final CallbackKind kind;
    private final RecordingService recordings;

    public RecordingCallbackHandler(RecordingCallbacks callbacks, CallbackKind kind, RecordingService recordings) {
        this.callbacks = callbacks;
        this.kind = kind;
        this.recordings = recordings;
    }

    /** One handler for every enabled vendor that offers recording callbacks, at the endpoint kind of its vendor. */
    public static List<CallbackHandler> forVendors(VendorPorts ports, RecordingService recordings) {
        return ports.vendors().stream()
                .flatMap(vendor -> ports.find(vendor, RecordingCallbacks.class).stream())
                .<CallbackHandler>map(port -> new RecordingCallbackHandler(port, kindOf(port.vendor()), recordings))
                .toList();
    }

    /** Where a vendor sends its recording callbacks: its general endpoint, or Aliyun's recording one. */
    public static CallbackKind kindOf(Vendor vendor) {
        return vendor == Vendor.ALIYUN ? CallbackKind.RECORDING : CallbackKind.NOTIFICATION;
    }

    @Override
    public Vendor vendor() {
        return callbacks.vendor();
    }

    @Override
    public CallbackKind kind() {
        return kind;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        return callbacks.verify(request, now);
    }

    @Override
    public CallbackOutcome process(StoredCallback callback) {
        Optional<RecordingNotice> notice = callbacks.read(callback.request());
        if (notice.isEmpty()) {
            return CallbackOutcome.ignored("not a recording event: kept for the room events");
        }
        return recordings.apply(vendor(), notice.get());
    }
}
