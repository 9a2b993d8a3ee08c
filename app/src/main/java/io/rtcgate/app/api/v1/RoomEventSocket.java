package io.rtcgate.app.api.v1;

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
import io.rtcgate.app.realtime.EventStream;
import io.rtcgate.app.realtime.RoomFeeds;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.audience.Audience;
import io.rtcgate.domain.audience.AudienceConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/rooms/{id}/events/ws}: a room's events as they happen, one JSON {@link RoomEventView} per text
 * frame. The handshake needs a session token or a device access token, in {@code Authorization: Bearer} or the
 * {@code access_token} query parameter; without a valid one it is answered 401 and never upgrades. With
 * {@code ?after=<seq>} the stream first replays the events after that seq, then goes live, with no gap and no
 * duplicate; without it, it starts with the next event. Opening it enters the room's audience; closing it leaves.
 * <p>
 * Close codes: {@value EventStream#SLOW_CONSUMER} the client fell behind (reconnect with {@code after});
 * {@value #ROOM_NOT_FOUND} no such room; {@value #BAD_REQUEST} a bad {@code after}.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@ServerWebSocket("/v1/rooms/{id}/events/ws")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomEventSocket {

    public static final int ROOM_NOT_FOUND = 4404;
    public static final int BAD_REQUEST = 4400;

    private static final Logger LOG = LoggerFactory.getLogger(RoomEventSocket.class);
    private static final String STREAM = "rtcgate.stream";
    private static final String AUDIENCE = "rtcgate.audience";

    private final RoomFeeds feeds;
    private final Audience audience;

    public RoomEventSocket(RoomFeeds feeds, Audience audience) {
        this.feeds = feeds;
        this.audience = audience;
    }

    @OnOpen
    public void open(String id, WebSocketSession session, HttpRequest<?> request) {
        String userId = request.getUserPrincipal(Authentication.class).map(Authentication::getName).orElse(null);
        if (userId == null) {
            // the security filter lets no handshake without a user through; this is a second lock on the door
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        try {
            EventStream stream = feeds.open(id, after(session), session);
            session.put(STREAM, stream);
            session.put(AUDIENCE, audience.enter(id, userId));
        } catch (NotFoundException e) {
            session.close(new CloseReason(ROOM_NOT_FOUND, "room " + id + " does not exist"));
        } catch (InvalidInputException e) {
            session.close(new CloseReason(BAD_REQUEST, e.getMessage()));
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
        try {
            session.get(AUDIENCE, AudienceConnection.class).ifPresent(audience::leave);
        } catch (RuntimeException e) {
            // no longer vouched for by this node's heartbeat, the connection goes stale and is swept
            LOG.warn("could not record that a viewer left room {}; it is swept once stale: {}", session.getRequestURI(),
                    e.toString());
        }
    }

    private static Long after(WebSocketSession session) {
        String after = session.getRequestParameters().get("after");
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "after must be a whole number");
        }
    }
}
