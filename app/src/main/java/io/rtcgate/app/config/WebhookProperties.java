package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code rtcgate.webhooks.*}: outgoing webhooks. Each request may take {@code timeout}; a failed delivery is retried
 * after {@code first-backoff}, doubling up to {@code max-backoff}, jittered, until it is {@code max-age} old. Every node
 * looks for due deliveries every {@code poll-interval}, up to {@code batch-size} at a time, unless
 * {@code worker.enabled} is off (tests run the passes themselves). URLs that resolve to loopback or private addresses
 * are refused unless {@code allow-private-targets} is on; by default it is on exactly in the embedded default.
 */
@ConfigurationProperties("rtcgate.webhooks")
public class WebhookProperties {

    private Duration timeout = Duration.ofSeconds(10);
    private Duration firstBackoff = Duration.ofSeconds(30);
    private Duration maxBackoff = Duration.ofHours(4);
    private Duration maxAge = Duration.ofHours(24);
    private Duration pollInterval = Duration.ofSeconds(2);
    private int batchSize = 20;
    @Nullable
    private Boolean allowPrivateTargets;

    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public Duration getFirstBackoff() { return firstBackoff; }
    public void setFirstBackoff(Duration firstBackoff) { this.firstBackoff = firstBackoff; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    public Duration getMaxAge() { return maxAge; }
    public void setMaxAge(Duration maxAge) { this.maxAge = maxAge; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    @Nullable
    public Boolean getAllowPrivateTargets() { return allowPrivateTargets; }
    public void setAllowPrivateTargets(@Nullable Boolean allowPrivateTargets) { this.allowPrivateTargets = allowPrivateTargets; }
}
