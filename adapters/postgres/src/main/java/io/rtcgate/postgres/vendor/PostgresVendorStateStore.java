package io.rtcgate.postgres.vendor;

import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorStateStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

@Singleton
public class PostgresVendorStateStore implements VendorStateStore {

    private final VendorStateRepository repository;

    public PostgresVendorStateStore(VendorStateRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<Vendor, OperatorState> all() {
        Map<Vendor, OperatorState> states = new EnumMap<>(Vendor.class);
        repository.findAll().forEach(row ->
                states.put(Vendor.parse(row.vendor(), "vendor"), OperatorState.parse(row.state(), "state")));
        return states;
    }

    @Override
    public void set(Vendor vendor, OperatorState state, String changedBy, Instant at) {
        repository.upsert(vendor.wireName(), state.wireName(), changedBy, at);
    }
}
