package io.rtcgate.domain.ingest;

import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.job.QuietJobs;
import io.rtcgate.domain.vendor.Vendor;
import java.util.List;
import java.util.Optional;

/**
 * Port: durable ingests, with optimistic concurrency on {@link Ingest#version()}. A room has at most one active
 * (not final) ingest per robot user, whichever node writes it. The reconciler finds and claims quiet ingests
 * through {@link QuietJobs}.
 */
public interface IngestStore extends QuietJobs<Ingest> {

    /**
     * Saves a new ingest and returns it with its first version.
     *
     * @throws io.rtcgate.domain.ConflictException naming the active ingest when the room has one for that robot user
     */
    Ingest insert(Ingest ingest);

    /**
     * Saves the changed ingest if the stored version still equals its version, and returns it with the next one.
     *
     * @throws io.rtcgate.domain.ConflictException when another writer saved it first
     */
    Ingest update(Ingest ingest);

    Optional<Ingest> find(String id);

    default Ingest require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("ingest " + id + " does not exist"));
    }

    /** The room's active ingests. */
    List<Ingest> activeInRoom(String roomId);

    /**
     * A page of the room's ingests, newest first.
     *
     * @throws io.rtcgate.domain.InvalidInputException naming {@code cursor} when it is not one this store gave
     */
    Page<Ingest> listForRoom(String roomId, int limit, Optional<String> cursor);

    /** The ingest whose vendor task is {@code taskId}. */
    Optional<Ingest> findByTask(Vendor vendor, String taskId);

    /** The file ingests that are playing now, whose positions move, at most {@code limit} of them. */
    List<Ingest> playingFiles(int limit);
}
