package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code rtcgate.metrics.*}: the gauges that count rows in the database (rooms, operator states, backlogs) read them
 * at most once per {@code counts-ttl}, however many scrapers ask.
 */
@ConfigurationProperties("rtcgate.metrics")
public class MetricsProperties {

    private Duration countsTtl = Duration.ofSeconds(5);

    public Duration getCountsTtl() { return countsTtl; }
    public void setCountsTtl(Duration countsTtl) { this.countsTtl = countsTtl; }
}
