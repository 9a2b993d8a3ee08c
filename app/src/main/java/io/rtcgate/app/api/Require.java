package io.rtcgate.app.api;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.Validation;

/** Request checks that belong to the wire format rather than the domain. */
public final class Require {

    private Require() {
    }

    /**
     * AUI requests repeat the caller's id in {@code user_id}; it must be the authenticated user, so one
     * user cannot act under another's name.
     */
    public static void sameUser(Caller caller, String userId, String field) {
        Validation.required(userId, field);
        if (!caller.userId().equals(userId) && !caller.admin()) {
            throw new ForbiddenException(field + " must be the authenticated user");
        }
    }
}
