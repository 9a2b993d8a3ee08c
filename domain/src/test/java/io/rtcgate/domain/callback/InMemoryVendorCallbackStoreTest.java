package io.rtcgate.domain.callback;

import io.rtcgate.testkit.InMemoryVendorCallbackStore;
import io.rtcgate.testkit.VendorCallbackStoreContract;

/** The test kit's in-memory inbox keeps the port's promises, so domain tests can trust it. */
class InMemoryVendorCallbackStoreTest extends VendorCallbackStoreContract {

    private final InMemoryVendorCallbackStore store = new InMemoryVendorCallbackStore();

    @Override
    protected VendorCallbackStore store() {
        return store;
    }
}
