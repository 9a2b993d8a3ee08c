package io.rtcgate.domain.cohost;

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

/**
 * Mix callbacks at an endpoint of their own ({@link CallbackKind#MIX}): Aliyun's MixAvailable and MixResult,
 * applied to the co-host session of the room whose main stream they name. TRTC and Agora report mixing at
 * their general endpoint, where {@link io.rtcgate.domain.job.JobCallbackHandler} reads it.
 */
public final class MixCallbackHandler implements CallbackHandler {

    private final MixCallbacks callbacks;
    private final CohostService cohost;

    public MixCallbackHandler(MixCallbacks callbacks, CohostService cohost) {
        this.callbacks = callbacks;
        this.cohost = cohost;
    }

    /** A handler for every enabled vendor whose mix callbacks have an endpoint of their own (Aliyun's). */
    public static List<CallbackHandler> forVendors(VendorPorts ports, CohostService cohost) {
        return ports.vendors().stream()
                .flatMap(vendor -> ports.find(vendor, MixCallbacks.class).stream())
                .filter(MixCallbacks::ownEndpoint)
                .<CallbackHandler>map(port -> new MixCallbackHandler(port, cohost))
                .toList();
    }

    @Override
    public Vendor vendor() {
        return callbacks.vendor();
    }

    @Override
    public CallbackKind kind() {
        return CallbackKind.MIX;
    }

    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        return callbacks.verify(request, now);
    }

    @Override
    public CallbackOutcome process(StoredCallback callback) {
        return callbacks.read(callback.request())
                .map(notice -> cohost.apply(vendor(), notice))
                .orElseGet(() -> CallbackOutcome.ignored("not a mixing event"));
    }
}
