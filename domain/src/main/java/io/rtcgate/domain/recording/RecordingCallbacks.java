package io.rtcgate.domain.recording;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.vendor.VendorPort;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: a vendor's callbacks at the endpoint that carries its recording events (Agora's NCS and Tencent's
 * callbacks carry their channel and media events too). Verifying and reading a delivery is local work with
 * the vendor's callback secret: it calls nothing.
 */
public interface RecordingCallbacks extends VendorPort {

    /**
     * Checks the delivery's signature and freshness (at most ten minutes old by its own timestamp) and
     * names it for deduplication.
     *
     * @throws io.rtcgate.domain.AuthenticationException when it is unsigned, wrongly signed or stale, or no
     *     callback secret is configured
     * @throws io.rtcgate.domain.InvalidInputException naming the field that is missing or malformed
     */
    VerifiedCallback verify(CallbackRequest request, Instant now);

    /**
     * What a delivery this port verified on receipt says of a recording; empty for the other events the
     * endpoint carries (channel and media events), which the inbox keeps for the room events.
     */
    Optional<RecordingNotice> read(CallbackRequest request);
}
