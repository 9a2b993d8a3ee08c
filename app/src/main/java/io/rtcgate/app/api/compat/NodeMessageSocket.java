package io.rtcgate.app.api.compat;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.rtcgate.app.api.v1.RoomEventSocket;
import io.rtcgate.app.realtime.EventStream;
import io.rtcgate.app.realtime.FlowControl;
import io.rtcgate.app.realtime.RoomFeeds;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.room.Room;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value NodeRooms#SOCKET_PATH}{@code ?topic=<room number>}: seed 001's push messages of a live, where the seed's
 * clients subscribed to Aliyun MNS. One message per text frame, {@code {data, type, time}}; those for the whole room
 * and those for the authenticated user (the seed's {@code roomTag} and {@code userRoomTag}). Authenticated as the
 * native events socket is ({@code Authorization: Bearer} or {@code access_token}). Under backpressure likes are
 * dropped first, then comments; the other messages never are. Close codes: {@value RoomEventSocket#ROOM_NOT_FOUND} no
 * such live, {@value RoomEventSocket#BAD_REQUEST} a missing or bad topic, {@value EventStream#SLOW_CONSUMER} the
 * client stopped reading.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@ServerWebSocket(NodeRooms.SOCKET_PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NodeMessageSocket {

    private static final Logger LOG = LoggerFactory.getLogger(NodeMessageSocket.class);
    private static final String STREAM = "rtcgate.compat.stream";

    private final RoomFeeds feeds;
    private final NodeRooms lives;
    private final NodePushMessages messages;

    public NodeMessageSocket(RoomFeeds feeds, NodeRooms lives, NodePushMessages messages) {
        this.feeds = feeds;
        this.lives = lives;
        this.messages = messages;
    }

    @OnOpen
    public void open(WebSocketSession session, HttpRequest<?> request) {
        String userId = request.getUserPrincipal(Authentication.class).map(Authentication::getName).orElse(null);
        if (userId == null) {
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        try {
            String topic = session.getRequestParameters().get("topic");
            Room room = lives.resolve(Caller.user(userId), topic, "topic").room();
            EventStream stream = feeds.open(room.id(), null, session, messages.framing(room, userId),
                    FlowControl.weighted(feeds.queueSize()));
            session.put(STREAM, stream);
        } catch (NotFoundException e) {
            session.close(new CloseReason(RoomEventSocket.ROOM_NOT_FOUND, e.getMessage()));
        } catch (InvalidInputException e) {
            session.close(new CloseReason(RoomEventSocket.BAD_REQUEST, e.getMessage()));
        }
    }

    /** Clients have nothing to say on this socket: frames they send are ignored. */
    @OnMessage
    public void message(String text, WebSocketSession session) {
        LOG.debug("ignoring a client frame on {}", session.getRequestURI());
    }

    @OnClose
    public void close(WebSocketSession session) {
        session.get(STREAM, EventStream.class).ifPresent(feeds::close);
    }
}
