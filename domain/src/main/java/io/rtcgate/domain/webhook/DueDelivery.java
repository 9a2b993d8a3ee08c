package io.rtcgate.domain.webhook;

import io.rtcgate.domain.room.RecordedRoomEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery a node has claimed to send: where to (the subscription's {@code url}, signed with its {@code secret}),
 * the event itself, its state (pending, unless an admin sends it again) and how many attempts it had before.
 */
public record DueDelivery(long id, String subscriptionId, String url, String secret, DeliveryState state, int attempts,
                          Instant createdAt, RecordedRoomEvent event) {

    public DueDelivery {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(event, "event");
    }

    public String messageId() {
        return WebhookDelivery.messageId(id);
    }
}
