package io.rtcgate.app.webhook;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.app.config.WebhookProperties;
import io.rtcgate.domain.webhook.WebhookDispatcher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due webhook deliveries every {@code rtcgate.webhooks.poll-interval} on every node: the queue hands each
 * delivery to one node at a time. Tests turn it off ({@code rtcgate.webhooks.worker.enabled: false}) and run
 * {@link WebhookDispatcher#runDue} themselves.
 */
@Singleton
@Requires(property = "rtcgate.webhooks.worker.enabled", notEquals = "false")
public class WebhookWorker {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);

    private final WebhookDispatcher dispatcher;
    private final int batchSize;

    public WebhookWorker(WebhookDispatcher dispatcher, WebhookProperties properties) {
        this.dispatcher = dispatcher;
        this.batchSize = properties.getBatchSize();
    }

    @Scheduled(fixedDelay = "${rtcgate.webhooks.poll-interval:2s}", initialDelay = "${rtcgate.webhooks.poll-interval:2s}")
    void deliverDue() {
        try {
            // a full batch delivered: more may be due, and a busy queue should not wait for the next poll
            while (dispatcher.runDue() == batchSize) {
                LOG.debug("a full batch of webhook deliveries went out; looking for more");
            }
        } catch (RuntimeException e) {
            // the database is away: the queue keeps everything, the next pass sends it
            LOG.warn("webhook deliveries could not be sent now; the next pass retries: {}", e.toString());
        }
    }
}
