package io.rtcgate.domain.vendor;

/**
 * What every driven port that a vendor adapter implements has in common: whose it is. Each port
 * interface is one {@link Capability}; an adapter class implements one or more of them.
 */
public interface VendorPort {

    Vendor vendor();
}
