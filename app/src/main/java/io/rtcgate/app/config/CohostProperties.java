package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code rtcgate.cohost.*}: how long an invitation waits for its invitee ({@code invitation-ttl}), how often a
 * degraded mix is retried ({@code mix-retries}, waiting {@code mix-retry-backoff}, doubling up to
 * {@code mix-retry-max-backoff}) before it is given up, how long a start waits for a result that comes by callback
 * ({@code mix-result-wait}, Aliyun's MixResult) before that counts as a failure, and the mixes' reconciler.
 */
@ConfigurationProperties("rtcgate.cohost")
public class CohostProperties extends JobProperties {

    private Duration invitationTtl = Duration.ofSeconds(60);
    private int mixRetries = 3;
    private Duration mixRetryBackoff = Duration.ofSeconds(5);
    private Duration mixRetryMaxBackoff = Duration.ofSeconds(60);
    private Duration mixResultWait = Duration.ofSeconds(30);

    public CohostProperties() {
        setReconcileInterval(Duration.ofSeconds(5));
        setReconcileTick(Duration.ofSeconds(5));
    }

    public Duration getInvitationTtl() { return invitationTtl; }
    public void setInvitationTtl(Duration invitationTtl) { this.invitationTtl = invitationTtl; }
    public int getMixRetries() { return mixRetries; }
    public void setMixRetries(int mixRetries) { this.mixRetries = mixRetries; }
    public Duration getMixRetryBackoff() { return mixRetryBackoff; }
    public void setMixRetryBackoff(Duration mixRetryBackoff) { this.mixRetryBackoff = mixRetryBackoff; }
    public Duration getMixResultWait() { return mixResultWait; }
    public void setMixResultWait(Duration mixResultWait) { this.mixResultWait = mixResultWait; }
    public Duration getMixRetryMaxBackoff() { return mixRetryMaxBackoff; }
    public void setMixRetryMaxBackoff(Duration mixRetryMaxBackoff) { this.mixRetryMaxBackoff = mixRetryMaxBackoff; }
}
