package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code rtcgate.recording.*}: the reconciler queries the vendor for every active recording with no news
 * (no callback, no command) for {@code reconcile-interval}, and looks for such recordings every
 * {@code reconcile-tick}.
 */
@ConfigurationProperties("rtcgate.recording")
public class RecordingProperties {

    private Duration reconcileInterval = Duration.ofSeconds(60);
    private Duration reconcileTick = Duration.ofSeconds(10);

    public Duration getReconcileInterval() { return reconcileInterval; }
    public void setReconcileInterval(Duration reconcileInterval) { this.reconcileInterval = reconcileInterval; }
    public Duration getReconcileTick() { return reconcileTick; }
    public void setReconcileTick(Duration reconcileTick) { this.reconcileTick = reconcileTick; }
}
