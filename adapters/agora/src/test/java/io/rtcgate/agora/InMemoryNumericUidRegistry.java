package io.rtcgate.agora;

import io.rtcgate.domain.vendor.NumericUidRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Hands out consecutive uids from a first one, as the gateway's registry would, but in memory. */
final class InMemoryNumericUidRegistry implements NumericUidRegistry {

    private final Map<String, Long> uidsByUser = new HashMap<>();
    private final Map<Long, String> usersByUid = new HashMap<>();
    private long nextUid;

    InMemoryNumericUidRegistry(long firstUid) {
        this.nextUid = firstUid;
    }

    @Override
    public synchronized long uidFor(String userId) {
        return uidsByUser.computeIfAbsent(userId, user -> {
            long uid = nextUid++;
            usersByUid.put(uid, user);
            return uid;
        });
    }

    @Override
    public synchronized Optional<String> userFor(long uid) {
        return Optional.ofNullable(usersByUid.get(uid));
    }
}
