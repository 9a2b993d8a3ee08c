package io.rtcgate.domain.cohost;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.callback.CallbackOutcome;
import io.rtcgate.domain.cleanup.CleanupAction;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.job.JobReconciler;
import io.rtcgate.domain.job.LatestWrites;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.room.RoomJobs;
import io.rtcgate.domain.room.RoomMoves;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.user.UserIds;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.StreamUrlSigner;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The co-hosting use case: invitations, the session's members, and the mix that follows them on the room's
 * vendor, driven by the vendor's callbacks as seed 002 describes.
 *
 * <p>The mix is a long-running vendor job like a recording: the session is saved in the state that says what
 * the vendor is owed (a start, an update, a retry) before the vendor is asked, and the call is made under the
 * session's row lock ({@link CohostStore#reconcile}), so one node at a time talks to the vendor for a room and a
 * retried or concurrent request never starts a second task; the start is keyed by the generation's task name
 * as well, for vendors that let the adapter find a task by it. A task the session lets go of is stopped
 * through the durable clean-up queue, queued in the transaction that drops it. Sessions whose calls failed
 * or whose node died are picked up by the reconciler.
 */
public final class CohostService implements RoomJobs, RoomMoves {

    /** The clean-up that stops a mix task; its target is {@link #stopTarget}. */
    public static final String STOP_MIX = "stop-mix";
    /** How many expired invitations one pass decides. */
    static final int EXPIRY_BATCH = 100;

    private static final System.Logger LOG = System.getLogger(CohostService.class.getName());
    private static final String GATEWAY = RoomEvent.systemActor("gateway");
    /** A claim on a session for a request's own vendor call: any session, however recently changed. */
    private static final Duration ANY_AGE = Duration.ofDays(1);

    private final CohostStore sessions;
    private final RoomStore rooms;
    private final VendorPorts ports;
    private final VendorRouter router;
    private final VendorCleanups cleanups;
    private final Supplier<String> ids;
    private final Clock clock;
    private final Duration invitationTtl;
    private final Duration tokenTtl;
    private final MixPolicy policy;
    private final JobReconciler<CohostSession> reconciler;

    public CohostService(CohostStore sessions, RoomStore rooms, VendorPorts ports, VendorRouter router, VendorCleanups cleanups,
                         Supplier<String> ids, Clock clock, Duration invitationTtl, Duration tokenTtl, MixPolicy policy,
                         Duration reconcileInterval) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.ports = ports;
        this.router = router;
        this.cleanups = cleanups;
        this.ids = ids;
        this.clock = clock;
        this.invitationTtl = invitationTtl;
        this.tokenTtl = tokenTtl;
        this.policy = policy;
        this.reconciler = new JobReconciler<>("co-host mix", sessions, this::driveOne, clock, reconcileInterval);
    }

    /** The clean-up action behind {@link #STOP_MIX}: stops the task its target names. */
    public static CleanupAction stopMixAction(VendorPorts ports) {
        return (vendor, target) -> {
            String[] parts = target.split("\n", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a mix stop target: " + target);
            }
            String taskId = parts[0];
            String channel = parts[1];
            String anchorId = parts[2];
            String roomId = VendorBinding.roomIdOf(channel).orElse(channel);
            ChannelRef ref = new ChannelRef(channel, roomId, anchorId);
            MixRequest last = new MixRequest(ref, channel, CohostLayout.PICTURE_IN_PICTURE,
                    CohostLayout.PICTURE_IN_PICTURE.arrange(List.of(anchorId)), Optional.empty());
            ports.require(vendor, StreamMixer.class).stop(taskId, last);
        };
    }

    /** What the stop of {@code taskId} needs to know, in the room's channel: the task, the channel and the anchor. */
    static String stopTarget(String taskId, String channel, String anchorId) {
        return taskId + "\n" + channel + "\n" + anchorId;
    }

    /** An accepted invitation: the seated session and the new member's co-host credential for the room's channel. */
    public record Accepted(Invitation invitation, CohostSession session, JoinCredential credential) {
    }

    // ---- invitations ----

    /**
     * The anchor invites a viewer, or a viewer asks the anchor ({@code invitee} is the anchor then). One pending
     * invitation per viewer and room.
     */
    public Invitation invite(Caller caller, String roomId, String invitee, Optional<CohostLayout> layout) {
        UserIds.require(invitee, "invitee");
        Room room = coHostRoom(roomId);
        if (invitee.equals(caller.userId())) {
            throw new InvalidInputException("invitee", "invitee must be someone other than the caller");
        }
        InvitationDirection direction;
        if (room.isAnchor(caller)) {
            direction = InvitationDirection.ANCHOR_INVITES;
        } else if (invitee.equals(room.anchorId())) {
            direction = InvitationDirection.VIEWER_ASKS;
        } else {
            throw new ForbiddenException("only the anchor invites viewers; a viewer may only ask the anchor (" + room.anchorId() + ")");
        }
        String joiner = direction == InvitationDirection.ANCHOR_INVITES ? invitee : caller.userId();
        if (session(room).isMember(joiner)) {
            throw new ConflictException(joiner + " co-hosts in room " + roomId + " already");
        }
        Instant now = clock.instant();
        return sessions.insert(Invitation.invite(ids.get(), roomId, caller.userId(), invitee, direction, layout, now,
                now.plus(invitationTtl)));
    }

    /**
     * The invitee accepts: the viewer takes a seat, named {@code joinerNick} with {@code joinerAvatar} (the anchor's
     * seat is taken with the first co-host), and the mix follows. The invitation and the seat are saved together,
     * or neither.
     */
    public Accepted accept(Caller caller, String invitationId, String joinerNick, String joinerAvatar) {
        Invitation invitation = undecided(invitationId);
        Room room = coHostRoom(invitation.roomId());
        VendorBinding binding = bindingOf(room);
        Seat seat = LatestWrites.update(() -> new Seat(sessions.findInvitation(invitationId).orElseThrow(), session(room)),
                latest -> {
                    Instant now = clock.instant();
                    Invitation decided = latest.invitation().accepted(caller.userId(), now);
                    // on camera with the microphone open, as the AUI clients seat a new co-host
                    MeetingMember joiner = new MeetingMember(decided.joinerId(), joinerNick, joinerAvatar, true, true, "", now);
                    // the session carries the cohost.accepted event, saved with the seat
                    CohostSession joined = latest.session().join(joiner, decided.layout(), binding.vendor(),
                            decided.raisedEvents(), now);
                    return new Seat(decided.savedAs(latest.invitation().version()), joined);
                },
                next -> new Seat(sessions.decide(next.invitation(), Optional.of(next.session())),
                        sessions.find(room.id()).orElseThrow()),
                conflict -> false);
        Invitation accepted = seat.invitation();
        CohostSession after = drive(room.id()).orElse(seat.session());
        JoinCredential credential = ports.require(binding.vendor(), JoinTokenIssuer.class)
                .issue(new JoinRequest(binding.channel(), accepted.joinerId(), ParticipantRole.COHOST, tokenTtl));
        return new Accepted(accepted, after, credential);
    }

    /** The invitee says no. */
    public Invitation reject(Caller caller, String invitationId) {
        undecided(invitationId);
        return decide(invitationId, latest -> latest.rejected(caller.userId(), clock.instant()));
    }

    /** The inviter takes it back. */
    public Invitation cancel(Caller caller, String invitationId) {
        undecided(invitationId);
        return decide(invitationId, latest -> latest.cancelled(caller.userId(), clock.instant()));
    }

    public Invitation invitation(Caller caller, String invitationId) {
        Invitation invitation = sessions.findInvitation(invitationId)
                .orElseThrow(() -> new NotFoundException("no invitation " + invitationId));
        if (!caller.admin() && !caller.userId().equals(invitation.inviterId()) && !caller.userId().equals(invitation.inviteeId())) {
            throw new ForbiddenException("only its inviter, its invitee or an admin may see invitation " + invitationId);
        }
        return invitation;
    }

    /**
     * The newest pending invitation {@code inviterId} made to the caller, in any room: seed 001's feedback names the
     * two users and no room.
     */
    public Invitation pendingInvitation(Caller caller, String inviterId, String inviteeId) {
        UserIds.require(inviterId, "inviter");
        UserIds.require(inviteeId, "invitee");
        if (!caller.admin() && !caller.userId().equals(inviteeId)) {
            throw new ForbiddenException("only the invitee answers an invitation");
        }
        return sessions.pendingBetween(inviterId, inviteeId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no pending invitation from " + inviterId + " to " + inviteeId));
    }

    /**
     * Decides every pending invitation whose time ran out, with its {@code cohost.expired} event. Any node may
     * run it; an invitation another node decided first is skipped.
     *
     * @return how many it expired
     */
    public int expireInvitations() {
        Instant now = clock.instant();
        int expired = 0;
        for (Invitation invitation : sessions.expiredPending(now, EXPIRY_BATCH)) {
            try {
                sessions.decide(invitation.expired(now), Optional.empty());
                expired++;
            } catch (ConflictException e) {
                // decided meanwhile by its invitee, its inviter or another node
            }
        }
        return expired;
    }

    // ---- members ----

    /** The room's session, for anyone signed in: the AUI clients read the members of every room they watch. */
    public CohostSession get(String roomId) {
        return session(coHostRoomAnyStatus(roomId));
    }

    /** A co-host leaves. */
    public CohostSession leave(Caller caller, String roomId) {
        Room room = coHostRoom(roomId);
        return change(room, (session, now) -> session.leave(caller.userId(), bindingOf(room).vendor(),
                memberEvent(roomId, RoomEventType.COHOST_LEFT, caller.userId(), caller.userId(), now), now));
    }

    /** The anchor (or an admin) ends a co-host's co-hosting. */
    public CohostSession remove(Caller caller, String roomId, String userId) {
        Room room = coHostRoom(roomId);
        requireAnchorOrAdmin(caller, room, "remove a co-host");
        return change(room, (session, now) -> session.leave(userId, bindingOf(room).vendor(),
                memberEvent(roomId, RoomEventType.COHOST_REMOVED, caller.userId(), userId, now), now));
    }

    /** A member's microphone or camera: the member, the anchor or an admin changes it. */
    public CohostSession devices(Caller caller, String roomId, String userId, Optional<Boolean> mic, Optional<Boolean> camera) {
        if (mic.isEmpty() && camera.isEmpty()) {
            throw new InvalidInputException("mic", "give mic, camera or both");
        }
        Room room = coHostRoom(roomId);
        if (!caller.actsFor(userId) && !room.isAnchor(caller)) {
            throw new ForbiddenException("only the member, the anchor or an admin may change " + userId + "'s devices");
        }
        return change(room, (session, now) -> {
            RoomEvent changed = memberEvent(roomId, RoomEventType.COHOST_MEMBER_UPDATED, caller.userId(), userId, now);
            return session.devices(userId, mic, camera, withDevices(changed, mic, camera), now);
        });
    }

    /**
     * The AUI {@code updateMeetingInfo}: the anchor or a current member replaces the whole member list; with
     * {@code expectedVersion} only over that version of the session.
     */
    public CohostSession replaceMembers(Caller caller, String roomId, List<MeetingMember> members, Optional<Long> expectedVersion) {
        Room room = coHostRoom(roomId);
        CohostSession current = session(room);
        if (!room.isAnchor(caller) && !current.isMember(caller.userId())) {
            throw new ForbiddenException("only the anchor or a current co-host member may update the meeting");
        }
        if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
            throw new ConflictException("the co-host session is at version " + current.version() + ", not " + expectedVersion.get());
        }
        UnaryOperator<CohostSession> replace = session -> session.replaceMembers(members, bindingOf(room).vendor(),
                new RoomEvent(roomId, RoomEventType.MEETING_UPDATED, caller.userId(), clock.instant(),
                        Map.of("members", members.stream().map(MeetingMember::userId).toList())), clock.instant());
        if (expectedVersion.isPresent()) {
            // compare-and-set: a concurrent change makes this one fail rather than be applied over it
            return afterChange(saveSession(replace.apply(current)));
        }
        return change(room, (session, now) -> replace.apply(session));
    }

    // ---- the vendor's news ----

    /**
     * Applies a vendor's mixing news to the session of the room it names, then makes any call it calls for. Runs
     * in the inbox's processing transaction, so that call too is made before the delivery is marked processed: a
     * crash in between leaves the delivery to be processed again, and the session's state to say what is owed.
     */
    public CallbackOutcome apply(Vendor vendor, MixNotice notice) {
        Optional<Room> owner = roomOf(vendor, notice);
        if (owner.isEmpty()) {
            return CallbackOutcome.ignored("no room on " + vendor.wireName() + " has "
                    + notice.streamName().or(notice::channel).or(notice::taskId).orElseThrow());
        }
        Room room = owner.get();
        if (room.status() == RoomStatus.ENDED) {
            return CallbackOutcome.ignored("room " + room.id() + " has ended");
        }
        if (notice.type() == MixNotice.Type.AVAILABLE || notice.type() == MixNotice.Type.UNAVAILABLE) {
            boolean anchorsStream = notice.userId().map(room.anchorId()::equals).orElse(true);
            if (!anchorsStream) {
                return CallbackOutcome.ignored(notice.userId().get() + " is not the anchor of room " + room.id());
            }
        }
        AtomicReference<Boolean> changed = new AtomicReference<>(false);
        CohostSession saved = LatestWrites.update(() -> session(room), session -> {
            Optional<CohostSession> next = session.noticed(notice, policy, clock.instant());
            changed.set(next.isPresent());
            return next.orElse(session);
        }, this::saveSession, conflict -> false);
        if (!changed.get()) {
            return CallbackOutcome.ignored("room " + room.id() + ": a " + notice.type().name().toLowerCase(Locale.ROOT) + " for a mix that is "
                    + saved.mix().state().wireName() + " changes nothing");
        }
        CohostSession after = drive(room.id()).orElse(saved);
        return CallbackOutcome.applied("room " + room.id() + ": mix " + after.mix().state().wireName());
    }

    /** The room's CDN stream went down (the anchor stopped publishing): no mix until it is available again. */
    public void mainStreamInterrupted(Room room) {
        if (sessions.find(room.id()).isEmpty()) {
            return;
        }
        change(room, (session, now) -> session.mainGone(now));
    }

    // ---- the reconciler and the room's end ----

    /** One pass over the sessions whose mix may owe the vendor a call and had no news for the interval. */
    public int reconcile() {
        return reconciler.pass();
    }

    /** The room ended: pending invitations are cancelled, the members leave and the mix stops. */
    @Override
    public void roomEnded(Room room) {
        Instant now = clock.instant();
        for (Invitation invitation : sessions.pendingInRoom(room.id())) {
            try {
                sessions.decide(invitation.cancelled(GATEWAY, now), Optional.empty());
            } catch (ConflictException e) {
                // decided meanwhile
            }
        }
        if (sessions.find(room.id()).map(session -> !session.members().isEmpty()).orElse(false)) {
            change(room, (session, at) -> session.emptied(
                    new RoomEvent(room.id(), RoomEventType.MEETING_UPDATED, GATEWAY, at, Map.of("members", List.of())), at));
        }
    }

    /**
     * The room moved to another channel: its mix starts anew there, on the room's new vendor, and the task it had
     * is stopped on the old channel through the clean-up queue, queued with the change: at once if the old vendor
     * answers, else when it does.
     */
    @Override
    public void roomMoved(Room room, VendorBinding from) {
        if (sessions.find(room.id()).isEmpty()) {
            return;
        }
        Vendor to = bindingOf(room).vendor();
        AtomicReference<Mix> before = new AtomicReference<>();
        LatestWrites.update(() -> sessions.find(room.id()).orElseThrow(), session -> {
            before.set(session.mix());
            if (to != from.vendor() && !session.mix().vendor().equals(Optional.of(from.vendor()))) {
                return session; // it followed already (a retried follow-up), or never ran there
            }
            return session.movedTo(to, clock.instant());
        }, next -> {
            Mix old = before.get();
            if (old.taskId().isEmpty()) {
                return sessions.save(next);
            }
            AtomicReference<CohostSession> saved = new AtomicReference<>();
            cleanups.scheduleWith(() -> saved.set(sessions.save(next)), old.vendor().orElseThrow(), STOP_MIX,
                    stopTarget(old.taskId().get(), from.channel(), room.anchorId()));
            return saved.get();
        }, conflict -> false);
        drive(room.id());
    }

    // ---- internals ----

    /** Makes the call the session's mix owes its vendor, under the session's lock; empty when another node holds it. */
    private Optional<CohostSession> drive(String roomId) {
        try {
            return sessions.reconcile(roomId, clock.instant().plus(ANY_AGE), this::driveOne);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "room {0}: the mix call failed and is left to the reconciler: {1}", roomId, e.toString());
            return Optional.empty();
        }
    }

    private CohostSession driveOne(CohostSession stored) {
        Instant now = clock.instant();
        Optional<Room> room = rooms.find(stored.roomId());
        if (room.isEmpty() || room.get().status() == RoomStatus.ENDED || room.get().binding().isEmpty()) {
            return stored; // the room's end stops its mix
        }
        // a result the vendor never sent (or the inbox merged away) counts as a failure, so the mix is retried
        CohostSession session = stored.resultOverdue(policy, now).orElse(stored);
        Optional<MixCall> call = session.dueCall(now);
        VendorBinding binding = room.get().binding().get();
        Vendor vendor = session.mix().vendor().orElse(binding.vendor());
        CohostSession next = session;
        if (call.isPresent()) {
            Optional<StreamMixer> mixer = ports.find(vendor, StreamMixer.class);
            if (mixer.isEmpty()) {
                next = session.mixCallFailed(call.get(), vendor.wireName() + " offers no " + Capability.MIXING.configKey()
                        + " here", new MixPolicy(0, policy.backoff(), policy.resultWait()), now);
            } else {
                MixRequest request = session.mixRequest(new ChannelRef(binding.channel(), room.get().streamName(),
                        room.get().anchorId()), outputUrl(room.get()));
                next = call(mixer.get(), call.get(), session, request, now);
            }
        }
        next.droppedTask().ifPresent(task -> cleanups.schedule(vendor, STOP_MIX,
                stopTarget(task, binding.channel(), room.get().anchorId())));
        return next;
    }

    private CohostSession call(StreamMixer mixer, MixCall call, CohostSession session, MixRequest request, Instant now) {
        try {
            if (call == MixCall.START) {
                return session.mixStarted(mixer.start(request), request, mixer.resultsByCallback(), clock.instant());
            }
            mixer.update(session.mix().taskId().orElseThrow(), request);
            return session.mixUpdated(request, mixer.resultsByCallback(), clock.instant());
        } catch (VendorException e) {
            LOG.log(Level.WARNING, "room {0}: {1} of the mix failed: {2}", session.roomId(), call, e.getMessage());
            return session.mixCallFailed(call, e.summary(), policy, now);
        }
    }

    /** Where the Tencent and Agora mixes push the picture: the room's signed RTMP push URL, when a vendor signs them. */
    private Optional<String> outputUrl(Room room) {
        return router.snapshot().serving(Capability.STREAM_URLS)
                .flatMap(vendor -> ports.find(vendor, StreamUrlSigner.class))
                .map(signer -> signer.sign(room.streamName()).push().rtmpUrl());
    }

    @FunctionalInterface
    private interface SessionChange {
        CohostSession apply(CohostSession session, Instant now);
    }

    /** A member change on the latest session, saved (retried over a concurrent one), then the mix call it owes. */
    private CohostSession change(Room room, SessionChange change) {
        CohostSession saved = LatestWrites.update(() -> session(room), session -> change.apply(session, clock.instant()),
                this::saveSession, conflict -> false);
        return afterChange(saved);
    }

    private CohostSession afterChange(CohostSession saved) {
        return drive(saved.roomId()).orElse(saved);
    }

    /** Saves a session and, when it let go of a vendor task, queues the task's stop in the same transaction. */
    private CohostSession saveSession(CohostSession next) {
        if (next.droppedTask().isEmpty()) {
            return sessions.save(next);
        }
        AtomicReference<CohostSession> saved = new AtomicReference<>();
        Room room = rooms.require(next.roomId());
        Vendor vendor = next.mix().vendor().orElseThrow();
        cleanups.scheduleWith(() -> saved.set(sessions.save(next)), vendor, STOP_MIX,
                stopTarget(next.droppedTask().get(), bindingOf(room).channel(), room.anchorId()));
        return saved.get();
    }

    /** An accepted invitation and the session it seated someone in, saved together. */
    private record Seat(Invitation invitation, CohostSession session) {
    }

    private Invitation decide(String invitationId, UnaryOperator<Invitation> decision) {
        return LatestWrites.update(() -> sessions.findInvitation(invitationId).orElseThrow(), decision,
                decided -> sessions.decide(decided, Optional.empty()), conflict -> false);
    }

    /** A pending invitation; one whose time ran out is decided as expired first, and refused. */
    private Invitation undecided(String invitationId) {
        Invitation invitation = sessions.findInvitation(invitationId)
                .orElseThrow(() -> new NotFoundException("no invitation " + invitationId));
        Instant now = clock.instant();
        if (invitation.expiredAt(now)) {
            try {
                sessions.decide(invitation.expired(now), Optional.empty());
            } catch (ConflictException e) {
                // another node expired it first
            }
            throw new ConflictException("invitation " + invitationId + " has expired");
        }
        if (invitation.state() != InvitationState.PENDING) {
            throw new ConflictException("invitation " + invitationId + " is " + invitation.state().wireName() + " already");
        }
        return invitation;
    }

    private CohostSession session(Room room) {
        return sessions.find(room.id()).orElseGet(() -> CohostSession.empty(room.id(), room.anchorId(), clock.instant()));
    }

    private Room coHostRoom(String roomId) {
        Room room = coHostRoomAnyStatus(roomId);
        room.requireNotEnded();
        return room;
    }

    private Room coHostRoomAnyStatus(String roomId) {
        Room room = rooms.require(roomId);
        room.requireCoHostSession();
        return room;
    }

    private static VendorBinding bindingOf(Room room) {
        return room.binding().orElseThrow(() -> new ConflictException("room " + room.id() + " has no vendor channel to co-host in"));
    }

    private static void requireAnchorOrAdmin(Caller caller, Room room, String action) {
        if (!caller.admin() && !room.isAnchor(caller)) {
            throw new ForbiddenException("only the room's anchor or an admin may " + action);
        }
    }

    private Optional<Room> roomOf(Vendor vendor, MixNotice notice) {
        if (notice.streamName().isPresent()) {
            String stream = notice.streamName().get();
            return rooms.find(stream).filter(room -> room.streamName().equals(stream))
                    .filter(room -> room.binding().map(VendorBinding::vendor).filter(vendor::equals).isPresent());
        }
        if (notice.channel().isEmpty()) {
            return sessions.findByTask(vendor, notice.taskId().orElseThrow()).flatMap(session -> rooms.find(session.roomId()));
        }
        String channel = notice.channel().get();
        return VendorBinding.roomIdOf(channel).flatMap(rooms::find)
                .filter(room -> room.binding().filter(b -> b.vendor() == vendor && b.channel().equals(channel)).isPresent());
    }

    private static RoomEvent memberEvent(String roomId, RoomEventType type, String actor, String userId, Instant now) {
        return new RoomEvent(roomId, type, actor, now, Map.of("user_id", userId));
    }

    private static RoomEvent withDevices(RoomEvent event, Optional<Boolean> mic, Optional<Boolean> camera) {
        Map<String, Object> data = new LinkedHashMap<>(event.data());
        mic.ifPresent(value -> data.put("mic", value));
        camera.ifPresent(value -> data.put("camera", value));
        return new RoomEvent(event.roomId(), event.type(), event.actor(), event.at(), data);
    }
}
