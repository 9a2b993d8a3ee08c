package io.rtcgate.aliyun;

import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import java.util.regex.Pattern;

/** ARTC channel and user ids: 1 to 64 characters of {@code [0-9A-Za-z_-]} (vendors.md §3.3). */
final class ArtcIds {

    private static final Pattern VALID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private ArtcIds() {
    }

    /** The CDN bypass stream an ARTC co-host's camera goes out on (vendors.md §3.3): {@code {appId}_{channel}_{userId}_camera}. */
    static String cameraStream(String artcAppId, String channel, String userId) {
        return artcAppId + "_" + channel + "_" + userId + "_camera";
    }

    /**
     * Returns {@code value}, or refuses, as ARTC would, to sign for it. The gateway's own channel names and
     * user ids always fit; this guards against an id that reached the adapter unchecked.
     */
    static String require(String value, String field, String operation) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new VendorException(Vendor.ALIYUN, operation, VendorException.Kind.REJECTED, "InvalidParameter",
                    "not sent: ARTC takes a " + field + " of 1-64 characters of 0-9, A-Z, a-z, _ or -");
        }
        return value;
    }
}
