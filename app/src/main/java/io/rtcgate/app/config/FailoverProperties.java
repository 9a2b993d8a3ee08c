package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code rtcgate.failover.*}: a vendor whose circuit has been open on a node for {@code after} is failed for its
 * rooms there, as one an operator marked down is everywhere; every node looks for live rooms on failed vendors
 * every {@code interval} and moves them.
 */
@ConfigurationProperties("rtcgate.failover")
public class FailoverProperties {

    private Duration after = Duration.ofSeconds(10);
    private Duration interval = Duration.ofSeconds(1);

    public Duration getAfter() { return after; }
    public void setAfter(Duration after) { this.after = after; }
    public Duration getInterval() { return interval; }
    public void setInterval(Duration interval) { this.interval = interval; }
}
