package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code rtcgate.health.*}: after {@code failure-threshold} failed calls in a row a vendor capability
 * gets no calls for {@code cool-down}; admins see the errors of the last {@code error-window}. Every node
 * probes each enabled vendor with one cheap authenticated call every {@code probe-interval}.
 */
@ConfigurationProperties("rtcgate.health")
public class HealthProperties {

    private int failureThreshold = 5;
    private Duration coolDown = Duration.ofSeconds(30);
    private Duration errorWindow = Duration.ofMinutes(5);
    private Duration probeInterval = Duration.ofSeconds(10);

    public int getFailureThreshold() { return failureThreshold; }
    public void setFailureThreshold(int failureThreshold) { this.failureThreshold = failureThreshold; }
    public Duration getCoolDown() { return coolDown; }
    public void setCoolDown(Duration coolDown) { this.coolDown = coolDown; }
    public Duration getErrorWindow() { return errorWindow; }
    public void setErrorWindow(Duration errorWindow) { this.errorWindow = errorWindow; }
    public Duration getProbeInterval() { return probeInterval; }
    public void setProbeInterval(Duration probeInterval) { this.probeInterval = probeInterval; }
}
