package io.rtcgate.app.api.compat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.cohost.CohostService;
import io.rtcgate.domain.cohost.CohostSession;
import io.rtcgate.domain.cohost.MixState;
import io.rtcgate.domain.room.CoHostLinks;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomNumbers;
import io.rtcgate.domain.room.RoomService;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomView;
import io.rtcgate.domain.vendor.StreamUrls;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seed 001's lives over the gateway's rooms. A room is the anchor's live; a viewer co-hosting in it has a seat, seed
 * 001's "live created by the system for an audience co-host" (status 10), with a number of its own. Both are named
 * by {@link RoomNumbers}.
 */
@Singleton
public class NodeRooms {

    /** Seed 001's live status codes. */
    static final int CREATED = 0;
    static final int PUSHING = 1;
    static final int ENDED = 2;
    static final int CO_HOST_SEAT = 10;
    /** Seed 001's user types. */
    static final int AUDIENCE = 1;
    static final int ANCHOR = 2;

    static final String SOCKET_PATH = "/compat/node/ws";

    private final RoomService rooms;
    private final CohostService cohost;
    private final RoomNumbers numbers;

    public NodeRooms(RoomService rooms, CohostService cohost, RoomNumbers numbers) {
        this.rooms = rooms;
        this.cohost = cohost;
        this.numbers = numbers;
    }

    /** What a number in a request names: a room, as the caller sees it, or a viewer's seat in it. */
    record Target(long number, RoomView view, Optional<String> seatUser) {

        Room room() {
            return view.room();
        }
    }

    /** @throws NotFoundException when the number names no live */
    Target resolve(Caller caller, Object value, String field) {
        long number = NodeIds.roomNumber(value, field);
        RoomNumbers.Numbered numbered = numbers.find(number)
                .orElseThrow(() -> new NotFoundException("no live " + number + " (" + field + ")"));
        return new Target(number, rooms.get(caller, numbered.roomId()), numbered.seatUserId());
    }

    long numberOf(String roomId) {
        return numbers.ofRoom(roomId);
    }

    long seatNumber(String roomId, String userId) {
        return numbers.ofSeat(roomId, userId);
    }

    /** The number of {@code userId}'s live in the room: the room's own for its anchor, else the user's seat. */
    long liveNumber(Room room, String userId) {
        return room.anchorId().equals(userId) ? numberOf(room.id()) : seatNumber(room.id(), userId);
    }

    /** The room's live and its co-hosts' seats, as the caller sees them. */
    List<NodeModels.Live> lives(Caller caller, RoomView view, HttpRequest<?> request) {
        Room room = view.room();
        long number = numberOf(room.id());
        Optional<CohostSession> session = sessionOf(room);
        List<NodeModels.Live> lives = new ArrayList<>();
        lives.add(live(view, number, session, room.anchorId(), request, null));
        for (MeetingMember guest : session.map(CohostSession::guests).orElse(List.of())) {
            lives.add(seatLive(caller, view, guest.userId(), session, request, null));
        }
        return lives;
    }

    /** One live: the room's own, or a seat's. {@code userRoomTagFor} is the user whose tag the answer carries. */
    NodeModels.Live live(Caller caller, Target target, HttpRequest<?> request, String userRoomTagFor) {
        Optional<CohostSession> session = sessionOf(target.room());
        return target.seatUser().isPresent()
                ? seatLive(caller, target.view(), target.seatUser().get(), session, request, userRoomTagFor)
                : live(target.view(), target.number(), session, target.room().anchorId(), request, userRoomTagFor);
    }

    /** Where the room's messages are: its topic is the room's number, whoever's seat was asked for. */
    NodeModels.Mns mns(Room room, HttpRequest<?> request, String userRoomTagFor) {
        String topic = topicOf(numberOf(room.id()));
        return new NodeModels.Mns(topic, socketUrl(request, topic), topic,
                userRoomTagFor == null ? null : userRoomTag(topic, userRoomTagFor));
    }

    static String topicOf(long roomNumber) {
        return Long.toString(roomNumber);
    }

    static String userRoomTag(String topic, String userId) {
        return topic + "_" + userId;
    }

    /** The WebSocket URL of a topic, on the host and scheme the client reached the gateway by. */
    static String socketUrl(HttpRequest<?> request, String topic) {
        String forwarded = request.getHeaders().get("X-Forwarded-Proto");
        boolean secure = forwarded != null ? forwarded.equalsIgnoreCase("https") : request.isSecure();
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null) {
            host = request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort();
        }
        return (secure ? "wss://" : "ws://") + host + SOCKET_PATH + "?topic=" + topic;
    }

    /** The co-host session of a co-host room. */
    Optional<CohostSession> sessionOf(Room room) {
        return room.mode() == RoomMode.COHOST ? Optional.of(cohost.get(room.id())) : Optional.empty();
    }

    /** The room as {@code caller} sees it: their own push and co-host links among it. */
    RoomView view(Caller caller, String roomId) {
        return rooms.get(caller, roomId);
    }

    static int statusCode(RoomStatus status) {
        return switch (status) {
            case PREPARED, PAUSED -> CREATED;
            case LIVE -> PUSHING;
            case ENDED -> ENDED;
        };
    }

    private NodeModels.Live live(RoomView view, long number, Optional<CohostSession> session, String ownerId,
                                 HttpRequest<?> request, String userRoomTagFor) {
        Room room = view.room();
        Optional<StreamUrls.Pull> pull = view.pull();
        return new NodeModels.Live(ownerId, nameOf(room, ownerId), Long.toString(number),
                view.push().map(StreamUrls.Push::rtmpUrl).orElse(null),
                pull.map(StreamUrls.Pull::flvUrl).orElse(null), pull.map(StreamUrls.Pull::hlsUrl).orElse(null),
                pull.map(StreamUrls.Pull::rtmpUrl).orElse(null), statusCode(room.status()), ANCHOR,
                mixReady(session), mixed(session), mns(room, request, userRoomTagFor), room.title());
    }

    private NodeModels.Live seatLive(Caller caller, RoomView view, String seatUser, Optional<CohostSession> session,
                                     HttpRequest<?> request, String userRoomTagFor) {
        Room room = view.room();
        Optional<StreamUrls.Pull> pull = view.pull();
        // a seat's stream is published into the room's channel with its owner's own RTC URL, which only they get
        String push = caller.userId().equals(seatUser)
                ? view.coHost().map(CoHostLinks::rtcPushUrl).orElse(null) : null;
        int status = room.status() == RoomStatus.ENDED ? ENDED : CO_HOST_SEAT;
        return new NodeModels.Live(seatUser, seatUser, Long.toString(seatNumber(room.id(), seatUser)), push,
                pull.map(StreamUrls.Pull::flvUrl).orElse(null), pull.map(StreamUrls.Pull::hlsUrl).orElse(null),
                pull.map(StreamUrls.Pull::rtmpUrl).orElse(null), status, AUDIENCE, mixReady(session), mixed(session),
                mns(room, request, userRoomTagFor), room.title());
    }

    private static String nameOf(Room room, String userId) {
        return userId.equals(room.anchorId()) && room.anchorNick() != null && !room.anchorNick().isBlank()
                ? room.anchorNick() : userId;
    }

    private static boolean mixReady(Optional<CohostSession> session) {
        return session.map(s -> s.mix().mainAvailable()).orElse(false);
    }

    private static boolean mixed(Optional<CohostSession> session) {
        return session.map(s -> s.mix().state() == MixState.MIXED).orElse(false);
    }
}
