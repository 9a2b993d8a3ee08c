package io.rtcgate.domain.vendor;

import io.rtcgate.domain.DomainException;
import java.util.Locale;

/**
 * A vendor call failed. Says which vendor, what failed and the vendor's own error code; {@link #kind()}
 * decides whether the failure counts against the vendor's health.
 */
public final class VendorException extends DomainException {

    /** How a vendor call failed. */
    public enum Kind {
        /** Connection refused or reset, DNS, TLS: the vendor was not reached. */
        TRANSPORT(true),
        /** No answer within the call's timeout. */
        TIMEOUT(true),
        /** The vendor answered with a server-side error (5xx, InternalError). */
        SERVER_ERROR(true),
        /** The vendor throttled us (429, RequestLimitExceeded, Throttling). */
        THROTTLED(true),
        /** The vendor refused this request (bad parameters, auth): the vendor itself is healthy. */
        REJECTED(false),
        /** Not called: its circuit is open after repeated failures. */
        UNAVAILABLE(false);

        private final boolean countsAgainstHealth;

        Kind(boolean countsAgainstHealth) {
            this.countsAgainstHealth = countsAgainstHealth;
        }

        public boolean countsAgainstHealth() {
            return countsAgainstHealth;
        }
    }

    private final Vendor vendor;
    private final String operation;
    private final String vendorCode;
    private final Kind kind;

    public VendorException(Vendor vendor, String operation, Kind kind, String vendorCode, String message) {
        super(vendor.wireName() + " " + operation + " failed: " + message, null);
        this.vendor = vendor;
        this.operation = operation;
        this.kind = kind;
        this.vendorCode = vendorCode;
    }

    public Vendor vendor() {
        return vendor;
    }

    public String operation() {
        return operation;
    }

    /**
     * What callers may be told: vendor, operation, kind of failure and the vendor's code. The full
     * message can carry adapter internals (addresses, exception names) and belongs in the log.
     */
    public String summary() {
        return vendor.wireName() + " " + operation + " failed: " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (vendorCode == null ? "" : " (vendor code " + vendorCode + ")");
    }

    /** The vendor's error code (e.g. {@code AuthFailure.SignatureFailure}, {@code 429}); may be null. */
    public String vendorCode() {
        return vendorCode;
    }

    public Kind kind() {
        return kind;
    }
}
