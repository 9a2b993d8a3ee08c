package io.rtcgate.app.api.aui;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.rtcgate.app.api.Require;
import io.rtcgate.app.security.Callers;
import io.rtcgate.app.security.GatewayTokens;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.room.RoomChannels;
import io.rtcgate.domain.room.RoomChanges;
import io.rtcgate.domain.room.RoomQuery;
import io.rtcgate.domain.room.RoomService;
import io.rtcgate.domain.cohost.CohostService;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomView;
import io.rtcgate.domain.session.Device;
import io.rtcgate.domain.session.DeviceSessionService;
import io.rtcgate.domain.session.DeviceTokens;
import io.rtcgate.domain.session.DeviceType;
import io.rtcgate.domain.user.User;
import io.rtcgate.domain.user.UserService;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.vendor.JoinCredential;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Aliyun AUI Kits AppServer API (seed 000), served unchanged so AUI clients can use the gateway
 * as their AppServer. Every call is a POST with a JSON body.
 */
@Tag(name = "AUI AppServer")
@Controller(value = "/api/v1/live", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class AuiLiveController {

    private final UserService users;
    private final GatewayTokens tokens;
    private final DeviceSessionService deviceSessions;
    private final RoomService rooms;
    private final RoomChannels channels;
    private final RoomInfoMapper mapper;
    private final CohostService cohost;

    public AuiLiveController(UserService users, GatewayTokens tokens, DeviceSessionService deviceSessions,
                             RoomService rooms, RoomChannels channels, RoomInfoMapper mapper, CohostService cohost) {
        this.cohost = cohost;
        this.channels = channels;
        this.users = users;
        this.tokens = tokens;
        this.deviceSessions = deviceSessions;
        this.rooms = rooms;
        this.mapper = mapper;
    }

    @Operation(summary = "Log in (with open registration, the first login creates the user)")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/login")
    public AuiModels.AuthResponse login(@Body AuiRequests.Login request) {
        User user = users.login(request.username(), request.password());
        GatewayTokens.Session session = tokens.session(user);
        String expire = DateTimeFormatter.ISO_INSTANT.format(session.expiresAt().truncatedTo(ChronoUnit.SECONDS));
        return new AuiModels.AuthResponse(200, session.token(), expire);
    }

    @Operation(summary = "Get a device's realtime access token and a one-time refresh token")
    @Post("/token")
    public AuiModels.TokenResponse token(Authentication auth, @Body AuiRequests.Token request) {
        Device device = new Device(request.userId(), request.deviceId(), DeviceType.parse(Validation.required(request.deviceType(), "device_type")));
        return tokenResponse(deviceSessions.issue(Callers.of(auth), device));
    }

    @Operation(summary = "Trade a refresh token for a new access and refresh token, once")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/refresh_token")
    public AuiModels.TokenResponse refreshToken(@Body AuiRequests.RefreshToken request) {
        return tokenResponse(deviceSessions.refresh(request.refreshToken()));
    }

    @Operation(summary = "Create a room, on the vendor of rtcgate.routing.aui (Aliyun ARTC by default)")
    @Post("/create")
    public AuiModels.RoomInfo create(Authentication auth, @Body AuiRequests.Create request) {
        return mapper.roomInfo(rooms.createForAui(Callers.of(auth), request.newRoom(), false));
    }

    @Operation(summary = "Get a room")
    @Post("/get")
    public AuiModels.RoomInfo get(Authentication auth, @Body AuiRequests.RoomAction request) {
        Caller caller = callerActingAs(auth, request.userId());
        return mapper.roomInfo(rooms.get(caller, Validation.required(request.id(), "id")));
    }

    @Operation(summary = "List rooms, newest first")
    @Post("/list")
    public List<AuiModels.RoomInfo> list(Authentication auth, @Body AuiRequests.ListRooms request) {
        Caller caller = callerActingAs(auth, request.userId());
        RoomQuery query = new RoomQuery(statusFilter(request.status()),
                required(request.pageNum(), "page_num"), required(request.pageSize(), "page_size"));
        return rooms.list(caller, query).stream().map(mapper::roomInfo).toList();
    }

    @Operation(summary = "Update a room's title, notice or extends")
    @Post("/update")
    public AuiModels.RoomInfo update(Authentication auth, @Body AuiRequests.Update request) {
        RoomChanges changes = new RoomChanges(request.title(), request.notice(), request.coverUrl(), request.extendsJson());
        return mapper.roomInfo(rooms.update(Callers.of(auth), Validation.required(request.id(), "id"), changes));
    }

    @Operation(summary = "Start the live, or resume a paused one")
    @Post("/start")
    public AuiModels.RoomInfo start(Authentication auth, @Body AuiRequests.RoomAction request) {
        return mapper.roomInfo(rooms.start(callerActingAs(auth, request.userId()), Validation.required(request.id(), "id")));
    }

    @Operation(summary = "Pause the live")
    @Post("/pause")
    public AuiModels.RoomInfo pause(Authentication auth, @Body AuiRequests.RoomAction request) {
        return mapper.roomInfo(rooms.pause(callerActingAs(auth, request.userId()), Validation.required(request.id(), "id")));
    }

    @Operation(summary = "Stop the live")
    @Post("/stop")
    public AuiModels.RoomInfo stop(Authentication auth, @Body AuiRequests.RoomAction request) {
        return mapper.roomInfo(rooms.stop(callerActingAs(auth, request.userId()), Validation.required(request.id(), "id")));
    }

    @Operation(summary = "Delete a room; returns it as it was")
    @Post("/delete")
    public AuiModels.RoomInfo delete(Authentication auth, @Body AuiRequests.RoomAction request) {
        RoomView deleted = rooms.delete(callerActingAs(auth, request.userId()), Validation.required(request.id(), "id"));
        return mapper.roomInfo(deleted);
    }

    @Operation(summary = "Get the co-host members")
    @Post("/getMeetingInfo")
    public AuiModels.MeetingInfo getMeetingInfo(@Body AuiRequests.GetMeetingInfo request) {
        return mapper.meetingInfo(cohost.get(Validation.required(request.id(), "id")).members());
    }

    @Operation(summary = "Replace the co-host members")
    @Post("/updateMeetingInfo")
    public AuiModels.MeetingInfo updateMeetingInfo(Authentication auth, @Body AuiRequests.MeetingAction request) {
        if (request.members() == null) {
            throw new InvalidInputException("members", "members is required (send [] to clear it)");
        }
        var members = request.members().stream().map(RoomInfoMapper::toDomain).toList();
        return mapper.meetingInfo(cohost.replaceMembers(Callers.of(auth), Validation.required(request.id(), "id"),
                members, Optional.ofNullable(request.version())).members());
    }

    @Operation(summary = "Get the caller's ARTC token for a room's channel, valid for a day")
    @Post("/getRtcAuthToken")
    public AuiModels.RtcAuthToken getRtcAuthToken(Authentication auth, @Body AuiRequests.RtcAuthTokenRequest request) {
        Caller caller = callerActingAs(auth, request.userId());
        JoinCredential credential = channels.coHostCredential(caller, Validation.required(request.roomId(), "room_id"),
                request.userId());
        return new AuiModels.RtcAuthToken(credential.token(), credential.expiresAt().getEpochSecond());
    }

    static Caller callerActingAs(Authentication auth, String userId) {
        Caller caller = Callers.of(auth);
        Require.sameUser(caller, userId, "user_id");
        return caller;
    }

    /** As the AUI wire reports paused rooms as 0, a filter of 0 takes them in; 3 still asks for paused rooms only. */
    private static Set<RoomStatus> statusFilter(Integer status) {
        if (status == null || status == -1) {
            return Set.of();
        }
        RoomStatus asked = RoomStatus.ofCode(status)
                .orElseThrow(() -> new InvalidInputException("status", "status must be -1 (all), 0, 1, 2 or 3"));
        return asked == RoomStatus.PREPARED ? Set.of(RoomStatus.PREPARED, RoomStatus.PAUSED) : Set.of(asked);
    }

    private static int required(Integer value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    private static AuiModels.TokenResponse tokenResponse(DeviceTokens pair) {
        return new AuiModels.TokenResponse(pair.accessToken(), pair.refreshToken());
    }
}
