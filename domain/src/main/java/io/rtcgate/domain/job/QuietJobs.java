package io.rtcgate.domain.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The part of a job store a reconciler needs: the active jobs nobody heard of lately, and a claim on one of
 * them that several nodes may try at once while only one does the work.
 *
 * @param <J> the job (a recording, an ingest)
 */
public interface QuietJobs<J> {

    /** Ids of the active jobs with no news since {@code heardBefore}, least recently heard of first. */
    List<String> quietActive(Instant heardBefore, int limit);

    /**
     * Locks job {@code id} unless another node holds it ({@code SKIP LOCKED}) and it is still active and quiet
     * since {@code heardBefore}, applies {@code work} and saves what it returns (nothing when it returns the job
     * unchanged), in one transaction.
     *
     * @return the saved job; empty when it was held, heard of since, ended, or unchanged
     */
    Optional<J> reconcile(String id, Instant heardBefore, UnaryOperator<J> work);
}
