package io.rtcgate.domain.cohost;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation to co-host in a room: the anchor invites a viewer, or a viewer asks the anchor
 * ({@link InvitationDirection}). The invitee accepts or rejects it, the inviter may cancel it, and after its
 * time to live it expires. Whichever comes first decides it for good. Accepting seats the viewer
 * ({@link #joinerId()}).
 */
public record Invitation(String id, String roomId, String inviterId, String inviteeId, InvitationDirection direction,
                         Optional<CohostLayout> layout, InvitationState state, Instant createdAt, Instant expiresAt,
                         Optional<Instant> decidedAt, long version, List<RoomEvent> raisedEvents) {

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(inviterId, "inviterId");
        Objects.requireNonNull(inviteeId, "inviteeId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        raisedEvents = List.copyOf(raisedEvents);
        if ((state == InvitationState.PENDING) == decidedAt.isPresent()) {
            throw new IllegalArgumentException("an invitation has a decision time once, and only once, it is decided");
        }
    }

    /** A new pending invitation, not stored yet, with its {@code cohost.invited} event. */
    public static Invitation invite(String id, String roomId, String inviterId, String inviteeId, InvitationDirection direction,
                                    Optional<CohostLayout> layout, Instant now, Instant expiresAt) {
        Invitation pending = new Invitation(id, roomId, inviterId, inviteeId, direction, layout, InvitationState.PENDING, now,
                expiresAt, Optional.empty(), 0, List.of());
        return pending.withEvents(List.of(pending.event(RoomEventType.COHOST_INVITED, inviterId, now)));
    }

    /** The viewer, who becomes a member when it is accepted. */
    public String joinerId() {
        return direction == InvitationDirection.ANCHOR_INVITES ? inviteeId : inviterId;
    }

    public boolean expiredAt(Instant now) {
        return state == InvitationState.PENDING && !now.isBefore(expiresAt);
    }

    /** Accepted by its invitee. */
    public Invitation accepted(String callerId, Instant now) {
        requireInvitee(callerId, "accept");
        return decided(InvitationState.ACCEPTED, RoomEventType.COHOST_ACCEPTED, callerId, now);
    }

    /** Rejected by its invitee. */
    public Invitation rejected(String callerId, Instant now) {
        requireInvitee(callerId, "reject");
        return decided(InvitationState.REJECTED, RoomEventType.COHOST_REJECTED, callerId, now);
    }

    /** Cancelled by its inviter, or by the gateway ({@code actor} a system actor) when the room ends. */
    public Invitation cancelled(String actor, Instant now) {
        if (!actor.equals(inviterId) && !actor.startsWith("system:")) {
            throw new ForbiddenException("only " + inviterId + ", who invited, may cancel invitation " + id);
        }
        return decided(InvitationState.CANCELLED, RoomEventType.COHOST_CANCELLED, actor, now);
    }

    /** Its time ran out. */
    public Invitation expired(Instant now) {
        return decided(InvitationState.EXPIRED, RoomEventType.COHOST_EXPIRED, RoomEvent.systemActor("gateway"), now);
    }

    public Invitation savedAs(long savedVersion) {
        return new Invitation(id, roomId, inviterId, inviteeId, direction, layout, state, createdAt, expiresAt, decidedAt,
                savedVersion, List.of());
    }

    /** The event of a step of this invitation: seed 001's invite fields ({@code inviterType} 1 viewer, 2 anchor). */
    public RoomEvent event(RoomEventType type, String actor, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invitation_id", id);
        data.put("inviter", inviterId);
        data.put("invitee", inviteeId);
        data.put("inviter_type", direction.inviterType());
        data.put("direction", direction.wireName());
        data.put("state", state.wireName());
        layout.ifPresent(chosen -> data.put("layout", chosen.wireName()));
        return new RoomEvent(roomId, type, actor, at, data);
    }

    private Invitation decided(InvitationState next, RoomEventType type, String actor, Instant now) {
        if (state != InvitationState.PENDING) {
            throw new ConflictException("invitation " + id + " is " + state.wireName() + " already");
        }
        if (next != InvitationState.EXPIRED && expiredAt(now)) {
            throw new ConflictException("invitation " + id + " has expired");
        }
        Invitation decided = new Invitation(id, roomId, inviterId, inviteeId, direction, layout, next, createdAt, expiresAt,
                Optional.of(now), version, List.of());
        return decided.withEvents(List.of(decided.event(type, actor, now)));
    }

    private Invitation withEvents(List<RoomEvent> events) {
        return new Invitation(id, roomId, inviterId, inviteeId, direction, layout, state, createdAt, expiresAt, decidedAt, version,
                events);
    }

    private void requireInvitee(String callerId, String action) {
        if (!callerId.equals(inviteeId)) {
            throw new ForbiddenException("only " + inviteeId + ", who was invited, may " + action + " invitation " + id);
        }
    }
}
