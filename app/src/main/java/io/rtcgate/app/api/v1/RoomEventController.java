package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.RoomEventHistory;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** A room's event history: what happened, in order, from any seq on. */
@Tag(name = "Room events")
@Controller(value = "/v1/rooms", produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class RoomEventController {

    static final int DEFAULT_PAGE = 100;

    private final RoomEventHistory history;

    public RoomEventController(RoomEventHistory history) {
        this.history = history;
    }

    /** A page of events; {@code next_after} is the seq to pass as {@code after} for the next page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EventPage(@ArraySchema(schema = @Schema(ref = "#/components/schemas/RoomEvent")) List<RoomEventView> items,
                            @JsonProperty("next_after") long nextAfter) {
    }

    @Operation(summary = "A room's events after a seq (0, the default, for all), oldest first; history outlives the room")
    @Get("/{id}/events{?after,limit}")
    public EventPage events(@PathVariable String id, @QueryValue @Nullable String after, @QueryValue @Nullable String limit) {
        long afterSeq = number(after, "after", 0);
        List<RecordedRoomEvent> events = history.after(id, afterSeq, (int) number(limit, "limit", DEFAULT_PAGE));
        long next = events.isEmpty() ? afterSeq : events.get(events.size() - 1).seq();
        return new EventPage(events.stream().map(RoomEventView::of).toList(), next);
    }

    private static long number(String value, String field, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number");
        }
    }
}
