package io.rtcgate.app.api.compat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.rtcgate.app.security.Callers;
import io.rtcgate.app.security.GatewayTokens;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Seed 001's {@code /mns/topic/websocket/info}. The gateway runs no Aliyun MNS: it serves a topic's messages itself
 * on {@value NodeRooms#SOCKET_PATH}, and this answers how to subscribe there, in the seed's fields: {@code
 * topicWebsocketServerIp} the topic's WebSocket URL, {@code authentication} a session token for it (send it as
 * {@code Authorization: Bearer} or the {@code access_token} query parameter), {@code accountId} the caller and
 * {@code accessId} the subscription name.
 */
@Tag(name = "Seed 001 compatibility")
@Controller(value = "/mns/topic", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED},
        produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class NodeMnsController {

    private final NodeRooms lives;
    private final UserService users;
    private final GatewayTokens tokens;

    public NodeMnsController(NodeRooms lives, UserService users, GatewayTokens tokens) {
        this.lives = lives;
        this.users = users;
        this.tokens = tokens;
    }

    @Operation(summary = "Where and how to subscribe to a live's messages (the gateway's WebSocket, not Aliyun MNS)")
    @Post("/websocket/info")
    public NodeModels.Answer<NodeModels.WebsocketInfo> websocketInfo(Authentication authentication, HttpRequest<?> http,
                                                                     @Body NodeRequests.WebsocketInfo request) {
        Caller caller = Callers.of(authentication);
        String topic = Validation.required(request.topic(), "topic");
        long room = lives.numberOf(lives.resolve(caller, topic, "topic").room().id());
        String subscription = request.subscriptionName() == null || request.subscriptionName().isBlank()
                ? topic : request.subscriptionName();
        String token = tokens.session(users.find(caller.userId())).token();
        return NodeModels.Answer.ok(new NodeModels.WebsocketInfo(token,
                NodeRooms.socketUrl(http, NodeRooms.topicOf(room)), caller.userId(), subscription));
    }
}
