package io.rtcgate.domain.callback;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.vendor.Vendor;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The use case behind every vendor callback, whatever its vendor and kind: verify the delivery with the
 * handler for its vendor and kind, record it in the inbox, then process it. A delivery is recorded before
 * it is processed, so a crash in between loses nothing: {@link #processPending()}, run by a worker on
 * every node and once at start-up, finishes what was left. A delivery the vendor sends again is recognised
 * by its dedupe key and has no second effect.
 */
public final class CallbackInbox {

    /** Failed processing runs after which a delivery is closed as {@code failed}; its request stays in the inbox. */
    public static final int MAX_ATTEMPTS = 10;
    /** Immediate retries on receipt when a concurrent change of the same room won the race. */
    static final int CONFLICT_RETRIES = 3;

    private static final System.Logger LOG = System.getLogger(CallbackInbox.class.getName());

    private final VendorCallbackStore store;
    private final Map<Route, CallbackHandler> handlers = new HashMap<>();
    private final Clock clock;

    /** What became of a delivery on receipt: recorded as {@code id}, and its outcome once processed. */
    public record Receipt(long id, boolean duplicate, Optional<CallbackOutcome> outcome) {
    }

    private record Route(Vendor vendor, CallbackKind kind) {
    }

    public CallbackInbox(VendorCallbackStore store, Collection<? extends CallbackHandler> handlers, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (CallbackHandler handler : handlers) {
            if (this.handlers.putIfAbsent(new Route(handler.vendor(), handler.kind()), handler) != null) {
                throw new IllegalArgumentException("two handlers for " + handler.vendor().wireName() + " "
                        + handler.kind().wireName() + " callbacks");
            }
        }
    }

    /** Whether this gateway takes the vendor's callbacks of that kind. */
    public boolean accepts(Vendor vendor, CallbackKind kind) {
        return handlers.containsKey(new Route(vendor, kind));
    }

    /**
     * Verifies, records and processes one delivery. A delivery whose processing fails stays recorded and is
     * answered all the same: the worker finishes it, and the vendor need not send it again.
     *
     * @throws AuthenticationException when the gateway takes no such callbacks, or the delivery is not the
     *     vendor's or not fresh; nothing is recorded
     * @throws io.rtcgate.domain.InvalidInputException naming a missing or malformed parameter; nothing is recorded
     */
    public Receipt receive(Vendor vendor, CallbackKind kind, CallbackRequest request) {
        CallbackHandler handler = handlers.get(new Route(vendor, kind));
        if (handler == null) {
            throw new AuthenticationException(vendor.wireName() + " " + kind.wireName() + " callbacks are off on this gateway");
        }
        VerifiedCallback verified = handler.verify(request, clock.instant());
        VendorCallbackStore.Recorded recorded = store.record(vendor, kind, verified.dedupeKey(), verified.recorded(), clock.instant());
        return new Receipt(recorded.id(), recorded.duplicate(), processOnReceipt(recorded.id()));
    }

    /**
     * One pass over the inbox: processes every unprocessed delivery no other node holds, oldest first.
     * A delivery that fails is counted and left for the next pass.
     *
     * @return how many deliveries the pass processed or tried to
     */
    public int processPending() {
        long cursor = 0;
        int handled = 0;
        while (true) {
            OptionalLong claimed;
            try {
                claimed = store.processNext(cursor, this::dispatch, clock.instant());
            } catch (CallbackProcessingException e) {
                recordFailure(e);
                cursor = e.callbackId();
                handled++;
                continue;
            }
            if (claimed.isEmpty()) {
                return handled;
            }
            cursor = claimed.getAsLong();
            handled++;
        }
    }

    private Optional<CallbackOutcome> processOnReceipt(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(store.process(id, this::dispatch, clock.instant()));
            } catch (CallbackProcessingException e) {
                if (e.getCause() instanceof ConflictException && attempt < CONFLICT_RETRIES) {
                    continue;
                }
                recordFailure(e);
                return Optional.empty();
            }
        }
    }

    private CallbackOutcome dispatch(StoredCallback callback) {
        CallbackHandler handler = handlers.get(new Route(callback.vendor(), callback.kind()));
        if (handler == null) {
            throw new IllegalStateException("no handler for " + callback.vendor().wireName() + " "
                    + callback.kind().wireName() + " callbacks on this gateway");
        }
        return handler.process(callback);
    }

    private void recordFailure(CallbackProcessingException e) {
        LOG.log(Level.WARNING, "vendor callback {0} was not processed, it stays in the inbox: {1}",
                e.callbackId(), e.getCause().toString());
        store.recordFailure(e.callbackId(), e.getCause().toString(), MAX_ATTEMPTS, clock.instant());
    }
}
