package io.rtcgate.tencent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.cohost.MixCallbacks;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.cohost.MixResultCode;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.tencent.TencentRecordingCallbacks.Delivery;
import java.time.Instant;
import java.util.Optional;

/**
 * TRTC's mixing news, read from the deliveries {@link TencentRecordingCallbacks} already verified at the general
 * callback endpoint ({@code /callbacks/tencent}): TRTC has no mix endpoint of its own, so {@link #verify} is not
 * offered.
 *
 * <p>Room and media events (groups 1 and 2, vendors.md §2.6, trtc.io/document/39558) say whether a user's camera is
 * there to be mixed:
 * <ul>
 *   <li>201 start video: {@link MixNotice#ofChannel} available. 103 enter room, even as an anchor (Role 20), is not:
 *       TRTC sends 201 when the user's video actually starts (the page lists them as separate events, and an anchor may
 *       enter with the camera off), and a mix started on 103 would show an empty pane.</li>
 *   <li>202 stop video and 104 exit room: unavailable (104 implies the end of the video; TRTC then sends no 202).</li>
 *   <li>Every other room or media event (101, 102, 105, audio and sub-stream events): nothing.</li>
 * </ul>
 * The channel's anchor is the domain's to pick out: every user's video is reported. The events of the mix robots
 * themselves ({@link TencentStreamMixer#isMixRobot}) are nothing.
 *
 * <p>Relay to CDN (group 4, trtc.io/document/54913) reports a task's push: 401 {@code EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS}
 * with {@code Payload.Status}, whose page shows 2 for "pushing to the CDN"; its other values follow the TRTC SDK's
 * relay states, the page's table being a copy of them (0 not started or ended, 1 connecting, 3 reconnecting, 4 failed
 * after its retries). 2 is a {@link MixNotice#taskResult} {@code Success} (the picture is out again, say after a
 * reconnect), 4 {@code InternalError} (TRTC gave up pushing: retry or stop); 0, 1 and 3 are no verdict, nothing. The
 * page's example names the event time {@code EventTsMs} and its table {@code EventMsTs}: either is read. The notice's
 * message never carries the push URL, which holds the URL's signature.
 *
 * <p>Any other event group is not mixing's business. A room, media or relay event the gateway cannot read (no
 * {@code UserId}, no {@code TaskId}, no {@code Payload.Status}) throws {@link InvalidInputException} naming the field:
 * it passed verification, so it is Tencent's and must not be dropped quietly.
 */
public final class TencentMixCallbacks implements MixCallbacks {

    static final int ROOM_EVENTS = 1;
    static final int MEDIA_EVENTS = 2;
    static final int CLOUD_PUBLISH = 4;
    static final int EXIT_ROOM = 104;
    static final int START_VIDEO = 201;
    static final int STOP_VIDEO = 202;
    static final int CDN_STATUS = 401;
    static final int PUSHING = 2;
    static final int PUSH_FAILED = 4;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** The envelope with the fields of room, media and relay events; {@code RoomId} is a string or a number. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(@JsonProperty("EventInfo") Info eventInfo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Info(@JsonProperty("RoomId") String roomId, @JsonProperty("EventTs") Long eventTs, @JsonProperty("EventMsTs") Long eventMsTs,
                @JsonProperty("EventTsMs") Long eventTsMs, @JsonProperty("UserId") String userId, @JsonProperty("TaskId") String taskId,
                @JsonProperty("Payload") Payload payload) {

        /** When it happened: the millisecond time under either name, else the second one, else the send time. */
        Instant at(long sentAtMillis) {
            if (eventMsTs != null) {
                return Instant.ofEpochMilli(eventMsTs);
            }
            if (eventTsMs != null) {
                return Instant.ofEpochMilli(eventTsMs);
            }
            return eventTs != null ? Instant.ofEpochSecond(eventTs) : Instant.ofEpochMilli(sentAtMillis);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(@JsonProperty("Status") Integer status) {
    }

    TencentMixCallbacks() {
    }

    @Override
    public Vendor vendor() {
        return Vendor.TENCENT;
    }

    /** TRTC has no mix endpoint of its own: its events come to {@code /callbacks/tencent}, verified by the recording callbacks. */
    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        throw new UnsupportedOperationException("TRTC reports mixing at its general callback endpoint, verified by "
                + "TencentRecordingCallbacks; it has no mix endpoint of its own");
    }

    @Override
    public Optional<MixNotice> read(CallbackRequest request) {
        Delivery delivery = TencentRecordingCallbacks.parse(request.body());
        int group = delivery.eventGroupId();
        if (group != ROOM_EVENTS && group != MEDIA_EVENTS && group != CLOUD_PUBLISH) {
            return Optional.empty(); // recording, ingest and other groups: other readers' business
        }
        Info info = parse(request.body()).eventInfo();
        int type = delivery.eventType();
        if (group == CLOUD_PUBLISH) {
            return type == CDN_STATUS ? relayStatus(info, delivery) : Optional.empty();
        }
        Boolean available = switch (type) {
            case START_VIDEO -> true;
            case STOP_VIDEO, EXIT_ROOM -> false;
            default -> null;
        };
        if (available == null) {
            return Optional.empty();
        }
        String userId = required(info.userId(), "EventInfo.UserId");
        if (TencentStreamMixer.isMixRobot(userId)) {
            return Optional.empty();
        }
        return Optional.of(MixNotice.ofChannel(required(info.roomId(), "EventInfo.RoomId"), userId, available,
                info.at(delivery.sentAtMillis())));
    }

    private static Optional<MixNotice> relayStatus(Info info, Delivery delivery) {
        String room = required(info.roomId(), "EventInfo.RoomId");
        String taskId = required(info.taskId(), "EventInfo.TaskId");
        if (info.payload() == null || info.payload().status() == null) {
            throw new InvalidInputException("EventInfo.Payload.Status", "EventInfo.Payload.Status is required in a TRTC relay event (401)");
        }
        Instant at = info.at(delivery.sentAtMillis());
        return switch (info.payload().status()) {
            case PUSHING -> Optional.of(MixNotice.taskResult(room, taskId, MixResultCode.SUCCESS,
                    "401 status 2: TRTC is pushing the mixed picture to the CDN", at));
            case PUSH_FAILED -> Optional.of(MixNotice.taskResult(room, taskId, MixResultCode.INTERNAL_ERROR,
                    "401 status 4: TRTC lost the CDN and gave up reconnecting", at));
            default -> Optional.empty();
        };
    }

    private static Event parse(String body) {
        try {
            return MAPPER.readValue(body, Event.class);
        } catch (JsonProcessingException e) {
            // The envelope was read already: what fails here is a field of EventInfo.
            throw new InvalidInputException("EventInfo", "EventInfo is malformed: " + e.getOriginalMessage());
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required in a TRTC room, media or relay event");
        }
        return value;
    }
}
