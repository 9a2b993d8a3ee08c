package io.rtcgate.app.job;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.domain.cohost.CohostService;
import io.rtcgate.domain.ingest.IngestService;
import io.rtcgate.domain.recording.RecordingService;
import jakarta.inject.Singleton;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled work of the vendor jobs on every node: the recording, ingest and co-host mix reconcilers bring
 * quiet jobs up to date with their vendors (every {@code rtcgate.recording.reconcile-tick} and
 * {@code rtcgate.ingest.reconcile-tick}), so a lost callback never leaves one stuck, and the positions of playing
 * files are saved every {@code rtcgate.ingest.progress-interval}; co-host invitations whose time ran out are
 * expired every {@code rtcgate.cohost.reconcile-tick}. Row locks with {@code SKIP LOCKED} keep two
 * nodes off the same job. Tests turn it off ({@code rtcgate.jobs.scheduled: false}) and run passes themselves.
 */
@Singleton
@Requires(property = "rtcgate.jobs.scheduled", notEquals = "false")
public class JobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final RecordingService recordings;
    private final IngestService ingests;
    private final CohostService cohost;

    public JobWorker(RecordingService recordings, IngestService ingests, CohostService cohost) {
        this.recordings = recordings;
        this.ingests = ingests;
        this.cohost = cohost;
    }

    @Scheduled(fixedDelay = "${rtcgate.recording.reconcile-tick:10s}", initialDelay = "${rtcgate.recording.reconcile-tick:10s}")
    void reconcileRecordings() {
        run("the recording reconciler", "brought {} recordings up to date", recordings::reconcile);
    }

    @Scheduled(fixedDelay = "${rtcgate.ingest.reconcile-tick:10s}", initialDelay = "${rtcgate.ingest.reconcile-tick:10s}")
    void reconcileIngests() {
        run("the ingest reconciler", "brought {} ingests up to date", ingests::reconcile);
    }

    @Scheduled(fixedDelay = "${rtcgate.ingest.progress-interval:5s}", initialDelay = "${rtcgate.ingest.progress-interval:5s}")
    void saveIngestProgress() {
        run("saving ingest positions", null, ingests::saveProgress);
    }

    @Scheduled(fixedDelay = "${rtcgate.cohost.reconcile-tick:5s}", initialDelay = "${rtcgate.cohost.reconcile-tick:5s}")
    void reconcileMixes() {
        run("the co-host mix reconciler", "made the calls {} mixes owed their vendors", cohost::reconcile);
    }

    @Scheduled(fixedDelay = "${rtcgate.cohost.reconcile-tick:5s}", initialDelay = "${rtcgate.cohost.reconcile-tick:5s}")
    void expireInvitations() {
        run("expiring co-host invitations", "expired {} invitations", cohost::expireInvitations);
    }

    /** One pass; a failure (the database is gone) waits for the next. */
    private static void run(String what, String done, IntSupplier pass) {
        try {
            int changed = pass.getAsInt();
            if (changed > 0 && done != null) {
                LOG.info(what + " " + done, changed);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} stopped; the next pass retries: {}", what, e.toString());
        }
    }
}
