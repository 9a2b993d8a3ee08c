package io.rtcgate.app.config;

import java.time.Duration;

/**
 * What every kind of vendor job configures for its reconciler: it queries the vendor for every active job with
 * no news (no callback, no command) for {@code reconcile-interval}, and looks for such jobs every
 * {@code reconcile-tick}.
 */
public abstract class JobProperties {

    private Duration reconcileInterval = Duration.ofSeconds(60);
    private Duration reconcileTick = Duration.ofSeconds(10);

    public Duration getReconcileInterval() { return reconcileInterval; }
    public void setReconcileInterval(Duration reconcileInterval) { this.reconcileInterval = reconcileInterval; }
    public Duration getReconcileTick() { return reconcileTick; }
    public void setReconcileTick(Duration reconcileTick) { this.reconcileTick = reconcileTick; }
}
