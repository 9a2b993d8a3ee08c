package io.rtcgate.aliyun;

import io.rtcgate.domain.InvalidInputException;
import java.util.regex.Pattern;

/** ARTC channel and user ids: 1 to 64 characters of {@code [0-9A-Za-z_-]} (vendors.md §3.3). */
final class ArtcIds {

    private static final Pattern VALID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private ArtcIds() {
    }

    /** Returns {@code value}, or throws naming {@code field} when ARTC would refuse it. */
    static String require(String value, String field) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInputException(field, field + " must be 1-64 characters of 0-9, A-Z, a-z, _ or - for Aliyun ARTC");
        }
        return value;
    }
}
