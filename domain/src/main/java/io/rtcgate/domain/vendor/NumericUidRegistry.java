package io.rtcgate.domain.vendor;

import java.util.Optional;

/**
 * Port: a stable numeric id per user, for vendors whose channel rules only take numbers (Agora's
 * kicking rules and user lists).
 */
public interface NumericUidRegistry {

    /** The user's numeric id, assigned on first use and never changed. */
    long uidFor(String userId);

    Optional<String> userFor(long uid);
}
