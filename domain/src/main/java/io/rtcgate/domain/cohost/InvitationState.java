package io.rtcgate.domain.cohost;

import java.util.Locale;

/** Where an invitation to co-host is: waiting for its invitee, or decided one way for good. */
public enum InvitationState {
    PENDING,
    ACCEPTED,
    REJECTED,
    CANCELLED,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvitationState ofWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
