package io.rtcgate.domain.idempotency;

import java.util.Objects;

/** The answer a request with an {@code Idempotency-Key} got: its HTTP status and JSON body, replayed as they were. */
public record StoredResponse(int status, String body) {

    public StoredResponse {
        Objects.requireNonNull(body, "body");
    }
}
