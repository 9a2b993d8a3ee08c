package io.rtcgate.domain.vendor;

import java.util.Set;

/** What every vendor adapter tells about itself. */
public interface VendorAdapter {

    Vendor vendor();

    Set<Capability> capabilities();
}
