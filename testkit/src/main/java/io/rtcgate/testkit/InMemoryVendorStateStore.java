package io.rtcgate.testkit;

import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorStateStore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Operator states in a map; a vendor never set is UP, as the port promises. */
public final class InMemoryVendorStateStore implements VendorStateStore {

    private final Map<Vendor, OperatorState> states = new EnumMap<>(Vendor.class);

    @Override
    public synchronized Map<Vendor, OperatorState> all() {
        return Map.copyOf(states);
    }

    @Override
    public synchronized void set(Vendor vendor, OperatorState state, String changedBy, Instant at) {
        states.put(vendor, state);
    }

    public void set(Vendor vendor, OperatorState state) {
        set(vendor, state, "operator", Instant.EPOCH);
    }
}
