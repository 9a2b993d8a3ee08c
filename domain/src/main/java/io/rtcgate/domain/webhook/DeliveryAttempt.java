package io.rtcgate.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/** One try of a delivery, at {@code at}, and how it went. */
public record DeliveryAttempt(Instant at, SendOutcome outcome) {

    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }
}
