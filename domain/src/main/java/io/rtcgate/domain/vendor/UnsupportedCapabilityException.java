package io.rtcgate.domain.vendor;

import io.rtcgate.domain.DomainException;

/** The vendor offers no API for what was asked. */
public final class UnsupportedCapabilityException extends DomainException {

    public UnsupportedCapabilityException(Vendor vendor, Capability capability) {
        super(vendor.wireName() + " offers no API for " + capability.configKey(), null);
    }
}
