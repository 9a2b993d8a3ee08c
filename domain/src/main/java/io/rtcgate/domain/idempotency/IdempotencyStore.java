package io.rtcgate.domain.idempotency;

import java.time.Instant;

/**
 * Port: the {@code Idempotency-Key}s callers sent, per caller, with the fingerprint of the first request
 * and, once it finished, its answer. Claims are atomic across every node sharing the store.
 */
public interface IdempotencyStore {

    /** What a claim found. */
    sealed interface Claim permits Fresh, Replay, InFlight, Mismatch {
    }

    /** The key is the caller's now: run the request, then {@link #complete} or {@link #release} it. */
    record Fresh() implements Claim {
    }

    /** The same request finished before: answer this again. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The same request is running (on this node or another). */
    record InFlight() implements Claim {
    }

    /** The key was used for another request. */
    record Mismatch() implements Claim {
    }

    /**
     * Claims {@code key} for the caller's request with {@code fingerprint}. The key is forgotten first when it
     * was claimed before {@code expiredBefore}, or has been in flight since before {@code abandonedBefore} (its
     * node died).
     */
    Claim claim(String callerId, String key, String fingerprint, Instant now, Instant abandonedBefore, Instant expiredBefore);

    /** Forgets every key claimed before {@code expiredBefore}; how many it forgot. */
    int purgeExpired(Instant expiredBefore);

    /** Keeps the request's answer under the key. */
    void complete(String callerId, String key, StoredResponse response, Instant now);

    /** Forgets the key: the request failed in a way a retry may fix, so the retry runs it again. */
    void release(String callerId, String key);
}
