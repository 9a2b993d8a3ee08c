package io.rtcgate.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A reconciler pass: only quiet jobs, each claimed once, a failing one left for the next pass. */
class JobReconcilerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** Jobs as names with the time they were last heard of; work renames them. */
    private static final class Jobs implements QuietJobs<String> {
        final Map<String, Instant> heardAt = new LinkedHashMap<>();
        final List<Instant> askedFor = new ArrayList<>();

        @Override
        public List<String> quietActive(Instant heardBefore, int limit) {
            askedFor.add(heardBefore);
            return heardAt.entrySet().stream().filter(job -> job.getValue().isBefore(heardBefore)).map(Map.Entry::getKey)
                    .limit(limit).toList();
        }

        @Override
        public Optional<String> reconcile(String id, Instant heardBefore, UnaryOperator<String> work) {
            String next = work.apply(id);
            return next.equals(id) ? Optional.empty() : Optional.of(next);
        }
    }

    @Test
    void aPassWorksOnTheQuietJobsAndAFailureDoesNotStopIt() {
        ManualClock clock = new ManualClock(T0);
        Jobs jobs = new Jobs();
        jobs.heardAt.put("quiet-a", T0.minusSeconds(120));
        jobs.heardAt.put("failing", T0.minusSeconds(120));
        jobs.heardAt.put("unchanged", T0.minusSeconds(120));
        jobs.heardAt.put("quiet-b", T0.minusSeconds(61));
        jobs.heardAt.put("fresh", T0.minusSeconds(10));
        List<String> worked = new ArrayList<>();
        JobReconciler<String> reconciler = new JobReconciler<>("test job", jobs, id -> {
            worked.add(id);
            if (id.equals("failing")) {
                throw new IllegalStateException("the vendor is down");
            }
            return id.equals("unchanged") ? id : id + "-reconciled";
        }, clock, Duration.ofSeconds(60));

        assertEquals(2, reconciler.pass(), "quiet-a and quiet-b changed");
        assertEquals(List.of("quiet-a", "failing", "unchanged", "quiet-b"), worked, "fresh is not quiet");
        assertEquals(List.of(T0.minusSeconds(60)), jobs.askedFor);
    }
}
