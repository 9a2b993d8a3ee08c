package io.rtcgate.domain.webhook;

/** Where a delivery stands: waiting for its next attempt, answered with a 2xx, or given up after the retry schedule. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
}
