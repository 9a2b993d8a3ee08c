package io.rtcgate.app.config;

import io.micronaut.context.annotation.Factory;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.room.RoomIdGenerator;
import io.rtcgate.domain.webhook.RetrySchedule;
import io.rtcgate.domain.webhook.WebhookDeliveryStore;
import io.rtcgate.domain.webhook.WebhookDispatcher;
import io.rtcgate.domain.webhook.WebhookSender;
import io.rtcgate.domain.webhook.WebhookSubscriptionStore;
import io.rtcgate.domain.webhook.WebhookSubscriptions;
import io.rtcgate.domain.webhook.WebhookTargets;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the webhook use cases from their stores, the HTTP sender and {@code rtcgate.webhooks.*}. */
@Factory
public class WebhookWiring {

    @Singleton
    WebhookDispatcher webhookDispatcher(WebhookDeliveryStore deliveries, WebhookSubscriptionStore subscriptions,
                                        WebhookSender sender, WebhookProperties properties, Clock clock) {
        var schedule = new RetrySchedule(properties.getFirstBackoff(), properties.getMaxBackoff(), properties.getMaxAge(),
                () -> ThreadLocalRandom.current().nextDouble());
        return new WebhookDispatcher(deliveries, subscriptions, sender, schedule, clock, properties.getTimeout(),
                properties.getBatchSize());
    }

    @Singleton
    WebhookSubscriptions webhookSubscriptions(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries,
                                              WebhookDispatcher dispatcher, WebhookTargets targets, RoomIdGenerator ids,
                                              AuditLog audit, Clock clock) {
        return new WebhookSubscriptions(subscriptions, deliveries, dispatcher, targets,
                () -> ids.next().toString().replace("-", ""), new SecureRandom(), audit, clock);
    }
}
