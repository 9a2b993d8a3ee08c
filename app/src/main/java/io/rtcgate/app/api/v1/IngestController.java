package io.rtcgate.app.api.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
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
import io.rtcgate.domain.ingest.Ingest;
import io.rtcgate.domain.ingest.IngestRequest;
import io.rtcgate.domain.ingest.IngestService;
import io.rtcgate.domain.ingest.IngestUpdate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Stream ingests: a file or a live stream pulled into a room, on the vendor that carries the room. */
@Tag(name = "Ingests")
@Controller(produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class IngestController {

    private final IngestService ingests;
    private final IdempotentRequests idempotent;
    private final JsonMapper json;
    private final Clock clock;

    public IngestController(IngestService ingests, IdempotentRequests idempotent, JsonMapper json, Clock clock) {
        this.ingests = ingests;
        this.idempotent = idempotent;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record StartIngest(@Nullable String sourceUrl, @Nullable String mode, @Nullable Boolean resume,
                              @Nullable Integer repeat, @Nullable Integer volume, @Nullable String userId) {
    }

    @Serdeable
    public record ChangeIngest(@Nullable Boolean paused, @Nullable Integer volume) {
    }

    @Operation(summary = "Pull a file (vod) or a live stream into a live or paused room (its anchor or an admin);"
            + " a file resumes where it last stopped in the room unless resume is false; Idempotency-Key makes retries safe")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = IngestResource.class)))
    @Post(uri = "/v1/rooms/{id}/ingests", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> start(Authentication auth, @PathVariable String id, @Body @Nullable String body,
                                      @Header(IdempotentRequests.HEADER) @Nullable String idempotencyKey) {
        Caller caller = Callers.of(auth);
        StartIngest sent = read(body, StartIngest.class, "source_url, mode, resume, repeat, volume and user_id");
        IngestRequest request = IngestRequest.of(sent.sourceUrl(), sent.mode(), sent.resume(), sent.repeat(), sent.volume(),
                sent.userId());
        StoredResponse response = idempotencyKey == null ? started(caller, id, request)
                : idempotent.execute(caller.userId(), idempotencyKey, fingerprint(id, request), () -> started(caller, id, request));
        return JobEndpoints.answer(response);
    }

    @Operation(summary = "Get an ingest")
    @Get("/v1/ingests/{id}")
    public IngestResource get(Authentication auth, @PathVariable String id) {
        return resource(ingests.get(Callers.of(auth), id));
    }

    @Operation(summary = "A room's ingests, newest first; pass next_cursor as cursor for the next page")
    @Get("/v1/rooms/{id}/ingests{?limit,cursor}")
    public IngestResource.Page list(Authentication auth, @PathVariable String id, @QueryValue @Nullable String limit,
                                    @QueryValue @Nullable String cursor) {
        Page<Ingest> page = ingests.list(Callers.of(auth), id, JobEndpoints.pageSize(limit),
                Optional.ofNullable(cursor));
        return new IngestResource.Page(page.items().stream().map(this::resource).toList(), page.nextCursor().orElse(null));
    }

    @Operation(summary = "Pause or resume a running ingest, or set its volume (0 to 100)")
    @Patch(uri = "/v1/ingests/{id}", consumes = MediaType.APPLICATION_JSON)
    public IngestResource change(Authentication auth, @PathVariable String id, @Body @Nullable String body) {
        ChangeIngest sent = read(body, ChangeIngest.class, "paused and volume");
        if (sent.paused() == null && sent.volume() == null) {
            throw new InvalidInputException("body", "body must set paused, volume, or both");
        }
        if (sent.volume() != null && (sent.volume() < 0 || sent.volume() > 100)) {
            throw new InvalidInputException("volume", "volume must be 0 to 100");
        }
        IngestUpdate update = new IngestUpdate(Optional.ofNullable(sent.paused()), Optional.ofNullable(sent.volume()));
        return resource(ingests.update(Callers.of(auth), id, update));
    }

    @Operation(summary = "Stop an ingest, keeping a file's position to resume from; one that has ended is answered as it is")
    @Post(uri = "/v1/ingests/{id}/stop", consumes = MediaType.ALL)
    public IngestResource stop(Authentication auth, @PathVariable String id) {
        return resource(ingests.stop(Callers.of(auth), id));
    }

    private StoredResponse started(Caller caller, String roomId, IngestRequest request) {
        return JobEndpoints.created(json, resource(ingests.start(caller, roomId, request)));
    }

    private IngestResource resource(Ingest ingest) {
        return IngestResource.of(ingest, clock.instant());
    }

    private <T> T read(String body, Class<T> type, String fields) {
        String expected = "a JSON object with " + fields + ", each of its type";
        return JobEndpoints.body(json, body, type, expected)
                .orElseThrow(() -> new InvalidInputException("body", "body must be " + expected));
    }

    private static String fingerprint(String roomId, IngestRequest request) {
        return JobEndpoints.fingerprint(List.of("POST /v1/rooms/" + roomId + "/ingests", request.sourceUrl(),
                request.mode().wireName(), Boolean.toString(request.resume()), Integer.toString(request.repeat()),
                Integer.toString(request.volume()), request.robotUserId()));
    }
}
