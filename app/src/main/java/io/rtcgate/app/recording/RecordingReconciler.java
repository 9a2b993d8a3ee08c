package io.rtcgate.app.recording;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.domain.recording.RecordingService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings quiet recordings up to date from their vendors every {@code rtcgate.recording.reconcile-tick}, so a
 * lost callback never leaves one stuck. Every node runs it; row locks with {@code SKIP LOCKED} keep two nodes
 * off the same recording.
 */
@Singleton
@Requires(property = "rtcgate.recording.reconciler.enabled", notEquals = "false")
public class RecordingReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingReconciler.class);

    private final RecordingService recordings;

    public RecordingReconciler(RecordingService recordings) {
        this.recordings = recordings;
    }

    @Scheduled(fixedDelay = "${rtcgate.recording.reconcile-tick:10s}", initialDelay = "${rtcgate.recording.reconcile-tick:10s}")
    void tick() {
        pass();
    }

    /** One pass; a failure (the database is gone) waits for the next. */
    public int pass() {
        try {
            int changed = recordings.reconcile();
            if (changed > 0) {
                LOG.info("the recording reconciler brought {} recordings up to date", changed);
            }
            return changed;
        } catch (RuntimeException e) {
            LOG.warn("the recording reconciler stopped; the next pass retries: {}", e.toString());
            return 0;
        }
    }
}
