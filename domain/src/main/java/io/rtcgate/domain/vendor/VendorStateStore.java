package io.rtcgate.domain.vendor;

import java.time.Instant;
import java.util.Map;

/** Port: the operator state of each vendor, shared by every gateway node. A vendor never set is UP. */
public interface VendorStateStore {

    Map<Vendor, OperatorState> all();

    void set(Vendor vendor, OperatorState state, String changedBy, Instant at);
}
