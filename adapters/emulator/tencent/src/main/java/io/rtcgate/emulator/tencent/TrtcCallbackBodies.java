package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtcgate.emulator.EmulatorJson;
import java.time.Instant;
import java.util.List;

/**
 * The bodies of TRTC's event callbacks, laid out as Tencent lays them out ({@link CjsonPrettyPrinter}), with the
 * field names and order of Tencent's pages: cloud recording (trtc.io/document/54914) {@code EventGroupId,
 * EventType, CallbackTs, EventInfo{RoomId, EventTs, EventMsTs, UserId, TaskId, Payload}}; stream ingest
 * (trtc.io/document/62717) {@code EventGroupId, EventType, CallbackMsTs, EventInfo{EventMsTs, TaskId, Status}},
 * its send time named {@code CallbackMsTs}, not {@code CallbackTs}; room and media (trtc.io/document/39558, the
 * 103 example of vendors.md §2.6) {@code EventGroupId, EventType, CallbackTs, EventInfo{RoomId, EventTs, EventMsTs,
 * UserId, UniqueId, Role, Reason}}; relay to CDN (trtc.io/document/54913) {@code EventGroupId 4, EventType 401,
 * CallbackTs, EventInfo{RoomId, RoomType, EventMsTs, UserId, TaskId, Payload{Url, Status}}}.
 */
final class TrtcCallbackBodies {

    /** The event group of cloud recording. */
    static final int CLOUD_RECORDING = 3;
    /** The event group of stream ingest ("input online media stream"). */
    static final int STREAM_INGEST = 7;
    /** The event groups of room events (101-105) and media events (201-206). */
    static final int ROOM = 1;
    static final int MEDIA = 2;
    /** The event group of relay to CDN ("EVENT_GROUP_CLOUD_PUBLISH"). */
    static final int CLOUD_PUBLISH = 4;

    private TrtcCallbackBodies() {
    }

    record Callback(@JsonProperty("EventGroupId") int eventGroupId, @JsonProperty("EventType") int eventType,
                    @JsonProperty("CallbackTs") long callbackTs, @JsonProperty("EventInfo") EventInfo eventInfo) {
    }

    /** {@code RoomId} is a string or a number, as the room's id type is. */
    record EventInfo(@JsonProperty("RoomId") Object roomId, @JsonProperty("EventTs") long eventTs,
                     @JsonProperty("EventMsTs") long eventMsTs, @JsonProperty("UserId") String userId,
                     @JsonProperty("TaskId") String taskId, @JsonProperty("Payload") Object payload) {
    }

    record IngestCallback(@JsonProperty("EventGroupId") int eventGroupId, @JsonProperty("EventType") int eventType,
                          @JsonProperty("CallbackMsTs") long callbackMsTs, @JsonProperty("EventInfo") IngestEventInfo eventInfo) {
    }

    /**
     * 701 and 702 alike. The page's table types {@code EventMsTs} as a String; its examples, and the bodies the
     * emulator sends, carry a number.
     */
    record IngestEventInfo(@JsonProperty("EventMsTs") long eventMsTs, @JsonProperty("TaskId") String taskId,
                           @JsonProperty("Status") int status) {
    }

    record RoomCallback(@JsonProperty("EventGroupId") int eventGroupId, @JsonProperty("EventType") int eventType,
                        @JsonProperty("CallbackTs") long callbackTs, @JsonProperty("EventInfo") RoomEventInfo eventInfo) {
    }

    /** A room or media event; {@code Role} only on 103 and 105, {@code Reason} where the page gives one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoomEventInfo(@JsonProperty("RoomId") Object roomId, @JsonProperty("EventTs") long eventTs,
                         @JsonProperty("EventMsTs") long eventMsTs, @JsonProperty("UserId") String userId,
                         @JsonProperty("UniqueId") long uniqueId, @JsonProperty("Role") Integer role,
                         @JsonProperty("Reason") Integer reason) {
    }

    record PublishCdnCallback(@JsonProperty("EventGroupId") int eventGroupId, @JsonProperty("EventType") int eventType,
                              @JsonProperty("CallbackTs") long callbackTs, @JsonProperty("EventInfo") PublishCdnEventInfo eventInfo) {
    }

    /** 401: {@code RoomType} 0 for a numeric room, 1 for a string one; {@code UserId} is the task's robot. */
    record PublishCdnEventInfo(@JsonProperty("RoomId") Object roomId, @JsonProperty("RoomType") int roomType,
                               @JsonProperty("EventMsTs") long eventMsTs, @JsonProperty("UserId") String userId,
                               @JsonProperty("TaskId") String taskId, @JsonProperty("Payload") PublishCdnPayload payload) {
    }

    /** The CDN URL the status is about and the status of the push to it. */
    record PublishCdnPayload(@JsonProperty("Url") String url, @JsonProperty("Status") int status) {
    }

    /** 301, 303, 305: {@code Status} 0 for success. */
    record StatusPayload(@JsonProperty("Status") int status) {
    }

    /** 302: why the recorder left the room. */
    record LeavePayload(@JsonProperty("LeaveCode") int leaveCode) {
    }

    /** 304: the m3u8 that was generated and uploaded. */
    record FileInfoPayload(@JsonProperty("FileList") String fileList) {
    }

    /** 307: an m3u8 whose first ts slice was cut; the page types the begin time as a string of milliseconds. */
    record FileSlicePayload(@JsonProperty("FileName") String fileName, @JsonProperty("UserId") String userId,
                            @JsonProperty("TrackType") String trackType, @JsonProperty("BeginTimeStamp") String beginTimeStamp) {
    }

    /** 310: the MP4 (or AAC) files of a task that ended. */
    record Mp4StopPayload(@JsonProperty("Status") int status, @JsonProperty("FileList") List<String> fileList,
                          @JsonProperty("FileMessage") List<FileMessage> fileMessage) {
    }

    record FileMessage(@JsonProperty("FileName") String fileName, @JsonProperty("UserId") String userId,
                       @JsonProperty("TrackType") String trackType, @JsonProperty("MediaId") String mediaId,
                       @JsonProperty("StartTimeStamp") long startTimeStamp, @JsonProperty("EndTimeStamp") long endTimeStamp) {
    }

    /** The body of {@code event}, sent at {@code sentAt}. */
    static String body(TrtcRecordingEvent event, Instant sentAt) {
        Object roomId = event.stringRoom() ? event.roomId() : (Object) Long.parseLong(event.roomId());
        EventInfo info = new EventInfo(roomId, event.at().getEpochSecond(), event.at().toEpochMilli(), event.userId(),
                event.taskId(), event.payload());
        return format(new Callback(CLOUD_RECORDING, event.type(), sentAt.toEpochMilli(), info));
    }

    /** The body of a stream ingest {@code event}, sent at {@code sentAt}. */
    static String body(TrtcIngestEvent event, Instant sentAt) {
        IngestEventInfo info = new IngestEventInfo(event.at().toEpochMilli(), event.taskId(), event.status());
        return format(new IngestCallback(STREAM_INGEST, event.type(), sentAt.toEpochMilli(), info));
    }

    /** The body of a room or media {@code event}, sent at {@code sentAt}. */
    static String body(TrtcRoomEvent event, Instant sentAt) {
        RoomEventInfo info = new RoomEventInfo(event.roomId(), event.at().getEpochSecond(), event.at().toEpochMilli(), event.userId(),
                event.uniqueId(), event.role(), event.reason());
        return format(new RoomCallback(event.type() < TrtcRoomEvent.START_VIDEO ? ROOM : MEDIA, event.type(), sentAt.toEpochMilli(), info));
    }

    /** The body of a relay to CDN {@code event}, sent at {@code sentAt}. */
    static String body(TrtcPublishCdnEvent event, Instant sentAt) {
        PublishCdnEventInfo info = new PublishCdnEventInfo(event.stringRoom() ? event.roomId() : (Object) Long.parseLong(event.roomId()),
                event.stringRoom() ? 1 : 0, event.at().toEpochMilli(), event.robotUserId(), event.taskId(),
                new PublishCdnPayload(event.url(), event.status()));
        return format(new PublishCdnCallback(CLOUD_PUBLISH, TrtcPublishCdnEvent.CDN_STATUS, sentAt.toEpochMilli(), info));
    }

    /** {@code value} as JSON laid out the way Tencent's callback servers lay it out. */
    static String format(Object value) {
        try {
            return EmulatorJson.mapper().writer(new CjsonPrettyPrinter()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
