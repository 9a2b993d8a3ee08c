package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.room.NewRoom;
import io.rtcgate.domain.room.RoomChannels;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomService;
import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Native room API for product backends and apps: rooms bound to a vendor, and their channels. */
@Tag(name = "Rooms")
@Controller(value = "/v1/rooms", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class RoomController {

    private final RoomService rooms;
    private final RoomChannels channels;

    public RoomController(RoomService rooms, RoomChannels channels) {
        this.rooms = rooms;
        this.channels = channels;
    }

    /** Named field by field: a naming strategy would override {@code @JsonProperty("extends")}. */
    @Serdeable
    public record CreateRoom(
            @Nullable String title,
            @Nullable String notice,
            @Nullable @JsonProperty("cover_url") String coverUrl,
            @Nullable @JsonProperty("extends") String extendsJson,
            @Nullable String mode,
            @Nullable String vendor,
            @Nullable String failover) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Join(@Nullable String role) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Kick(@Nullable String userId, @Nullable Long durationSeconds) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Credential(String vendor, String appId, String channel, String userId, @Nullable Long uid, String token,
                             String expiresAt, String role, Map<String, String> urls) {

        static Credential of(JoinCredential credential) {
            return new Credential(credential.vendor().wireName(), credential.appId(), credential.channel(), credential.userId(),
                    credential.uid().orElse(null), credential.token(),
                    DateTimeFormatter.ISO_INSTANT.format(credential.expiresAt()), credential.role().wireName(), credential.urls());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ParticipantList(String vendor, List<Participant> hosts, List<Participant> audience) {
    }

    /**
     * One participant: {@code user_id} is null for a uid the gateway never handed out (a recorder, an
     * ingest robot, a token minted elsewhere); {@code uid} is null on vendors that use string ids only.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Participant(@Nullable String userId, @Nullable Long uid) {

        static List<Participant> of(List<io.rtcgate.domain.vendor.Participant> participants) {
            return participants.stream()
                    .map(participant -> new Participant(participant.userId().orElse(null), participant.uid().orElse(null)))
                    .toList();
        }
    }

    @Operation(summary = "Create a room for the caller as anchor, bound to a vendor by routing or by choice; with failover"
            + " \"off\" it stays on that vendor when the vendor fails")
    @Post
    public HttpResponse<RoomResource> create(Authentication auth, @Body CreateRoom request) {
        var caller = Callers.of(auth);
        RoomMode mode = request.mode() == null ? RoomMode.NORMAL : RoomMode.parse(request.mode(), "mode");
        Optional<Vendor> vendor = Optional.ofNullable(request.vendor()).map(name -> Vendor.parse(name, "vendor"));
        NewRoom newRoom = new NewRoom(request.title(), request.notice(), request.coverUrl(), caller.userId(), null,
                request.extendsJson(), mode);
        boolean failover = request.failover() == null || switch (request.failover()) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new InvalidInputException("failover", "failover is \"on\" (the default) or \"off\"");
        };
        return HttpResponse.status(HttpStatus.CREATED).body(RoomResource.of(rooms.create(caller, newRoom, vendor, failover)));
    }

    @Operation(summary = "Get a room")
    @Get("/{id}")
    public RoomResource get(Authentication auth, @PathVariable String id) {
        return RoomResource.of(rooms.get(Callers.of(auth), id));
    }

    @Operation(summary = "Get the caller's credential to enter the room's channel as host, cohost or audience")
    @Post("/{id}/join")
    public Credential join(Authentication auth, @PathVariable String id, @Body Join request) {
        ParticipantRole role = ParticipantRole.parse(Validation.required(request.role(), "role"), "role");
        return Credential.of(channels.join(Callers.of(auth), id, role));
    }

    @Operation(summary = "Remove a user from the room's channel and keep them out for a while (anchor or admin)")
    @Post("/{id}/kick")
    public HttpResponse<Void> kick(Authentication auth, @PathVariable String id, @Body Kick request) {
        if (request.durationSeconds() == null) {
            throw new InvalidInputException("duration_seconds", "duration_seconds is required");
        }
        channels.kick(Callers.of(auth), id, request.userId(), Duration.ofSeconds(request.durationSeconds()));
        return HttpResponse.noContent();
    }

    @Operation(summary = "Who is in the room's channel now (501 where the vendor has no such API)")
    @Get("/{id}/participants")
    public ParticipantList participants(@PathVariable String id) {
        RoomChannels.RoomParticipants list = channels.participants(id);
        return new ParticipantList(list.vendor().wireName(), Participant.of(list.participants().hosts()),
                Participant.of(list.participants().audience()));
    }
}
