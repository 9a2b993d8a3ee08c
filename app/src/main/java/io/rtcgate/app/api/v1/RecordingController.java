package io.rtcgate.app.api.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.idempotency.IdempotentRequests;
import io.rtcgate.domain.idempotency.StoredResponse;
import io.rtcgate.domain.recording.MixLayout;
import io.rtcgate.domain.recording.Recording;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingService;
import io.rtcgate.domain.recording.RecordingSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Cloud recordings of rooms, on the vendor that carries each room. */
@Tag(name = "Recordings")
@Controller(produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class RecordingController {

    /** The format sets vendors record. */
    private static final Set<List<String>> FORMAT_SETS = Set.of(List.of("hls"), List.of("hls", "mp4"), List.of("mp4"));

    private final RecordingService recordings;
    private final IdempotentRequests idempotent;
    private final JsonMapper json;

    public RecordingController(RecordingService recordings, IdempotentRequests idempotent, JsonMapper json) {
        this.recordings = recordings;
        this.idempotent = idempotent;
        this.json = json;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record StartRecording(@Nullable String mode, @Nullable List<String> formats, @Nullable Long maxIdleSeconds,
                                 @Nullable String layout) {
    }

    @Operation(summary = "Start recording a live or paused room (its anchor or an admin); Idempotency-Key makes retries safe")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecordingResource.class)))
    @Post(uri = "/v1/rooms/{id}/recordings", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> start(Authentication auth, @PathVariable String id, @Body @Nullable String body,
                                      @Header(IdempotentRequests.HEADER) @Nullable String idempotencyKey) {
        Caller caller = Callers.of(auth);
        RecordingSpec spec = specOf(JobEndpoints.body(json, body, StartRecording.class,
                "a JSON object with mode, formats, max_idle_seconds and layout, each optional and of its type")
                .orElse(new StartRecording(null, null, null, null)));
        StoredResponse response = idempotencyKey == null ? started(caller, id, spec)
                : idempotent.execute(caller.userId(), idempotencyKey, fingerprint(id, spec), () -> started(caller, id, spec));
        return JobEndpoints.answer(response);
    }

    @Operation(summary = "Get a recording")
    @Get("/v1/recordings/{id}")
    public RecordingResource get(Authentication auth, @PathVariable String id) {
        return RecordingResource.of(recordings.get(Callers.of(auth), id));
    }

    @Operation(summary = "A room's recordings, newest first; pass next_cursor as cursor for the next page")
    @Get("/v1/rooms/{id}/recordings{?limit,cursor}")
    public RecordingResource.Page list(Authentication auth, @PathVariable String id, @QueryValue @Nullable String limit,
                                       @QueryValue @Nullable String cursor) {
        Page<Recording> page = recordings.list(Callers.of(auth), id, JobEndpoints.pageSize(limit),
                Optional.ofNullable(cursor));
        return new RecordingResource.Page(page.items().stream().map(RecordingResource::of).toList(),
                page.nextCursor().orElse(null));
    }

    @Operation(summary = "Stop a recording; a recording that is stopping or has ended is answered as it is")
    @Post(uri = "/v1/recordings/{id}/stop", consumes = MediaType.ALL)
    public RecordingResource stop(Authentication auth, @PathVariable String id) {
        return RecordingResource.of(recordings.stop(Callers.of(auth), id));
    }

    private StoredResponse started(Caller caller, String roomId, RecordingSpec spec) {
        return JobEndpoints.created(json, RecordingResource.of(recordings.start(caller, roomId, spec)));
    }

    private static RecordingSpec specOf(StartRecording request) {
        RecordingMode mode = request.mode() == null ? RecordingMode.MIX : RecordingMode.parse(request.mode(), "mode");
        List<String> formats = request.formats() == null ? List.of("hls") : request.formats();
        if (!FORMAT_SETS.contains(formats)) {
            throw new InvalidInputException("formats", "formats must be [\"hls\"], [\"hls\",\"mp4\"] or [\"mp4\"]");
        }
        // RecordingSpec checks the idle range and that a layout goes with a mix, naming the fields
        long idle = request.maxIdleSeconds() == null ? Recording.DEFAULT_MAX_IDLE.toSeconds() : request.maxIdleSeconds();
        Optional<MixLayout> layout = Optional.ofNullable(request.layout()).map(name -> MixLayout.parse(name, "layout"));
        Set<RecordingFormat> parsed = formats.stream().map(name -> RecordingFormat.parse(name, "formats"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new RecordingSpec(mode, parsed, Duration.ofSeconds(idle), layout);
    }

    /** The request as the server understood it, so a retry with the same meaning matches whatever its whitespace. */
    private static String fingerprint(String roomId, RecordingSpec spec) {
        List<String> parts = new ArrayList<>();
        parts.add("POST /v1/rooms/" + roomId + "/recordings");
        parts.add(spec.mode().wireName());
        parts.add(RecordingFormat.ordered(spec.formats()).stream().map(RecordingFormat::wireName).collect(Collectors.joining(",")));
        parts.add(Long.toString(spec.maxIdle().toSeconds()));
        parts.add(spec.layout().map(MixLayout::wireName).orElse(""));
        return JobEndpoints.fingerprint(parts);
    }
}
