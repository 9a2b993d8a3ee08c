package io.rtcgate.app.api.compat;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.rtcgate.app.api.Require;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.CohostService;
import io.rtcgate.domain.cohost.Invitation;
import io.rtcgate.domain.room.CoHostLinks;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomView;
import io.rtcgate.domain.vendor.StreamUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;

/**
 * Seed 001's co-host calls, driving the gateway's co-host invitations, seats and mix: an anchor invites a viewer
 * ({@code inviterType} 2) or a viewer asks the anchor (1); the invitee's agreement seats the viewer and the mix
 * follows; closing ends the viewer's co-hosting.
 */
@Tag(name = "Seed 001 compatibility")
@Controller(value = "/videocall", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED},
        produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class NodeVideocallController {

    static final int AGREE = 1;
    static final int REFUSE = 2;

    private final CohostService cohost;
    private final NodeRooms lives;

    public NodeVideocallController(CohostService cohost, NodeRooms lives) {
        this.cohost = cohost;
        this.lives = lives;
    }

    @Operation(summary = "Invite to co-host: the anchor a viewer, or a viewer the anchor")
    @Post("/invite")
    public NodeModels.Answer<Void> invite(Authentication authentication, @Body NodeRequests.Invite request) {
        Caller caller = Callers.of(authentication);
        String inviter = NodeIds.userId(request.inviterUid(), "inviterUid");
        Require.sameUser(caller, inviter, "inviterUid");
        String invitee = NodeIds.userId(request.inviteeUid(), "inviteeUid");
        int inviterType = NodeIds.code(request.inviterType(), "inviterType", NodeRooms.AUDIENCE, NodeRooms.ANCHOR);
        Room room = lives.resolve(caller, request.liveRoomId(), "liveRoomId").room();
        int actual = room.anchorId().equals(inviter) ? NodeRooms.ANCHOR : NodeRooms.AUDIENCE;
        if (inviterType != actual) {
            throw new InvalidInputException("inviterType", "inviterType must be " + actual + ": " + inviter
                    + (actual == NodeRooms.ANCHOR ? " is" : " is not") + " the anchor of live " + room.id());
        }
        Optional<CohostLayout> layout = request.type() == null || request.type().isBlank()
                ? Optional.empty() : Optional.of(CohostLayout.parse(request.type(), "type"));
        cohost.invite(Caller.user(inviter), room.id(), invitee, layout);
        return NodeModels.Answer.ok();
    }

    @Operation(summary = "The invitee agrees (status 1) or refuses (2); an agreement answers where each side plays and pushes")
    @Post("/feedback")
    public NodeModels.Answer<NodeModels.Agreed> feedback(Authentication authentication, @Body NodeRequests.Feedback request) {
        Caller caller = Callers.of(authentication);
        String inviter = NodeIds.userId(request.inviterUid(), "inviterUid");
        String invitee = NodeIds.userId(request.inviteeUid(), "inviteeUid");
        Require.sameUser(caller, invitee, "inviteeUid");
        int status = NodeIds.code(request.status(), "status", AGREE, REFUSE);
        NodeIds.code(request.inviterType(), "inviterType", NodeRooms.AUDIENCE, NodeRooms.ANCHOR);
        NodeIds.code(request.inviteeType(), "inviteeType", NodeRooms.AUDIENCE, NodeRooms.ANCHOR);
        Invitation invitation = cohost.pendingInvitation(caller, inviter, invitee);
        Caller answering = Caller.user(invitee);
        if (status == REFUSE) {
            cohost.reject(answering, invitation.id());
            return NodeModels.Answer.ok(null);
        }
        Invitation accepted = cohost.accept(answering, invitation.id(), invitation.joinerId(), null).invitation();
        RoomView inviteeView = lives.view(answering, accepted.roomId());
        Room room = inviteeView.room();
        // the invitee plays the channel the inviter publishes into; the anchor keeps pushing its live's stream
        String inviterPlayUrl = inviteeView.coHost().map(CoHostLinks::rtcPullUrl)
                .orElse(inviteeView.pull().map(StreamUrls.Pull::flvUrl).orElse(null));
        String rtmpUrl = invitee.equals(room.anchorId())
                ? inviteeView.push().map(StreamUrls.Push::rtmpUrl).orElse(null)
                : inviteeView.coHost().map(CoHostLinks::rtcPushUrl).orElse(null);
        return NodeModels.Answer.ok(new NodeModels.Agreed(inviterPlayUrl,
                Long.toString(lives.liveNumber(room, inviter)), rtmpUrl));
    }

    @Operation(summary = "End a co-hosting: a viewer closes their seat, or the anchor closes a viewer's")
    @Post("/close")
    public NodeModels.Answer<Void> close(Authentication authentication, @Body NodeRequests.Close request) {
        Caller caller = Callers.of(authentication);
        Object closing = request.closeRooomId() != null ? request.closeRooomId() : request.closeRoomId();
        NodeRooms.Target closed = lives.resolve(caller, closing, "closeRooomId");
        NodeRooms.Target notified = lives.resolve(caller, request.notifiedRoomId(), "notifiedRoomId");
        if (!closed.room().id().equals(notified.room().id())) {
            throw new InvalidInputException("notifiedRoomId", "notifiedRoomId must name the other side of the same co-hosting");
        }
        Optional<String> seat = closed.seatUser().or(notified::seatUser);
        if (seat.isEmpty()) {
            throw new InvalidInputException("notifiedRoomId", "one of closeRooomId and notifiedRoomId must be a co-host's seat");
        }
        if (seat.get().equals(caller.userId())) {
            cohost.leave(caller, closed.room().id());
        } else {
            cohost.remove(caller, closed.room().id(), seat.get());
        }
        return NodeModels.Answer.ok();
    }
}
