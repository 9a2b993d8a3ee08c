package io.rtcgate.app.cleanup;

import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.app.config.CleanupProperties;
import io.rtcgate.domain.cleanup.VendorCleanups;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the vendor clean-ups that are due, every {@code rtcgate.cleanups.poll-interval}, on every node:
 * the queue hands each clean-up to one node at a time.
 */
@Singleton
public class CleanupRetrier {

    private static final Logger LOG = LoggerFactory.getLogger(CleanupRetrier.class);

    private final VendorCleanups cleanups;
    private final CleanupProperties properties;

    public CleanupRetrier(VendorCleanups cleanups, CleanupProperties properties) {
        this.cleanups = cleanups;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = "${rtcgate.cleanups.poll-interval:10s}", initialDelay = "${rtcgate.cleanups.poll-interval:10s}")
    void retryDue() {
        try {
            int done = cleanups.runDue(properties.getBatchSize());
            if (done > 0) {
                LOG.info("{} vendor clean-ups done on retry", done);
            }
        } catch (RuntimeException e) {
            // the database is away: the queue keeps everything, the next round tries again
            LOG.warn("vendor clean-ups could not be retried now: {}", e.getMessage());
        }
    }
}
