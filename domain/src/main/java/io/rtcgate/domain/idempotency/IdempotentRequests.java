package io.rtcgate.domain.idempotency;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs a request at most once per caller and {@code Idempotency-Key}: the same key with the same request
 * within {@link #RETENTION} answers the first response again and runs nothing; the same key with another
 * request is refused. A second request that arrives while the first is running waits for its answer.
 * A request that fails is not kept: its key is released, so a retry runs it again.
 */
public final class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** How long a key is kept. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** A request in flight for longer than this was cut short by a crash, and its key may be claimed again. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration waitForFirst;
    private final Duration pollEvery;

    /**
     * @param waitForFirst how long a repeated request waits for the first one's answer before it is told to retry
     * @param pollEvery how often it looks
     */
    public IdempotentRequests(IdempotencyStore store, Clock clock, Duration waitForFirst, Duration pollEvery) {
        this.store = store;
        this.clock = clock;
        this.waitForFirst = waitForFirst;
        this.pollEvery = pollEvery;
    }

    /**
     * Runs {@code request} once for the caller's {@code key}, or answers what its first run answered.
     *
     * @param fingerprint names the request (method, path and body) so a reused key is recognised
     * @throws InvalidInputException naming the header when the key is blank, too long or not printable ASCII
     * @throws IdempotencyKeyReusedException when the key came with another request
     * @throws ConflictException when the first request with the key is still running after the wait
     */
    public StoredResponse execute(String callerId, String key, String fingerprint, Supplier<StoredResponse> request) {
        requireValid(key);
        Instant giveUpAt = clock.instant().plus(waitForFirst);
        while (true) {
            Instant now = clock.instant();
            IdempotencyStore.Claim claim = store.claim(callerId, key, fingerprint, now, now.minus(ABANDONED_AFTER),
                    now.minus(RETENTION));
            if (claim instanceof IdempotencyStore.Fresh) {
                return runOnce(callerId, key, request);
            }
            if (claim instanceof IdempotencyStore.Replay replay) {
                return replay.response();
            }
            if (claim instanceof IdempotencyStore.Mismatch) {
                throw new IdempotencyKeyReusedException();
            }
            if (!clock.instant().isBefore(giveUpAt)) {
                throw new ConflictException("a request with this Idempotency-Key is still running; retry it later");
            }
            pause();
        }
    }

    /** Forgets the keys older than {@link #RETENTION}, every caller's; how many it forgot. */
    public int purgeExpired() {
        return store.purgeExpired(clock.instant().minus(RETENTION));
    }

    private StoredResponse runOnce(String callerId, String key, Supplier<StoredResponse> request) {
        StoredResponse response;
        try {
            response = request.get();
        } catch (RuntimeException e) {
            try {
                store.release(callerId, key);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
        store.complete(callerId, key, response, clock.instant());
        return response;
    }

    private static void requireValid(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidInputException(HEADER, HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters without spaces");
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while waiting for the first request with this Idempotency-Key");
        }
    }
}
