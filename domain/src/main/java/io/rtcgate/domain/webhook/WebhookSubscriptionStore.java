package io.rtcgate.domain.webhook;

import java.util.List;
import java.util.Optional;

/** Port: the webhook subscriptions, shared by every gateway node. */
public interface WebhookSubscriptionStore {

    void add(WebhookSubscription subscription, String secret);

    Optional<WebhookSubscription> find(String id);

    /** Every subscription, oldest first. */
    List<WebhookSubscription> list();

    /** Keeps the subscription's {@code enabled} and {@code eventTypes}; false when it no longer exists. */
    boolean update(WebhookSubscription subscription);

    /** Removes it with its deliveries; false when it did not exist. */
    boolean delete(String id);

    /** A delivery gave up: the subscription is failing, for {@code error}. */
    void flagFailing(String id, String error);

    /** A delivery succeeded: the subscription is not failing any more. */
    void clearFailing(String id);
}
