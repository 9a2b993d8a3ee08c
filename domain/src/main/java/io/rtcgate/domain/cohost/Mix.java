package io.rtcgate.domain.cohost;

import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A co-host session's mix, as stored: its {@link MixState}, whether the main stream can be mixed now, the
 * vendor task (with the vendor and its generation: a new task after a stop gets the next one, so its name is
 * new), what the vendor was last asked to mix ({@code mixedUserIds} in pane order, {@code mixedLayout}), the
 * failures in a row with the time of the next retry, and the vendor's last result.
 */
public record Mix(MixState state, boolean mainAvailable, Optional<Vendor> vendor, int generation, Optional<String> taskId,
                  List<String> mixedUserIds, Optional<CohostLayout> mixedLayout, int attempts, Optional<Instant> retryAt,
                  Optional<MixOutcome> lastResult) {

    public Mix {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(taskId, "taskId");
        mixedUserIds = List.copyOf(mixedUserIds);
        Objects.requireNonNull(mixedLayout, "mixedLayout");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(lastResult, "lastResult");
        if (taskId.isPresent() && vendor.isEmpty()) {
            throw new IllegalArgumentException("a mix task belongs to a vendor");
        }
        if (generation < 0 || attempts < 0) {
            throw new IllegalArgumentException("generation and attempts are not negative");
        }
    }

    /** No mix, nothing known of the main stream. */
    public static Mix idle() {
        return new Mix(MixState.IDLE, false, Optional.empty(), 0, Optional.empty(), List.of(), Optional.empty(), 0,
                Optional.empty(), Optional.empty());
    }

    /**
     * The gateway's name for this generation's vendor task in {@code channel}: the same for every retry of one
     * start, so a vendor that keys tasks by name sees a retried start as the same task.
     */
    public String taskName(String channel) {
        return channel + "-mix" + generation;
    }

    Mix withState(MixState next) {
        return new Mix(next, mainAvailable, vendor, generation, taskId, mixedUserIds, mixedLayout, attempts, retryAt, lastResult);
    }

    Mix withMainAvailable(boolean available) {
        return new Mix(state, available, vendor, generation, taskId, mixedUserIds, mixedLayout, attempts, retryAt, lastResult);
    }

    /** A new generation about to start on {@code onVendor}: no task, nothing mixed, no failures. */
    Mix nextGeneration(MixState next, Vendor onVendor) {
        return new Mix(next, mainAvailable, Optional.of(onVendor), generation + 1, Optional.empty(), List.of(), Optional.empty(),
                0, Optional.empty(), lastResult);
    }

    /** The task is gone (stopped, or given up): the session keeps its generation and last result. */
    Mix withoutTask(MixState next) {
        return new Mix(next, mainAvailable, vendor, generation, Optional.empty(), List.of(), Optional.empty(), 0,
                Optional.empty(), lastResult);
    }

    Mix sent(Optional<String> task, List<String> userIds, CohostLayout layout) {
        return new Mix(state, mainAvailable, vendor, generation, task, userIds, Optional.of(layout), attempts, retryAt, lastResult);
    }

    Mix succeeded(MixOutcome result) {
        return new Mix(MixState.MIXED, mainAvailable, vendor, generation, taskId, mixedUserIds, mixedLayout, 0, Optional.empty(),
                Optional.of(result));
    }

    Mix failedOnce(MixOutcome result, Instant nextTry) {
        return new Mix(MixState.DEGRADED, mainAvailable, vendor, generation, taskId, mixedUserIds, mixedLayout, attempts + 1,
                Optional.of(nextTry), Optional.of(result));
    }

    Mix withResult(MixOutcome result) {
        return new Mix(state, mainAvailable, vendor, generation, taskId, mixedUserIds, mixedLayout, attempts, retryAt,
                Optional.of(result));
    }
}
