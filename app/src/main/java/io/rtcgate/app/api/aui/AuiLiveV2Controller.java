package io.rtcgate.app.api.aui;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.messaging.ImServer;
import io.rtcgate.domain.messaging.MessagingCredentials;
import io.rtcgate.domain.messaging.MessagingService;
import io.rtcgate.domain.messaging.MessagingToken;
import io.rtcgate.domain.room.RoomService;
import io.rtcgate.domain.session.Device;
import io.rtcgate.domain.session.DeviceType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;

/**
 * The AUI AppServer's v2 calls, which the shipped AUI clients make: tokens and rooms for the messaging
 * services named in {@code im_server} ({@code aliyun_new}, {@code aliyun_old}).
 */
@Tag(name = "AUI AppServer")
@Controller(value = "/api/v2/live", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class AuiLiveV2Controller {

    private static final String IM_SERVER = "im_server";

    private final MessagingService messaging;
    private final RoomService rooms;
    private final RoomInfoMapper mapper;

    public AuiLiveV2Controller(MessagingService messaging, RoomService rooms, RoomInfoMapper mapper) {
        this.messaging = messaging;
        this.rooms = rooms;
        this.mapper = mapper;
    }

    @Operation(summary = "Messaging credentials: aliyun_new_im (Aliyun interactive messaging token), aliyun_old_im (device token pair)")
    @Post("/token")
    public AuiModels.ImTokenResponse token(Authentication auth, @Body AuiRequests.TokenV2 request) {
        Set<ImServer> servers = imServers(request.imServer());
        Device device = new Device(request.userId(), request.deviceId(),
                DeviceType.parse(Validation.required(request.deviceType(), "device_type")));
        MessagingCredentials credentials = messaging.issue(AuiLiveController.callerActingAs(auth, request.userId()), device,
                request.role(), servers);
        return new AuiModels.ImTokenResponse(200,
                credentials.aliyunNew().map(AuiLiveV2Controller::newIm).orElse(null),
                credentials.aliyunOld().map(pair -> new AuiModels.ImOldToken(pair.accessToken(), pair.refreshToken())).orElse(null));
    }

    @Operation(summary = "Create a room; with aliyun_new its Aliyun messaging group is created too and is its chat_id")
    @Post("/create")
    public AuiModels.RoomInfo create(Authentication auth, @Body AuiRequests.CreateV2 request) {
        Set<ImServer> servers = imServers(request.imServer());
        return mapper.roomInfo(rooms.createForAui(Callers.of(auth), request.room().newRoom(),
                servers.contains(ImServer.ALIYUN_NEW)));
    }

    /** {@code im_server} must be a list of names; any other JSON is a bad {@code im_server}, not unreadable JSON. */
    private static Set<ImServer> imServers(Object value) {
        if (value != null && !(value instanceof List<?> names && names.stream().allMatch(String.class::isInstance))) {
            throw new InvalidInputException(IM_SERVER, IM_SERVER + " must be a list of aliyun_new and aliyun_old");
        }
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) value;
        return ImServer.parseAll(names, IM_SERVER);
    }

    private static AuiModels.ImNewToken newIm(MessagingToken token) {
        return new AuiModels.ImNewToken(token.appId(), token.appSign(), token.appToken(),
                new AuiModels.ImNewTokenAuth(token.userId(), token.nonce(), token.expiresAt(), token.role()));
    }
}
