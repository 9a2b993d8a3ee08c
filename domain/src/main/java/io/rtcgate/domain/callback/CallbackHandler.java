package io.rtcgate.domain.callback;

import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;

/** Handles one vendor's callbacks of one kind: checks each delivery on receipt and acts on it from the inbox. */
public interface CallbackHandler {

    Vendor vendor();

    CallbackKind kind();

    /**
     * Checks that the delivery comes from the vendor and is fresh, and names it.
     *
     * @throws io.rtcgate.domain.AuthenticationException when it is not signed by the vendor or not fresh
     * @throws io.rtcgate.domain.InvalidInputException naming the parameter that is missing or malformed
     */
    VerifiedCallback verify(CallbackRequest request, Instant now);

    /**
     * Acts on a recorded delivery, verified on receipt. Runs inside the inbox's processing transaction:
     * throw to leave the delivery for another attempt, never catch a store's failure.
     */
    CallbackOutcome process(StoredCallback callback);
}
