package io.rtcgate.app.idempotency;

import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.domain.idempotency.IdempotentRequests;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets Idempotency-Keys older than their 24 hours once an hour, off the request path. A request with an
 * expired key that comes first finds it forgotten anyway; this only keeps the table small.
 */
@Singleton
public class IdempotencyKeyPurger {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

    private final IdempotentRequests requests;

    public IdempotencyKeyPurger(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void purge() {
        try {
            int forgotten = requests.purgeExpired();
            if (forgotten > 0) {
                LOG.info("forgot {} expired idempotency keys", forgotten);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging expired idempotency keys failed; the next hour retries: {}", e.toString());
        }
    }
}
