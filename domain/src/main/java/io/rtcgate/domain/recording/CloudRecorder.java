package io.rtcgate.domain.recording;

import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorPort;
import java.util.function.Consumer;

/**
 * Port: records a vendor channel in the vendor's cloud ({@code recording} capability). The calls reach
 * the vendor, so the guard applies the call timeout, the circuit and injected faults, and their outcome
 * counts for the vendor's health.
 *
 * <p>Every call throws {@link VendorException} for what the vendor answered (throttling and server errors
 * count against its health, refusals do not).
 */
public interface CloudRecorder extends VendorPort {

    /**
     * Starts recording the channel with the request's recorder. A task the vendor reports as already
     * running for this recorder is adopted: the answer says so and names it as far as the vendor does.
     */
    RecordingStarted start(RecordingStartRequest request);

    /**
     * Starts as {@link #start(RecordingStartRequest)} does, telling {@code reserved} of every resource the
     * vendor reserves for the start before the start itself is asked for (Agora's acquire), so the caller
     * can write it down first: a task whose start answer is lost can then still be stopped. Vendors that
     * reserve nothing just start.
     */
    default RecordingStarted start(RecordingStartRequest request, Consumer<VendorTaskId> reserved) {
        return start(request);
    }

    /** The task's state and the files it has written so far; {@link TaskState#GONE} when the vendor no longer knows it. */
    RecordingStatus query(RecordingTask task);

    /** Stops the task: its final files, or that nothing was recorded, or that it had ended already. */
    RecordingStopped stop(RecordingTask task);
}
