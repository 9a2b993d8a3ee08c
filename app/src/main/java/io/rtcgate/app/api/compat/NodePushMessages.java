package io.rtcgate.app.api.compat;

import io.micronaut.json.JsonMapper;
import io.rtcgate.app.realtime.Framing;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.cohost.CohostService;
import io.rtcgate.domain.room.CoHostLinks;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomView;
import io.rtcgate.domain.vendor.StreamUrls;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Seed 001's push messages, made from the room's events: {@code {data, type, time}} with the seed's field names and
 * types, and its weights as priorities. A message for one user (the seed's {@code userRoomTag}) reaches only that
 * user's connections; the others are for the whole room ({@code roomTag}). Events the seed has no message for are not
 * sent. In the mix messages the inviter is the main side (the anchor) and the invitee the co-host, as the seed's
 * 主麦 and 副麦; the mixed picture overlays the live's own stream, so the mix play URLs are the live's.
 */
@Singleton
public class NodePushMessages {

    /** Seed 001's message types. */
    static final int INVITED = 1;
    static final int ACCEPTED = 2;
    static final int REFUSED = 3;
    static final int COHOST_ENDED = 4;
    static final int MIX_SUCCEEDED = 5;
    static final int COMMENT = 6;
    static final int LIKE = 7;
    static final int LIVE_ENDED = 8;
    static final int STREAM_STARTED = 9;
    static final int STREAM_INTERRUPTED = 10;
    static final int MIX_FAILED = 14;
    static final int MIX_ENDED = 15;
    static final int MIX_COMMAND = 16;
    static final int MIX_AVAILABLE = 17;

    /** Seed 002: co-host mixes are of type channel. */
    static final String MIX_TYPE = "channel";

    private final NodeRooms lives;
    private final CohostService cohost;
    private final JsonMapper json;

    public NodePushMessages(NodeRooms lives, CohostService cohost, JsonMapper json) {
        this.lives = lives;
        this.cohost = cohost;
        this.json = json;
    }

    /** The framing of one connection of {@code subscriberId} to {@code room}'s messages. */
    public Framing framing(Room room, String subscriberId) {
        return new Connection(room, subscriberId)::frames;
    }

    /** A message and whom it is for: empty for the whole room. */
    record Message(int type, Map<String, Object> data, Optional<String> forUser) {

        static Message toRoom(int type, Map<String, Object> data) {
            return new Message(type, data, Optional.empty());
        }

        static Message toUser(int type, Map<String, Object> data, String userId) {
            return new Message(type, data, Optional.of(userId));
        }

        /** Seed 001's weight: invitations 4, likes 9, comments 8, everything else 5. */
        int weight() {
            return switch (type) {
                case INVITED, ACCEPTED, REFUSED -> 4;
                case COMMENT -> 8;
                case LIKE -> 9;
                default -> 5;
            };
        }
    }

    /** One connection's view: the messages for the whole room and for its subscriber. */
    private final class Connection {

        private final Room room;
        private final String subscriberId;
        private final long roomNumber;
        /** The co-host who left last, whom a following mix end names (read by the stream's one drain only). */
        private Optional<String> lastGuestLeft = Optional.empty();
        /** Seat numbers never change: each is looked up once per connection. */
        private final Map<String, Long> seatNumbers = new HashMap<>();

        Connection(Room room, String subscriberId) {
            this.room = room;
            this.subscriberId = subscriberId;
            this.roomNumber = lives.numberOf(room.id());
        }

        List<Framing.Frame> frames(RecordedRoomEvent event) {
            return messages(event).stream()
                    .filter(message -> message.forUser().map(subscriberId::equals).orElse(true))
                    .map(message -> new Framing.Frame(write(message, event), message.weight()))
                    .toList();
        }

        private List<Message> messages(RecordedRoomEvent event) {
            Map<String, Object> data = event.event().data();
            return switch (event.event().type()) {
                case COHOST_INVITED -> List.of(Message.toUser(INVITED, ordered(
                        "inviterUid", text(data, "inviter"),
                        "inviterName", text(data, "inviter"),
                        "type", layoutOf(data),
                        "inviterType", data.get("inviter_type")), text(data, "invitee")));
                case COHOST_ACCEPTED -> accepted(data);
                case COHOST_REJECTED -> List.of(Message.toUser(REFUSED, ordered(
                        "inviteeUid", text(data, "invitee"),
                        "inviteeName", text(data, "invitee"),
                        "status", NodeVideocallController.REFUSE), text(data, "inviter")));
                case COHOST_LEFT -> {
                    String guest = text(data, "user_id");
                    lastGuestLeft = Optional.of(guest);
                    yield List.of(Message.toRoom(COHOST_ENDED, ended(seatNumber(guest), guest,
                            roomNumber, room.anchorId())));
                }
                case COHOST_REMOVED -> {
                    String guest = text(data, "user_id");
                    lastGuestLeft = Optional.of(guest);
                    yield List.of(Message.toRoom(COHOST_ENDED, ended(roomNumber, room.anchorId(),
                            seatNumber(guest), guest)));
                }
                case MIX_AVAILABLE -> List.of(Message.toRoom(MIX_AVAILABLE, ordered(
                        "roomId", roomNumber, "type", NodeRooms.ANCHOR)));
                case MIX_STARTED, MIX_UPDATED -> List.of(mixCommand("EventMix", data, 200, ""));
                case MIX_DEGRADED -> List.of(mixCommand("EventMix", data, 500,
                        text(data, "code") + ": " + data.getOrDefault("message", "")));
                case MIX_SUCCEEDED -> {
                    List<String> urls = mixPlayUrls();
                    yield guests(data).map(guest -> Message.toRoom(MIX_SUCCEEDED, pair(guest, urls))).toList();
                }
                case MIX_FAILED -> guests(data).map(guest -> Message.toRoom(MIX_FAILED, pair(guest, null))).toList();
                case MIX_STOPPED -> {
                    List<Message> stopped = new ArrayList<>();
                    stopped.add(mixCommand("EventMixStop", data, 200, ""));
                    Optional<String> guest = guests(data).findFirst().or(() -> lastGuestLeft);
                    guest.ifPresent(left -> stopped.add(0, Message.toRoom(MIX_ENDED, ended(roomNumber, room.anchorId(),
                            seatNumber(left), left))));
                    yield stopped;
                }
                case COMMENT_POSTED -> List.of(Message.toRoom(COMMENT, ordered(
                        "uid", text(data, "user_id"), "name", text(data, "user_id"), "comment", text(data, "text"))));
                case LIKE_ADDED -> data.containsKey("last_user_id")
                        ? List.of(Message.toRoom(LIKE, ordered(
                                "uid", text(data, "last_user_id"), "name", text(data, "last_user_id"))))
                        : List.of();
                case ROOM_STOPPED, ROOM_DELETED -> List.of(Message.toRoom(LIVE_ENDED, ordered("roomId", roomNumber)));
                case STREAM_PUBLISHED -> List.of(Message.toRoom(STREAM_STARTED, stream(data)));
                case STREAM_INTERRUPTED -> List.of(Message.toRoom(STREAM_INTERRUPTED, stream(data)));
                default -> List.of();
            };
        }

        /**
         * Message 2: to the inviter, the invitee's live, where the inviter plays it and where the inviter pushes; to
         * the invitee the same but the inviter's push URL, which is the inviter's alone.
         */
        private List<Message> accepted(Map<String, Object> data) {
            String inviter = text(data, "inviter");
            String invitee = text(data, "invitee");
            if (!subscriberId.equals(inviter) && !subscriberId.equals(invitee)) {
                return List.of(); // for the two sides only: the others' connections need not read the room for it
            }
            RoomView inviterView = lives.view(Caller.user(inviter), room.id());
            String inviteePlayUrl = inviterView.coHost().map(CoHostLinks::rtcPullUrl)
                    .orElse(inviterView.pull().map(StreamUrls.Pull::flvUrl).orElse(null));
            String rtmpUrl = inviter.equals(room.anchorId())
                    ? inviterView.push().map(StreamUrls.Push::rtmpUrl).orElse(null)
                    : inviterView.coHost().map(CoHostLinks::rtcPushUrl).orElse(null);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("inviteeUid", invitee);
            message.put("inviteeName", invitee);
            message.put("inviteeRoomId", Long.toString(liveNumber(invitee)));
            message.put("inviterRoomId", Long.toString(liveNumber(inviter)));
            putIfKnown(message, "inviteePlayUrl", inviteePlayUrl);
            putIfKnown(message, "rtmpUrl", rtmpUrl);
            message.put("type", layoutOf(data));
            message.put("status", NodeVideocallController.AGREE);
            Map<String, Object> inviteeCopy = new LinkedHashMap<>(message);
            inviteeCopy.remove("rtmpUrl");
            return List.of(Message.toUser(ACCEPTED, message, inviter), Message.toUser(ACCEPTED, inviteeCopy, invitee));
        }

        private long seatNumber(String userId) {
            return seatNumbers.computeIfAbsent(userId, user -> lives.seatNumber(room.id(), user));
        }

        private long liveNumber(String userId) {
            return room.anchorId().equals(userId) ? roomNumber : seatNumber(userId);
        }

        /** Messages 4 and 15: who ended it, in which live, and whom it notifies. */
        private Map<String, Object> ended(long roomId, String uid, long notifiedRoomId, String notifiedUid) {
            return ordered("roomId", roomId, "uid", uid, "name", uid,
                    "notifiedRoomId", notifiedRoomId, "notifiedUid", notifiedUid, "notifiedName", notifiedUid);
        }

        /** Messages 5 and 14: the anchor's live and a co-host's seat; 5 with the mixed picture's play URLs. */
        private Map<String, Object> pair(String guest, List<String> mixPlayUrls) {
            Map<String, Object> message = ordered(
                    "inviterRoomid", roomNumber,
                    "inviteeRoomid", seatNumber(guest),
                    "inviterUid", room.anchorId(),
                    "inviterName", room.anchorId(),
                    "inviteeUid", guest,
                    "inviteeName", guest);
            if (mixPlayUrls != null) {
                message.put("inviterMixPlayUrls", mixPlayUrls);
                message.put("inviteeMixPlayUrls", mixPlayUrls);
            }
            return message;
        }

        /** Message 16: a start, update or stop of the mix was sent, with how it went. */
        private Message mixCommand(String event, Map<String, Object> data, int code, String message) {
            long mixRoom = guests(data).findFirst().or(() -> lastGuestLeft)
                    .map(this::seatNumber).orElse(roomNumber);
            return Message.toRoom(MIX_COMMAND, ordered(
                    "mainMixRoomId", roomNumber,
                    "mixRoomId", mixRoom,
                    "mixType", MIX_TYPE,
                    "mixTemplate", text(data, "layout"),
                    "event", event,
                    "message", message,
                    "code", code));
        }

        /** Messages 9 and 10: whose stream, in which live. */
        private Map<String, Object> stream(Map<String, Object> data) {
            String user = data.containsKey("user_id") ? text(data, "user_id") : room.anchorId();
            return ordered("uid", user, "name", user, "roomId", liveNumber(user));
        }

        /** The live's play URLs, which show the mixed picture while it is mixed. */
        private List<String> mixPlayUrls() {
            return lives.view(Caller.user(subscriberId), room.id()).pull()
                    .map(pull -> Stream.of(pull.rtmpUrl(), pull.flvUrl(), pull.hlsUrl()).filter(url -> url != null).toList())
                    .orElse(List.of());
        }

        private String layoutOf(Map<String, Object> data) {
            Object layout = data.get("layout");
            return layout != null ? layout.toString() : cohost.get(room.id()).layout().wireName();
        }
    }

    private String write(Message message, RecordedRoomEvent event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("data", message.data());
        frame.put("type", message.type());
        frame.put("time", event.event().at().toEpochMilli());
        try {
            return json.writeValueAsString(frame);
        } catch (IOException e) {
            throw new IllegalStateException("could not write seed 001 message " + message.type() + " of event " + event.seq(), e);
        }
    }

    /** The co-hosts of a mix event: its members after the anchor. */
    private static Stream<String> guests(Map<String, Object> data) {
        Object members = data.get("members");
        return members instanceof List<?> list ? list.stream().skip(1).map(Object::toString) : Stream.empty();
    }

    private static String text(Map<String, Object> data, String name) {
        Object value = data.get(name);
        return value == null ? "" : value.toString();
    }

    private static void putIfKnown(Map<String, Object> message, String name, String value) {
        if (value != null) {
            message.put(name, value);
        }
    }

    /** A map of the name-value pairs given, in that order. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
