package io.rtcgate.domain.cohost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every path of an invitation: who may decide it, how, and that the first decision is final. */
class InvitationTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant EXPIRY = T0.plusSeconds(60);

    private static Invitation anchorInvitesBob() {
        return Invitation.invite("inv-1", "room-1", "anchor", "bob", InvitationDirection.ANCHOR_INVITES,
                Optional.of(CohostLayout.SIDE_BY_SIDE), T0, EXPIRY).savedAs(1);
    }

    @Test
    void anInvitationIsPendingWithSeed001sFields() {
        Invitation invited = Invitation.invite("inv-1", "room-1", "anchor", "bob", InvitationDirection.ANCHOR_INVITES,
                Optional.of(CohostLayout.SIDE_BY_SIDE), T0, EXPIRY);

        assertEquals(InvitationState.PENDING, invited.state());
        RoomEvent event = invited.raisedEvents().get(0);
        assertEquals(RoomEventType.COHOST_INVITED, event.type());
        assertEquals(2, event.data().get("inviter_type"));
        assertEquals("side_by_side", event.data().get("layout"));
        assertEquals("bob", invited.joinerId());
    }

    @Test
    void aViewerWhoAsksIsTheOneWhoJoins() {
        Invitation asked = Invitation.invite("inv-2", "room-1", "bob", "anchor", InvitationDirection.VIEWER_ASKS,
                Optional.empty(), T0, EXPIRY);

        assertEquals("bob", asked.joinerId());
        assertEquals(1, asked.raisedEvents().get(0).data().get("inviter_type"));
    }

    @Test
    void theInviteeAcceptsOrRejects() {
        Invitation accepted = anchorInvitesBob().accepted("bob", T0.plusSeconds(1));
        assertEquals(InvitationState.ACCEPTED, accepted.state());
        assertEquals(Optional.of(T0.plusSeconds(1)), accepted.decidedAt());
        assertEquals(RoomEventType.COHOST_ACCEPTED, accepted.raisedEvents().get(0).type());

        assertEquals(InvitationState.REJECTED, anchorInvitesBob().rejected("bob", T0).state());
        assertThrows(ForbiddenException.class, () -> anchorInvitesBob().accepted("anchor", T0));
        assertThrows(ForbiddenException.class, () -> anchorInvitesBob().rejected("carol", T0));
    }

    @Test
    void theInviterCancels() {
        assertEquals(InvitationState.CANCELLED, anchorInvitesBob().cancelled("anchor", T0).state());
        assertEquals(InvitationState.CANCELLED, anchorInvitesBob().cancelled(RoomEvent.systemActor("gateway"), T0).state(),
                "the room's end cancels it");
        assertThrows(ForbiddenException.class, () -> anchorInvitesBob().cancelled("bob", T0));
    }

    @Test
    void itExpiresAfterItsTime() {
        Invitation pending = anchorInvitesBob();

        assertFalse(pending.expiredAt(EXPIRY.minusMillis(1)));
        assertTrue(pending.expiredAt(EXPIRY));
        assertEquals(InvitationState.EXPIRED, pending.expired(EXPIRY).state());
        assertEquals(RoomEventType.COHOST_EXPIRED, pending.expired(EXPIRY).raisedEvents().get(0).type());
        assertThrows(ConflictException.class, () -> pending.accepted("bob", EXPIRY), "too late to accept");
    }

    @Test
    void theFirstDecisionIsFinal() {
        List<UnaryOperator<Invitation>> decisions = List.of(
                invitation -> invitation.accepted("bob", T0),
                invitation -> invitation.rejected("bob", T0),
                invitation -> invitation.cancelled("anchor", T0),
                invitation -> invitation.expired(EXPIRY));
        for (UnaryOperator<Invitation> first : decisions) {
            Invitation decided = first.apply(anchorInvitesBob());
            for (UnaryOperator<Invitation> second : decisions) {
                assertThrows(ConflictException.class, () -> second.apply(decided), decided.state() + " then another");
            }
        }
    }
}
