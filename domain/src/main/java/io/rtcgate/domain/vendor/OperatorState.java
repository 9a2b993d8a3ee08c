package io.rtcgate.domain.vendor;

import io.rtcgate.domain.Validation;
import java.util.Locale;

/**
 * What an operator says about a vendor, for every gateway node. A draining vendor keeps serving its
 * rooms but gets no new ones; a down vendor gets nothing new and serves its rooms nothing the gateway
 * can withhold, such as signed stream URLs that would send viewers to it.
 */
public enum OperatorState {
    UP,
    DRAINING,
    DOWN;

    public boolean acceptsNewRooms() {
        return this == UP;
    }

    public boolean servesExistingRooms() {
        return this != DOWN;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OperatorState parse(String value, String field) {
        return Validation.oneOf(OperatorState.class, value, field);
    }
}
