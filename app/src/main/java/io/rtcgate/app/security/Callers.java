package io.rtcgate.app.security;

import io.micronaut.security.authentication.Authentication;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.user.Role;

/** The domain's view of an authenticated request. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getRoles().contains(Role.ADMIN.name());
        return new Caller(authentication.getName(), admin);
    }
}
