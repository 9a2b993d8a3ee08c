package io.rtcgate.domain.idempotency;

import io.rtcgate.domain.DomainException;

/** An {@code Idempotency-Key} came back with another request than the one it was first sent with (422). */
public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key was already used with another request body; use a new key for a new request",
                IdempotentRequests.HEADER);
    }
}
