package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A room event on the wire, the same in the history API, the realtime frames and webhooks:
 * {@code {seq, type, room_id, time, actor, priority, data}}. {@code seq} numbers the room's events from 1 without gaps;
 * {@code actor} is a user id or {@code system:<source>}; {@code priority} is seed 001's weight (1 most urgent).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoomEventView(long seq, String type, @JsonProperty("room_id") String roomId, String time, String actor,
                            int priority,
                            @Schema(description = "The type's payload: the RoomEvent schema lists every type with its own") Map<String, Object> data) {

    public static RoomEventView of(RecordedRoomEvent recorded) {
        var event = recorded.event();
        return new RoomEventView(recorded.seq(), event.type().wireName(), event.roomId(),
                DateTimeFormatter.ISO_INSTANT.format(event.at()), event.actor(), event.type().priority(), event.data());
    }
}
