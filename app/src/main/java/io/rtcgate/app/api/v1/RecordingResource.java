package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.recording.Recording;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingSegment;
import io.rtcgate.domain.recording.VendorTaskId;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A recording on the native API. {@code task_id} is the vendor's id of the task (Agora's sid, Tencent's
 * and Aliyun's TaskId), {@code null} until the vendor named it; {@code failure} is {@code null} unless the
 * recording failed. Storage credentials are never part of it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordingResource(
        String id,
        @JsonProperty("room_id") String roomId,
        String vendor,
        String mode,
        List<String> formats,
        String state,
        List<Segment> segments,
        @Nullable JobFailureView failure,
        @JsonProperty("created_at") String createdAt,
        @Nullable @JsonProperty("started_at") String startedAt,
        @Nullable @JsonProperty("stopped_at") String stoppedAt) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Segment(String vendor, @Nullable @JsonProperty("task_id") String taskId, String state,
                          @Nullable @JsonProperty("started_at") String startedAt,
                          @Nullable @JsonProperty("ended_at") String endedAt, List<File> files) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record File(String name, @JsonProperty("track_type") String trackType, @Nullable @JsonProperty("user_id") String userId,
                       @Nullable @JsonProperty("started_at") String startedAt,
                       @JsonProperty("upload_status") String uploadStatus) {
    }

    /** A page of a room's recordings, newest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<RecordingResource> items, @Nullable @JsonProperty("next_cursor") String nextCursor) {
    }

    public static RecordingResource of(Recording recording) {
        return new RecordingResource(recording.id(), recording.roomId(), recording.vendor().wireName(),
                recording.mode().wireName(),
                RecordingFormat.ordered(recording.formats()).stream().map(RecordingFormat::wireName).toList(),
                recording.state().wireName(),
                recording.segments().stream().map(RecordingResource::segment).toList(),
                JobFailureView.of(recording.failure()),
                time(recording.createdAt()), time(recording.startedAt()), time(recording.stoppedAt()));
    }

    private static Segment segment(RecordingSegment segment) {
        return new Segment(segment.vendor().wireName(), segment.task().flatMap(VendorTaskId::taskId).orElse(null),
                segment.state().wireName(), time(segment.startedAt()), time(segment.endedAt()),
                segment.files().stream().map(RecordingResource::file).toList());
    }

    private static File file(RecordingFile file) {
        return new File(file.name(), file.trackType().wireName(), file.user().orElse(null), time(file.startedAt()),
                file.uploadStatus().wireName());
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(RecordingResource::time).orElse(null);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
