package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code rtcgate.ingest.*}: the ingests' reconciler, and how often the positions of playing files are saved
 * ({@code progress-interval}: a crash of the gateway loses at most that much of a file's progress).
 */
@ConfigurationProperties("rtcgate.ingest")
public class IngestProperties extends JobProperties {

    private Duration progressInterval = Duration.ofSeconds(5);

    public Duration getProgressInterval() { return progressInterval; }
    public void setProgressInterval(Duration progressInterval) { this.progressInterval = progressInterval; }
}
