package io.rtcgate.domain.vendor;

import io.rtcgate.domain.DomainException;
import java.util.Collection;
import java.util.stream.Collectors;

/** The vendor offers no API for what was asked. */
public final class UnsupportedCapabilityException extends DomainException {

    public UnsupportedCapabilityException(Vendor vendor, Capability capability) {
        super(vendor.wireName() + " offers no API for " + capability.configKey(), null);
    }

    /** Names the enabled vendors that do offer it, so the caller knows where the capability is. */
    public UnsupportedCapabilityException(Vendor vendor, Capability capability, Collection<Vendor> offeredBy) {
        super(vendor.wireName() + " offers no API for " + capability.configKey() + "; "
                + (offeredBy.isEmpty() ? "no enabled vendor does"
                        : offeredBy.stream().map(Vendor::wireName).sorted().collect(Collectors.joining(" and ")) + " do"), null);
    }
}
