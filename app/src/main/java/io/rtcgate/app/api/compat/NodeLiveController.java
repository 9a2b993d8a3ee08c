package io.rtcgate.app.api.compat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.rtcgate.app.api.Require;
import io.rtcgate.app.security.Callers;
import io.rtcgate.app.security.GatewayTokens;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.audience.Audience;
import io.rtcgate.domain.interaction.CommentService;
import io.rtcgate.domain.interaction.LikeService;
import io.rtcgate.domain.room.NewRoom;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomQuery;
import io.rtcgate.domain.room.RoomService;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomView;
import io.rtcgate.domain.user.User;
import io.rtcgate.domain.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Seed 001's user and live calls (the older Node.js AppServer), over the same rooms, audience, comments and likes as
 * the AUI and native APIs. Bodies may be JSON or form-encoded, as the Node.js server took both.
 */
@Tag(name = "Seed 001 compatibility")
@Controller(consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED}, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class NodeLiveController {

    /** The most viewers {@code /im/room/users} lists. */
    static final int MAX_LISTED_VIEWERS = 1000;

    private final UserService users;
    private final GatewayTokens tokens;
    private final RoomService rooms;
    private final NodeRooms lives;
    private final Audience audience;
    private final CommentService comments;
    private final LikeService likes;

    public NodeLiveController(UserService users, GatewayTokens tokens, RoomService rooms,
                              NodeRooms lives, Audience audience, CommentService comments, LikeService likes) {
        this.users = users;
        this.tokens = tokens;
        this.rooms = rooms;
        this.lives = lives;
        this.audience = audience;
        this.comments = comments;
        this.likes = likes;
    }

    @Operation(summary = "Log in by name; the answer's data.token (and its Authorization header) authenticates the other calls")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/login")
    public HttpResponse<NodeModels.Answer<NodeModels.LoginUser>> login(@Body NodeRequests.Login request) {
        User user = users.login(Validation.required(request.name(), "name"), Optional.ofNullable(request.password()));
        String token = tokens.session(user).token();
        return HttpResponse.ok(NodeModels.Answer.ok(new NodeModels.LoginUser(user.id(), user.id(), token)))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Operation(summary = "The room's audience, earliest first")
    @Post("/im/room/users")
    public NodeModels.Answer<List<NodeModels.RoomUser>> roomUsers(Authentication authentication, @Body NodeRequests.Room request) {
        NodeRooms.Target target = lives.resolve(Callers.of(authentication), request.roomId(), "roomId");
        return NodeModels.Answer.ok(audience.present(target.room().id(), MAX_LISTED_VIEWERS).stream()
                .map(user -> new NodeModels.RoomUser(user, user)).toList());
    }

    @Operation(summary = "The lives not ended, newest first, each followed by its co-hosts' seats; or the one live asked for")
    @Get("/live/list")
    public NodeModels.Answer<List<NodeModels.Live>> list(Authentication authentication, HttpRequest<?> http,
                                                         @Nullable @QueryValue String roomId) {
        Caller caller = Callers.of(authentication);
        if (roomId != null) {
            NodeRooms.Target target = lives.resolve(caller, roomId, "roomId");
            return NodeModels.Answer.ok(List.of(lives.live(caller, target, http, null)));
        }
        RoomQuery open = new RoomQuery(Set.of(RoomStatus.PREPARED, RoomStatus.LIVE, RoomStatus.PAUSED), 1, RoomQuery.MAX_PAGE_SIZE);
        return NodeModels.Answer.ok(rooms.list(caller, open).stream()
                .flatMap(view -> lives.lives(caller, view, http).stream()).toList());
    }

    @Operation(summary = "Create a live for the caller: a co-host room on the vendor of rtcgate.routing.aui")
    @Post("/live/create")
    public NodeModels.Answer<NodeModels.Live> create(Authentication authentication, HttpRequest<?> http,
                                                     @Body NodeRequests.Create request) {
        Caller caller = Callers.of(authentication);
        String uid = NodeIds.userId(request.uid(), "uid");
        Require.sameUser(caller, uid, "uid");
        String title = request.desc() == null || request.desc().isBlank() ? uid + "的直播" : request.desc();
        RoomView created = rooms.createForAui(caller, new NewRoom(title, null, null, uid, uid, null, RoomMode.COHOST), false);
        NodeRooms.Target target = new NodeRooms.Target(lives.numberOf(created.room().id()), created, Optional.empty());
        return NodeModels.Answer.ok(lives.live(caller, target, http, uid));
    }

    @Operation(summary = "Watch a live: the caller joins its audience and gets where to play it and hear its messages")
    @Post("/live/play")
    public NodeModels.Answer<NodeModels.Play> play(Authentication authentication, HttpRequest<?> http,
                                                   @Body NodeRequests.RoomAndUser request) {
        Caller caller = Callers.of(authentication);
        String uid = actingUser(caller, request.uid());
        NodeRooms.Target target = lives.resolve(caller, request.roomId(), "roomId");
        Room room = target.room();
        room.requireNotEnded();
        audience.watch(room.id(), uid);
        String playUrl = target.view().pull().map(pull -> pull.flvUrl()).orElse(null);
        return NodeModels.Answer.ok(new NodeModels.Play(uid, uid, Long.toString(target.number()), playUrl,
                lives.mns(room, http, uid)));
    }

    @Operation(summary = "The anchor leaves: the live ends (one that never started is deleted)")
    @Post("/live/leave")
    public NodeModels.Answer<Void> leave(Authentication authentication, @Body NodeRequests.Room request) {
        Caller caller = Callers.of(authentication);
        NodeRooms.Target target = lives.resolve(caller, request.roomId(), "roomId");
        if (target.seatUser().isPresent()) {
            throw new InvalidInputException("roomId", "roomId names a co-host seat; end it with /videocall/close");
        }
        if (target.room().status() == RoomStatus.PREPARED) {
            rooms.delete(caller, target.room().id());
        } else {
            rooms.stop(caller, target.room().id());
        }
        return NodeModels.Answer.ok();
    }

    @Operation(summary = "Comment on a live")
    @Post("/live/comment")
    public NodeModels.Answer<Void> comment(Authentication authentication, @Body NodeRequests.Comment request) {
        Caller caller = Callers.of(authentication);
        actingUser(caller, request.uid());
        NodeRooms.Target target = lives.resolve(caller, request.roomId(), "roomId");
        comments.post(caller, target.room().id(), Validation.required(request.comment(), "comment"));
        return NodeModels.Answer.ok();
    }

    @Operation(summary = "Like a live once")
    @Post("/live/like")
    public NodeModels.Answer<Void> like(Authentication authentication, @Body NodeRequests.RoomAndUser request) {
        Caller caller = Callers.of(authentication);
        String uid = actingUser(caller, request.uid());
        NodeRooms.Target target = lives.resolve(caller, request.roomId(), "roomId");
        likes.like(target.room().id(), uid, 1);
        return NodeModels.Answer.ok();
    }

    @Operation(summary = "A viewer stops watching a live")
    @Post("/live/audience/leave")
    public NodeModels.Answer<Void> audienceLeave(Authentication authentication, @Body NodeRequests.RoomAndUser request) {
        Caller caller = Callers.of(authentication);
        String uid = actingUser(caller, request.uid());
        NodeRooms.Target target = lives.resolve(caller, request.roomId(), "roomId");
        audience.stopWatching(target.room().id(), uid);
        return NodeModels.Answer.ok();
    }

    /** The seed's {@code uid}: the caller, or anyone for an admin. */
    private static String actingUser(Caller caller, Object uid) {
        String user = NodeIds.userId(uid, "uid");
        Require.sameUser(caller, user, "uid");
        return user;
    }
}
