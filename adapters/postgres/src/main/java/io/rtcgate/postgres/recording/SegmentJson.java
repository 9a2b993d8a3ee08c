package io.rtcgate.postgres.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.RecordingFile;
import io.rtcgate.domain.recording.RecordingSegment;
import io.rtcgate.domain.recording.SegmentState;
import io.rtcgate.domain.recording.TrackType;
import io.rtcgate.domain.recording.UploadStatus;
import io.rtcgate.domain.recording.VendorTaskId;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One element of the {@code segments} column: a recording's part on one vendor, as JSON. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record SegmentJson(
        String vendor,
        String channel,
        String recorder,
        @Nullable @JsonProperty("resource_id") String resourceId,
        @Nullable @JsonProperty("task_id") String taskId,
        String state,
        List<FileJson> files,
        @Nullable @JsonProperty("started_at") Instant startedAt,
        @Nullable @JsonProperty("ended_at") Instant endedAt) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FileJson(
            String name,
            @JsonProperty("track_type") String trackType,
            @Nullable String user,
            @Nullable @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("upload_status") String uploadStatus) {
    }

    static SegmentJson of(RecordingSegment segment) {
        return new SegmentJson(segment.vendor().wireName(), segment.channel(), segment.recorder().value(),
                segment.task().flatMap(VendorTaskId::resourceId).orElse(null),
                segment.task().flatMap(VendorTaskId::taskId).orElse(null),
                segment.state().wireName(),
                segment.files().stream().map(file -> new FileJson(file.name(), file.trackType().wireName(),
                        file.user().orElse(null), file.startedAt().orElse(null), file.uploadStatus().wireName())).toList(),
                segment.startedAt().orElse(null), segment.endedAt().orElse(null));
    }

    RecordingSegment toSegment() {
        Optional<VendorTaskId> task = resourceId == null && taskId == null ? Optional.empty()
                : Optional.of(new VendorTaskId(Optional.ofNullable(resourceId), Optional.ofNullable(taskId)));
        return new RecordingSegment(Vendor.parse(vendor, "vendor"), channel, new RecorderIdentity(recorder), task,
                SegmentState.valueOf(upper(state)),
                files.stream().map(file -> new RecordingFile(file.name(), TrackType.valueOf(upper(file.trackType())),
                        Optional.ofNullable(file.user()), Optional.ofNullable(file.startedAt()),
                        UploadStatus.valueOf(upper(file.uploadStatus())))).toList(),
                Optional.ofNullable(startedAt), Optional.ofNullable(endedAt));
    }

    private static String upper(String wireName) {
        return wireName.toUpperCase(Locale.ROOT);
    }
}
