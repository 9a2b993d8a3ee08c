package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditQuery;
import io.rtcgate.domain.audit.AuditTrail;
import io.rtcgate.domain.audit.RecordedAuditEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operators read the audit log of admin actions, newest first. It is append-only: no endpoint changes or deletes an
 * entry.
 */
@Tag(name = "Admin")
@Controller(value = "/v1/admin/audit", produces = MediaType.APPLICATION_JSON)
@Secured("ADMIN")
@SecurityRequirement(name = "bearer")
public class AdminAuditController {

    private final AuditTrail audit;

    public AdminAuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /** One admin action: {@code before} / {@code after} are the target's state, null where not applicable. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AuditEntryView(long id, String actor, String action,
                                 @Schema(description = "<kind>:<id>, e.g. vendor:agora; inside another: room:<id>/user:<id>") String target,
                                 @Nullable Map<String, Object> before, @Nullable Map<String, Object> after, String at,
                                 @Schema(description = "the X-Request-Id of the request that made it; null for none") @Nullable String requestId) {

        static AuditEntryView of(RecordedAuditEntry recorded) {
            AuditEntry entry = recorded.entry();
            return new AuditEntryView(recorded.id(), entry.actor(), entry.action(), entry.target(), entry.before(),
                    entry.after(), DateTimeFormatter.ISO_INSTANT.format(entry.at()), recorded.requestId().orElse(null));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AuditPage(List<AuditEntryView> items, @Nullable @JsonProperty("next_cursor") String nextCursor) {
    }

    @Operation(summary = "The audit log of admin actions, newest first; pass next_cursor as cursor for the next page",
            description = "Actions: vendor.state.set, webhook.create, webhook.update, webhook.delete, webhook.delivery.retry,"
                    + " user.create, room.kick, room.member.mute, room.member.unmute, room.mute, room.unmute."
                    + " Filters combine; a bad one is a 400 naming it.")
    @Get("{?limit,cursor,actor,action,target,since,until}")
    public AuditPage list(Authentication auth,
                          @Parameter(description = "1 to 100, default 20") @QueryValue @Nullable String limit,
                          @QueryValue @Nullable String cursor,
                          @Parameter(description = "the acting user's id, exactly") @QueryValue @Nullable String actor,
                          @Parameter(description = "an action name, exactly") @QueryValue @Nullable String action,
                          @Parameter(description = "a target and everything inside it: room:<id> matches room:<id>/user:<id>")
                          @QueryValue @Nullable String target,
                          @Parameter(description = "ISO-8601 instant, inclusive") @QueryValue @Nullable String since,
                          @Parameter(description = "ISO-8601 instant, exclusive") @QueryValue @Nullable String until) {
        AuditQuery query = new AuditQuery(text(actor, "actor", AuditEntry.MAX_ACTOR), text(action, "action", AuditEntry.MAX_ACTION),
                text(target, "target", AuditEntry.MAX_TARGET), time(since, "since"), time(until, "until"));
        Page<RecordedAuditEntry> page = audit.read(Callers.of(auth), query, JobEndpoints.pageSize(limit),
                Optional.ofNullable(cursor));
        return new AuditPage(page.items().stream().map(AuditEntryView::of).toList(), page.nextCursor().orElse(null));
    }

    private static Optional<String> text(String value, String field, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank() || value.length() > max) {
            throw new InvalidInputException(field, field + " must be 1 to " + max + " characters");
        }
        return Optional.of(value);
    }

    /** An ISO-8601 date-time with an offset or Z, e.g. 2025-01-31T08:00:00Z. */
    private static Optional<Instant> time(String value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an ISO-8601 date-time with an offset, e.g. 2025-01-31T08:00:00Z");
        }
    }
}
