package io.rtcgate.domain.vendor;

import io.rtcgate.domain.DomainException;
import java.util.List;

/** No configured vendor may take new work for a capability right now. */
public final class NoHealthyVendorException extends DomainException {

    public NoHealthyVendorException(Capability capability, List<Vendor> considered) {
        super("no vendor is available for " + capability.configKey() + " (configured: "
                + considered.stream().map(Vendor::wireName).toList() + ")", null);
    }

    /** No vendor can do the work, for a reason {@code message} tells the caller. */
    public NoHealthyVendorException(String message) {
        super(message, null);
    }
}
