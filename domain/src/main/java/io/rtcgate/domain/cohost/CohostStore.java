package io.rtcgate.domain.cohost;

import io.rtcgate.domain.job.QuietJobs;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: co-host sessions (one per room, keyed by room id) and their invitations. Saves check the version they
 * were read at and throw {@link io.rtcgate.domain.ConflictException} when another writer saved first; a
 * session's and an invitation's events are saved with them. As {@link QuietJobs} it offers the sessions whose
 * mix may owe the vendor a call ({@link MixState#drivable()}), claimed one node at a time.
 */
public interface CohostStore extends QuietJobs<CohostSession> {

    Optional<CohostSession> find(String roomId);

    /** The session whose mix runs {@code taskId} on {@code vendor}. */
    Optional<CohostSession> findByTask(Vendor vendor, String taskId);

    /** The members of each of {@code roomIds} that has any. */
    Map<String, List<MeetingMember>> membersOf(Collection<String> roomIds);

    /** Saves a session: the first save of a new one ({@link CohostSession#version()} 0), or over its version. */
    CohostSession save(CohostSession session);

    /**
     * Saves a decided invitation and, when it seated someone, the session, in one transaction: both or neither.
     *
     * @throws io.rtcgate.domain.ConflictException when either was changed since it was read
     */
    Invitation decide(Invitation invitation, Optional<CohostSession> session);

    /**
     * Stores a new invitation.
     *
     * @throws io.rtcgate.domain.ConflictException when the joiner has a pending invitation in the room already
     */
    Invitation insert(Invitation invitation);

    Optional<Invitation> findInvitation(String id);

    /** The room's pending invitations, oldest first. */
    List<Invitation> pendingInRoom(String roomId);

    /** The pending invitations {@code inviterId} made to {@code inviteeId}, in any room, newest first. */
    List<Invitation> pendingBetween(String inviterId, String inviteeId);

    /** Pending invitations whose time ran out before {@code now}, oldest first. */
    List<Invitation> expiredPending(Instant now, int limit);
}
