package io.rtcgate.app.failover;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.domain.failover.FailoverService;
import io.rtcgate.domain.vendor.HealthProbes;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failover's scheduled work on every node: the health probes of the enabled vendors every
 * {@code rtcgate.health.probe-interval}, and the failover pass every {@code rtcgate.failover.interval}, which
 * moves the live rooms of failed vendors (the rooms' version checks keep two nodes from moving one room twice).
 * Tests turn it off ({@code rtcgate.failover.worker.enabled: false}) and run probes and passes themselves.
 */
@Singleton
@Requires(property = "rtcgate.failover.worker.enabled", notEquals = "false")
public class FailoverWorker {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverWorker.class);

    private final FailoverService failover;
    private final HealthProbes probes;

    public FailoverWorker(FailoverService failover, HealthProbes probes) {
        this.failover = failover;
        this.probes = probes;
    }

    @Scheduled(fixedDelay = "${rtcgate.health.probe-interval:10s}", initialDelay = "${rtcgate.health.probe-interval:10s}")
    void probe() {
        try {
            probes.probeAll();
        } catch (RuntimeException e) {
            LOG.warn("the vendor health probes stopped; the next round retries: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${rtcgate.failover.interval:1s}", initialDelay = "${rtcgate.failover.interval:1s}")
    void failOver() {
        try {
            failover.pass();
        } catch (RuntimeException e) {
            // the database is away: nothing moved, the next pass tries again
            LOG.warn("the failover pass stopped; the next one retries: {}", e.toString());
        }
    }
}
