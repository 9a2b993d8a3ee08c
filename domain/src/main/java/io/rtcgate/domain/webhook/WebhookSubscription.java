package io.rtcgate.domain.webhook;

import io.rtcgate.domain.room.RoomEventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A backend that receives room events as signed webhooks at {@code url}: those of {@code eventTypes}, or of every
 * type when that is empty, while it is {@code enabled}. {@code failing} says a delivery gave up after the whole retry
 * schedule, {@code lastError} why; the next successful delivery clears both. The signing secret is not part of it: it
 * is shown once, when the subscription is created.
 */
public record WebhookSubscription(String id, String url, List<RoomEventType> eventTypes, boolean enabled, boolean failing,
                                  String lastError, Instant createdAt) {

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        eventTypes = List.copyOf(eventTypes);
    }

    /** Whether it receives every type of event. */
    public boolean allTypes() {
        return eventTypes.isEmpty();
    }

    WebhookSubscription withSettings(boolean enabled, List<RoomEventType> eventTypes) {
        return new WebhookSubscription(id, url, eventTypes, enabled, failing, lastError, createdAt);
    }
}
