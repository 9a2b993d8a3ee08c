package io.rtcgate.domain.cleanup;

import io.rtcgate.domain.vendor.Vendor;

/** Carries out one kind of clean-up at a vendor; throws when it did not succeed. */
@FunctionalInterface
public interface CleanupAction {

    void run(Vendor vendor, String target);
}
