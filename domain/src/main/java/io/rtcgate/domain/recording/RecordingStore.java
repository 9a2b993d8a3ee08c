package io.rtcgate.domain.recording;

import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.job.QuietJobs;
import io.rtcgate.domain.vendor.Vendor;
import java.util.List;
import java.util.Optional;

/**
 * Port: durable recordings, with optimistic concurrency on {@link Recording#version()}. A room has at most
 * one active (not final) recording per mode, whichever node writes it. The reconciler finds and claims quiet
 * recordings through {@link QuietJobs}.
 */
public interface RecordingStore extends QuietJobs<Recording> {

    /**
     * Saves a new recording and returns it with its first version.
     *
     * @throws ActiveRecordingException when the room has an active recording in that mode
     */
    Recording insert(Recording recording);

    /**
     * Saves the changed recording if the stored version still equals its version, and returns it with the
     * next version.
     *
     * @throws io.rtcgate.domain.ConflictException when another writer saved it first
     */
    Recording update(Recording recording);

    Optional<Recording> find(String id);

    default Recording require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("recording " + id + " does not exist"));
    }

    /**
     * A page of the room's recordings, newest first.
     *
     * @throws io.rtcgate.domain.InvalidInputException naming {@code cursor} when it is not one this store gave
     */
    Page<Recording> listForRoom(String roomId, int limit, Optional<String> cursor);

    /** The room's active recordings. */
    List<Recording> activeInRoom(String roomId);

    /** The recording whose current segment is the vendor's task {@code taskId}. */
    Optional<Recording> findByTask(Vendor vendor, String taskId);

    /** The newest recording whose current segment records with {@code recorder} on the vendor. */
    Optional<Recording> findByRecorder(Vendor vendor, RecorderIdentity recorder);
}
