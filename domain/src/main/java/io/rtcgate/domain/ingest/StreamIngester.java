package io.rtcgate.domain.ingest;

import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorPort;

/**
 * Port: pulls a file or a live stream into a vendor channel, published there by a robot user ({@code ingest}
 * capability). The calls reach the vendor, so the guard applies the call timeout, the circuit and injected
 * faults, and their outcome counts for the vendor's health. Every call throws {@link VendorException} for
 * what the vendor answered.
 */
public interface StreamIngester extends VendorPort {

    /** Starts the task; the answer is the vendor's task id. */
    String start(IngestStartRequest request);

    /** Where the task is; {@link IngestTaskState#GONE} when the vendor no longer has it. */
    IngestTaskState describe(IngestTask task);

    /**
     * Pauses, resumes or changes the volume of a running task.
     *
     * @throws io.rtcgate.domain.ConflictException when the vendor cannot do what is asked (a vendor that
     *     cannot pause), saying so; nothing is sent
     */
    void update(IngestTask task, IngestUpdate update);

    /** Stops the task; {@link IngestStopped#ALREADY_ENDED} when the vendor no longer had it. */
    IngestStopped stop(IngestTask task);
}
