package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.ingest.Ingest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * An ingest on the native API. {@code task_id} is the vendor's id of the task (TRTC's TaskId, Agora's player id),
 * {@code null} until the vendor named it; {@code user_id} the robot that publishes the source in the room;
 * {@code progress_seconds} where a file is now, {@code null} for a live stream, before the vendor started it and
 * once it played to its end; {@code failure} is {@code null} unless the ingest failed.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IngestResource(
        String id,
        @JsonProperty("room_id") String roomId,
        String vendor,
        @JsonProperty("source_url") String sourceUrl,
        String mode,
        String state,
        @Nullable @JsonProperty("task_id") String taskId,
        @JsonProperty("user_id") String userId,
        int repeat,
        int volume,
        @Nullable @JsonProperty("progress_seconds") Double progressSeconds,
        @JsonProperty("created_at") String createdAt,
        @Nullable @JsonProperty("started_at") String startedAt,
        @Nullable @JsonProperty("stopped_at") String stoppedAt,
        @Nullable JobFailureView failure) {

    /** A page of a room's ingests, newest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<IngestResource> items, @Nullable @JsonProperty("next_cursor") String nextCursor) {
    }

    /** The ingest as of {@code now}: a playing file's progress moves with the clock. */
    public static IngestResource of(Ingest ingest, Instant now) {
        return new IngestResource(ingest.id(), ingest.roomId(), ingest.vendor().wireName(), ingest.sourceUrl(),
                ingest.mode().wireName(), ingest.state().wireName(), ingest.taskId().orElse(null), ingest.robotUserId(),
                ingest.repeat(), ingest.volume(),
                ingest.position(now).map(position -> position.toMillis() / 1000.0).orElse(null),
                time(ingest.createdAt()), ingest.startedAt().map(IngestResource::time).orElse(null),
                ingest.stoppedAt().map(IngestResource::time).orElse(null),
                JobFailureView.of(ingest.failure()));
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
