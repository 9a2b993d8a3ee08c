package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code rtcgate.cleanups.*}: the retrier of vendor clean-ups (a deleted room's messaging group, …). It looks
 * for due clean-ups every {@code poll-interval}, up to {@code batch-size} at a time; a failed clean-up is
 * retried after {@code backoff}, doubling each time up to {@code max-backoff}, until it succeeds.
 */
@ConfigurationProperties("rtcgate.cleanups")
public class CleanupProperties {

    private Duration pollInterval = Duration.ofSeconds(10);
    private Duration backoff = Duration.ofSeconds(10);
    private Duration maxBackoff = Duration.ofHours(1);
    private int batchSize = 20;

    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public Duration getBackoff() { return backoff; }
    public void setBackoff(Duration backoff) { this.backoff = backoff; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
}
