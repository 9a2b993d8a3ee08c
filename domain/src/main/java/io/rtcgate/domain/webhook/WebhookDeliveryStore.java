package io.rtcgate.domain.webhook;

import io.rtcgate.domain.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the durable queue of webhook deliveries, shared by every gateway node; the events' own writers fill it, in
 * their transactions. A node sends a delivery only while it holds its claim, a lease: no other node claims it
 * meanwhile, and a node that dies holding it only delays it until the lease ends.
 */
public interface WebhookDeliveryStore {

    /**
     * Claims up to {@code limit} pending deliveries of enabled subscriptions that are due at {@code now} and that no
     * other node holds, oldest due first; a delivery waits while an earlier event of its room is pending for the same
     * subscription and not due, so each room's events go out in order.
     */
    List<DueDelivery> claimDue(Instant now, Duration lease, int limit);

    /** Claims one delivery whatever its state or schedule; empty while another claim holds it. */
    Optional<DueDelivery> claim(long id, Instant now, Duration lease);

    /** Keeps the attempt, the delivery's new state and next attempt (empty unless pending), and ends the claim. */
    void record(long id, DeliveryAttempt attempt, DeliveryState state, Optional<Instant> nextAttemptAt);

    /** Ends the claims without an attempt, the deliveries due again at {@code nextAttemptAt}. */
    void release(List<Long> ids, Instant nextAttemptAt);

    /** One delivery of the subscription, with its attempts. */
    Optional<WebhookDelivery> find(String subscriptionId, long id);

    /** A page of the subscription's deliveries, newest first. */
    Page<WebhookDelivery> page(String subscriptionId, int limit, Optional<String> cursor);
}
