package io.rtcgate.domain.job;

import io.rtcgate.domain.ConflictException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A change to a stored job under optimistic concurrency: applied to the latest copy and saved, and applied
 * again to a fresh copy when another writer saved first.
 */
public final class LatestWrites {

    /** Retries of a write that lost a race with another writer of the same job. */
    static final int RETRIES = 5;

    private LatestWrites() {
    }

    /**
     * @param latest reads the stored job
     * @param change the new job, or the same instance when there is nothing to change (nothing is saved then)
     * @param save saves it, throwing {@link ConflictException} when another writer won
     * @param hopeless a conflict that retrying cannot cure (the store refused the change itself)
     */
    public static <J> J update(Supplier<J> latest, UnaryOperator<J> change, UnaryOperator<J> save,
                               Predicate<ConflictException> hopeless) {
        for (int attempt = 1; ; attempt++) {
            J current = latest.get();
            J next = change.apply(current);
            if (next == current) {
                return current;
            }
            try {
                return save.apply(next);
            } catch (ConflictException e) {
                if (attempt >= RETRIES || hopeless.test(e)) {
                    throw e;
                }
            }
        }
    }
}
