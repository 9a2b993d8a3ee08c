package io.rtcgate.domain.callback;

import io.rtcgate.domain.vendor.VendorPort;
import java.time.Instant;

/**
 * Port: a vendor's stream callbacks (publish / publish_done). Verifying and reading a delivery is local
 * work with the vendor's callback key: it calls nothing.
 */
public interface StreamCallbacks extends VendorPort {

    /**
     * Checks the delivery's signature and freshness and names it, as {@link CallbackHandler#verify} does.
     *
     * @throws io.rtcgate.domain.AuthenticationException when it is unsigned, wrongly signed or stale, or no
     *     callback key is configured
     * @throws io.rtcgate.domain.InvalidInputException naming the parameter that is missing or malformed
     */
    VerifiedCallback verify(CallbackRequest request, Instant now);

    /** What a delivery this port verified on receipt says. */
    StreamNotice read(CallbackRequest request);
}
