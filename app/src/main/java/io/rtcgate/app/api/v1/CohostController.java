package io.rtcgate.app.api.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.CohostService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;

/**
 * Co-hosting: invitations, the members on camera with the anchor, and the mixed picture the room's vendor makes
 * of them (seed 002's state machine, driven by the vendor's callbacks).
 */
@Tag(name = "Co-hosting")
@Controller(produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class CohostController {

    private final CohostService cohost;
    private final JsonMapper json;

    public CohostController(CohostService cohost, JsonMapper json) {
        this.cohost = cohost;
        this.json = json;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Invite(@Nullable String invitee, @Nullable String layout) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Accept(@Nullable String userNick, @Nullable String userAvatar) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Devices(@Nullable Boolean mic, @Nullable Boolean camera) {
    }

    @Operation(summary = "Invite a viewer to co-host (the anchor), or ask the anchor to co-host (a viewer: invitee is the"
            + " anchor); it expires after rtcgate.cohost.invitation-ttl")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CohostResource.InvitationView.class)))
    @Post(uri = "/v1/rooms/{id}/cohost/invitations", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<CohostResource.InvitationView> invite(Authentication auth, @PathVariable String id,
                                                               @Body @Nullable String body) {
        Invite sent = read(body, Invite.class, "invitee and layout");
        Optional<CohostLayout> layout = Optional.ofNullable(sent.layout()).map(value -> CohostLayout.parse(value, "layout"));
        return HttpResponse.status(HttpStatus.CREATED)
                .body(CohostResource.InvitationView.of(cohost.invite(Callers.of(auth), id, sent.invitee(), layout)));
    }

    @Operation(summary = "Get an invitation (its inviter, its invitee or an admin)")
    @Get("/v1/cohost/invitations/{id}")
    public CohostResource.InvitationView invitation(Authentication auth, @PathVariable String id) {
        return CohostResource.InvitationView.of(cohost.invitation(Callers.of(auth), id));
    }

    @Operation(summary = "Accept an invitation (its invitee): the viewer takes a seat and gets a co-host credential for"
            + " the room's channel; the mix follows")
    @Post(uri = "/v1/cohost/invitations/{id}/accept", consumes = MediaType.ALL)
    public CohostResource.Accepted accept(Authentication auth, @PathVariable String id, @Body @Nullable String body) {
        Accept sent = body == null || body.isBlank() ? new Accept(null, null) : read(body, Accept.class, "user_nick and user_avatar");
        CohostService.Accepted accepted = cohost.accept(Callers.of(auth), id, orEmpty(sent.userNick()), orEmpty(sent.userAvatar()));
        return new CohostResource.Accepted(CohostResource.InvitationView.of(accepted.invitation()),
                CohostResource.of(accepted.session()), RoomController.Credential.of(accepted.credential()));
    }

    @Operation(summary = "Reject an invitation (its invitee)")
    @Post(uri = "/v1/cohost/invitations/{id}/reject", consumes = MediaType.ALL)
    public CohostResource.InvitationView reject(Authentication auth, @PathVariable String id) {
        return CohostResource.InvitationView.of(cohost.reject(Callers.of(auth), id));
    }

    @Operation(summary = "Cancel an invitation (its inviter)")
    @Post(uri = "/v1/cohost/invitations/{id}/cancel", consumes = MediaType.ALL)
    public CohostResource.InvitationView cancel(Authentication auth, @PathVariable String id) {
        return CohostResource.InvitationView.of(cohost.cancel(Callers.of(auth), id));
    }

    @Operation(summary = "The room's co-host session: members, version, layout and mix")
    @Get("/v1/rooms/{id}/cohost")
    public CohostResource get(@PathVariable String id) {
        return CohostResource.of(cohost.get(id));
    }

    @Operation(summary = "Leave co-hosting (a member)")
    @Post(uri = "/v1/rooms/{id}/cohost/leave", consumes = MediaType.ALL)
    public CohostResource leave(Authentication auth, @PathVariable String id) {
        return CohostResource.of(cohost.leave(Callers.of(auth), id));
    }

    @Operation(summary = "End a member's co-hosting (the anchor or an admin)")
    @Delete("/v1/rooms/{id}/cohost/members/{userId}")
    public CohostResource remove(Authentication auth, @PathVariable String id, @PathVariable String userId) {
        return CohostResource.of(cohost.remove(Callers.of(auth), id, userId));
    }

    @Operation(summary = "Turn a member's microphone or camera on or off (the member, the anchor or an admin)")
    @Patch(uri = "/v1/rooms/{id}/cohost/members/{userId}", consumes = MediaType.APPLICATION_JSON)
    public CohostResource devices(Authentication auth, @PathVariable String id, @PathVariable String userId,
                                  @Body @Nullable String body) {
        Devices sent = read(body, Devices.class, "mic and camera");
        return CohostResource.of(cohost.devices(Callers.of(auth), id, userId, Optional.ofNullable(sent.mic()),
                Optional.ofNullable(sent.camera())));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private <T> T read(String body, Class<T> type, String fields) {
        String expected = "a JSON object with " + fields + ", each of its type";
        return JobEndpoints.body(json, body, type, expected)
                .orElseThrow(() -> new InvalidInputException("body", "body must be " + expected));
    }
}
