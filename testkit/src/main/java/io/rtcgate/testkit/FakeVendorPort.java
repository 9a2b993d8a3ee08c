package io.rtcgate.testkit;

import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorPort;
import java.time.Duration;
import java.util.Locale;

/** What the fake ports share: whose they are, and whether they have been told to fail or to hang. */
public abstract class FakeVendorPort implements VendorPort {

    private final Vendor vendor;
    private volatile VendorException.Kind failure;
    private volatile Duration delay = Duration.ZERO;

    protected FakeVendorPort(Vendor vendor) {
        this.vendor = vendor;
    }

    /** The exception a fake throws when told to fail with {@code kind}. */
    public static VendorException failure(Vendor vendor, String operation, VendorException.Kind kind) {
        return new VendorException(vendor, operation, kind, "fake-" + kind.name().toLowerCase(Locale.ROOT),
                "the fake was told to fail");
    }

    @Override
    public Vendor vendor() {
        return vendor;
    }

    /** Every later call fails with {@code kind}, until {@link #succeed()}. */
    public void failWith(VendorException.Kind kind) {
        failure = kind;
    }

    /** Every later call takes {@code delay} before it answers, like a vendor that hangs. */
    public void delayBy(Duration delay) {
        this.delay = delay;
    }

    public void succeed() {
        failure = null;
        delay = Duration.ZERO;
    }

    /** Called by each fake operation: waits and fails as told. */
    protected void act(String operation) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the fake hung", e);
            }
        }
        VendorException.Kind told = failure;
        if (told != null) {
            throw failure(vendor, operation, told);
        }
    }
}
