package io.rtcgate.domain.vendor;

import io.rtcgate.domain.Validation;
import java.util.Locale;

/** How a user takes part in a room's channel; hosts and co-hosts publish, the audience only watches. */
public enum ParticipantRole {
    HOST,
    COHOST,
    AUDIENCE;

    public boolean publishes() {
        return this != AUDIENCE;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ParticipantRole parse(String value, String field) {
        return Validation.oneOf(ParticipantRole.class, value, field);
    }
}
