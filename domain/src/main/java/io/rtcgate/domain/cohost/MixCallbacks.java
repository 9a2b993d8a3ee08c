package io.rtcgate.domain.cohost;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.vendor.VendorPort;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: a vendor's mixing news, read from its callbacks ({@code mix-callbacks} capability). Local work with the
 * vendor's callback key: it calls nothing.
 *
 * <p>Aliyun sends MixAvailable and MixResult to an endpoint of their own ({@code /callbacks/aliyun/mix}, GET
 * with query parameters, signed as its stream callbacks): {@link #verify} checks those on receipt. TRTC and
 * Agora report the anchor's presence and their tasks' states at their general callback endpoint, verified
 * there by the vendor's recording-callbacks port; for them {@link #read} picks the mixing news out of it.
 */
public interface MixCallbacks extends VendorPort {

    /**
     * Whether the vendor sends its mixing news to an endpoint of its own ({@code /callbacks/aliyun/mix}, verified by
     * {@link #verify}), rather than to its general callback endpoint.
     */
    default boolean ownEndpoint() {
        return false;
    }

    /**
     * Checks a delivery to the vendor's own mix endpoint and names it for deduplication.
     *
     * @throws io.rtcgate.domain.AuthenticationException when it is unsigned, wrongly signed or stale
     * @throws io.rtcgate.domain.InvalidInputException naming the parameter that is missing or malformed
     * @throws UnsupportedOperationException for a vendor with no mix endpoint of its own
     */
    VerifiedCallback verify(CallbackRequest request, Instant now);

    /** What a verified delivery says of mixing; empty for the endpoint's other events. */
    Optional<MixNotice> read(CallbackRequest request);
}
