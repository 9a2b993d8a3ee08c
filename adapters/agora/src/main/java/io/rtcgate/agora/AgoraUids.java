package io.rtcgate.agora;

import io.rtcgate.domain.vendor.NumericUidRegistry;

/** The numeric uid Agora knows a gateway user by: an unsigned 32-bit number other than 0. */
final class AgoraUids {

    static final long MAX_UID = 0xFFFF_FFFFL;

    private AgoraUids() {
    }

    /**
     * The user's uid from the registry.
     *
     * @throws IllegalStateException if the registry hands out a number Agora cannot take
     */
    static long uidFor(NumericUidRegistry registry, String userId) {
        long uid = registry.uidFor(userId);
        if (uid < 1 || uid > MAX_UID) {
            // 0 would be a wildcard in a token and in a kicking rule: never let it through.
            throw new IllegalStateException("numeric uid " + uid + " of user " + userId + " is outside Agora's uid range 1.."
                    + MAX_UID);
        }
        return uid;
    }
}
