package io.rtcgate.domain.job;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One reconciler pass over a kind of vendor job: every active job with no news for the interval is brought
 * up to date by {@code work} (which asks the vendor), one claim at a time, so several nodes may run passes at
 * once without doing a job's work twice. A job whose work fails is left for the next pass.
 *
 * @param <J> the job (a recording, an ingest)
 */
public final class JobReconciler<J> {

    /** How many jobs one pass looks at. */
    static final int BATCH = 100;

    private static final System.Logger LOG = System.getLogger(JobReconciler.class.getName());

    private final String kind;
    private final QuietJobs<J> jobs;
    private final UnaryOperator<J> work;
    private final Clock clock;
    private final Duration interval;

    /**
     * @param kind what the jobs are, for the log ({@code recording}, {@code ingest})
     * @param interval how long a job may go without news before it is reconciled
     */
    public JobReconciler(String kind, QuietJobs<J> jobs, UnaryOperator<J> work, Clock clock, Duration interval) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.work = Objects.requireNonNull(work, "work");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** @return how many jobs the pass changed */
    public int pass() {
        Instant quietSince = clock.instant().minus(interval);
        int changed = 0;
        for (String id : jobs.quietActive(quietSince, BATCH)) {
            try {
                if (jobs.reconcile(id, quietSince, work).isPresent()) {
                    changed++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "{0} {1} could not be reconciled now, the next pass tries again: {2}", kind, id,
                        e.toString());
            }
        }
        return changed;
    }
}
