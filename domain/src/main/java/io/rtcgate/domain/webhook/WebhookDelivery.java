package io.rtcgate.domain.webhook;

import io.rtcgate.domain.room.RoomEventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One room event on its way to one subscription: the event is the room's {@code seq}-th, its attempts oldest first,
 * and {@code nextAttemptAt} is set while it is pending. {@code createdAt} is the event's time, from which the retry
 * schedule's maximum age counts.
 */
public record WebhookDelivery(long id, String subscriptionId, String roomId, long seq, RoomEventType eventType,
                              DeliveryState state, List<DeliveryAttempt> attempts, Optional<Instant> nextAttemptAt,
                              Instant createdAt) {

    public WebhookDelivery {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        attempts = List.copyOf(attempts);
    }

    /** The Standard Webhooks {@code webhook-id}: the same on every attempt, so receivers deduplicate by it. */
    public String messageId() {
        return messageId(id);
    }

    static String messageId(long deliveryId) {
        return "msg_" + deliveryId;
    }
}
