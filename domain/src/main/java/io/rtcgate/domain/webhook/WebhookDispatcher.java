package io.rtcgate.domain.webhook;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the queued webhook deliveries: any number of nodes may run {@link #runDue} at the same time, each delivery
 * is claimed by one of them at a time. A 2xx answer delivers it; anything else schedules the next attempt by the
 * {@link RetrySchedule}, until the delivery is too old and fails, which flags its subscription. Within a pass the
 * deliveries of one subscription and room go out one after the other in seq order, and a failure holds back the rest
 * of them to go out after it.
 */
public final class WebhookDispatcher {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    private static final int MAX_ERROR = 500;

    private final WebhookDeliveryStore deliveries;
    private final WebhookSubscriptionStore subscriptions;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    /**
     * @param timeout the longest one request takes: a claim of {@code batchSize} deliveries, sent one after the other,
     *     lasts long enough for all of them to time out, so no other node takes one while this one may still send it
     */
    public WebhookDispatcher(WebhookDeliveryStore deliveries, WebhookSubscriptionStore subscriptions, WebhookSender sender,
                             RetrySchedule schedule, Clock clock, Duration timeout, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a pass claims at least one delivery");
        }
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.schedule = schedule;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = timeout.multipliedBy(batchSize + 1L);
    }

    /** Claims the deliveries that are due and tries each once; returns how many were delivered. */
    public int runDue() {
        Map<String, List<DueDelivery>> byRoomAndSubscription = new LinkedHashMap<>();
        for (DueDelivery due : deliveries.claimDue(clock.instant(), lease, batchSize)) {
            byRoomAndSubscription.computeIfAbsent(due.subscriptionId() + " " + due.event().event().roomId(),
                    key -> new ArrayList<>()).add(due);
        }
        int delivered = 0;
        for (List<DueDelivery> inOrder : byRoomAndSubscription.values()) {
            inOrder.sort((a, b) -> Long.compare(a.event().seq(), b.event().seq()));
            for (int i = 0; i < inOrder.size(); i++) {
                Result result = attempt(inOrder.get(i));
                if (result.delivered()) {
                    delivered++;
                }
                if (result.retryAt().isPresent()) {
                    List<Long> heldBack = inOrder.subList(i + 1, inOrder.size()).stream().map(DueDelivery::id).toList();
                    if (!heldBack.isEmpty()) {
                        deliveries.release(heldBack, result.retryAt().get());
                    }
                    break;
                }
            }
        }
        return delivered;
    }

    /**
     * Sends one delivery once, now, whatever its state: a 2xx delivers it; a failure of a pending one schedules its
     * next attempt as usual, while a delivered or failed one keeps its state.
     *
     * @return false when another node is sending it right now
     */
    public boolean sendNow(long deliveryId) {
        Optional<DueDelivery> claimed = deliveries.claim(deliveryId, clock.instant(), lease);
        claimed.ifPresent(this::attempt);
        return claimed.isPresent();
    }

    /** How an attempt went: delivered, and when it is still pending after a failure, the time of its next attempt. */
    private record Result(boolean delivered, Optional<Instant> retryAt) {
    }

    /** Sends it and keeps the outcome. */
    private Result attempt(DueDelivery due) {
        Instant at = clock.instant();
        SendOutcome outcome = sender.send(due.url(), due.secret(), due.messageId(), at, due.event());
        DeliveryAttempt attempt = new DeliveryAttempt(at, truncated(outcome));
        if (outcome.succeeded()) {
            deliveries.record(due.id(), attempt, DeliveryState.DELIVERED, Optional.empty());
            subscriptions.clearFailing(due.subscriptionId());
            return new Result(true, Optional.empty());
        }
        if (due.state() != DeliveryState.PENDING) {
            deliveries.record(due.id(), attempt, due.state(), Optional.empty());
            return new Result(false, Optional.empty());
        }
        int failedAttempts = due.attempts() + 1;
        Optional<Instant> next = schedule.nextAttempt(due.createdAt(), failedAttempts, clock.instant());
        if (next.isEmpty()) {
            LOG.log(Level.WARNING, "webhook delivery {0} to subscription {1} failed for good after {2} attempts: {3}",
                    due.messageId(), due.subscriptionId(), failedAttempts, outcome.failure());
            deliveries.record(due.id(), attempt, DeliveryState.FAILED, Optional.empty());
            subscriptions.flagFailing(due.subscriptionId(), attempt.outcome().failure());
            return new Result(false, Optional.empty());
        }
        LOG.log(Level.INFO, "webhook delivery {0} to subscription {1} failed (attempt {2}), retrying at {3}: {4}",
                due.messageId(), due.subscriptionId(), failedAttempts, next.get(), outcome.failure());
        deliveries.record(due.id(), attempt, DeliveryState.PENDING, next);
        return new Result(false, next);
    }

    private static SendOutcome truncated(SendOutcome outcome) {
        String error = outcome.error();
        return error == null || error.length() <= MAX_ERROR ? outcome : SendOutcome.noAnswer(error.substring(0, MAX_ERROR));
    }
}
