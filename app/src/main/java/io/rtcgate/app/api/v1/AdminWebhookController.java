package io.rtcgate.app.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.rtcgate.app.security.Callers;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.webhook.CreatedSubscription;
import io.rtcgate.domain.webhook.DeliveryAttempt;
import io.rtcgate.domain.webhook.WebhookDelivery;
import io.rtcgate.domain.webhook.WebhookSubscription;
import io.rtcgate.domain.webhook.WebhookSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Admins subscribe backends to room events as signed webhooks (Standard Webhooks), and look after the deliveries:
 * every attempt with its status code or error, the next retry, and a manual resend.
 */
@Tag(name = "Admin")
@Controller(value = "/v1/admin/webhooks", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured("ADMIN")
@SecurityRequirement(name = "bearer")
public class AdminWebhookController {

    static final String EVENT_TYPES = "event_types";

    private final WebhookSubscriptions webhooks;

    public AdminWebhookController(WebhookSubscriptions webhooks) {
        this.webhooks = webhooks;
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CreateWebhook(@Nullable String url, @Nullable List<String> eventTypes) {
    }

    /** {@code event_types} is null for every type. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WebhookView(String id, String url, @Nullable List<String> eventTypes, boolean enabled, boolean failing,
                              @Nullable String lastError, String createdAt) {

        static WebhookView of(WebhookSubscription subscription) {
            return new WebhookView(subscription.id(), subscription.url(),
                    subscription.allTypes() ? null : subscription.eventTypes().stream().map(RoomEventType::wireName).toList(),
                    subscription.enabled(), subscription.failing(), subscription.lastError(), time(subscription.createdAt()));
        }
    }

    /** The answer of a create: the subscription and its signing secret, shown this once. */
    @Serdeable
    public record CreatedWebhook(@JsonUnwrapped WebhookView webhook, String secret) {
    }

    /** One try: the receiver's HTTP status, or the error when there was no answer. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AttemptView(String at, @Nullable Integer statusCode, @Nullable String error) {
    }

    /** {@code webhook_id} is the {@code webhook-id} header of every attempt; {@code next_attempt_at} is set while pending. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveryView(long id, String webhookId, String subscriptionId, String eventType, String roomId, long seq,
                               String state, List<AttemptView> attempts, @Nullable String nextAttemptAt, String createdAt) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.id(), delivery.messageId(), delivery.subscriptionId(),
                    delivery.eventType().wireName(), delivery.roomId(), delivery.seq(),
                    delivery.state().name().toLowerCase(Locale.ROOT),
                    delivery.attempts().stream().map(AdminWebhookController::attempt).toList(),
                    delivery.nextAttemptAt().map(AdminWebhookController::time).orElse(null), time(delivery.createdAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveryPage(List<DeliveryView> items, @Nullable @JsonProperty("next_cursor") String nextCursor) {
    }

    @Operation(summary = "Subscribe a URL to room events (event_types: wire names; leave out for all); the answer shows the signing secret once")
    @Post
    public HttpResponse<CreatedWebhook> create(Authentication auth, @Body CreateWebhook request) {
        CreatedSubscription created = webhooks.create(Callers.of(auth), request.url(), request.eventTypes());
        return HttpResponse.created(new CreatedWebhook(WebhookView.of(created.subscription()), created.secret()));
    }

    @Operation(summary = "Every webhook subscription, oldest first, without secrets")
    @Get
    public List<WebhookView> list(Authentication auth) {
        return webhooks.list(Callers.of(auth)).stream().map(WebhookView::of).toList();
    }

    @Operation(summary = "One webhook subscription, without its secret")
    @Get("/{id}")
    public WebhookView get(Authentication auth, @PathVariable String id) {
        return WebhookView.of(webhooks.get(Callers.of(auth), id));
    }

    @Operation(summary = "Enable or disable a subscription, or change its event_types (null for all); what is left out stays")
    @Patch("/{id}")
    public WebhookView update(Authentication auth, @PathVariable String id, @Body JsonNode request) {
        JsonNode enabled = request.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            throw new InvalidInputException("enabled", "enabled must be true or false");
        }
        JsonNode eventTypes = request.get(EVENT_TYPES);
        var change = new WebhookSubscriptions.Change(enabled == null ? null : enabled.getBooleanValue(), eventTypes != null,
                eventTypes(eventTypes));
        return WebhookView.of(webhooks.update(Callers.of(auth), id, change));
    }

    @Operation(summary = "Delete a subscription with its deliveries, pending ones included")
    @Delete("/{id}")
    public HttpResponse<Void> delete(Authentication auth, @PathVariable String id) {
        webhooks.delete(Callers.of(auth), id);
        return HttpResponse.noContent();
    }

    @Operation(summary = "A subscription's deliveries, newest first, with their attempts; pass next_cursor as cursor for the next page")
    @Get("/{id}/deliveries{?limit,cursor}")
    public DeliveryPage deliveries(Authentication auth, @PathVariable String id, @QueryValue @Nullable String limit,
                                   @QueryValue @Nullable String cursor) {
        Page<WebhookDelivery> page = webhooks.deliveries(Callers.of(auth), id, JobEndpoints.pageSize(limit),
                Optional.ofNullable(cursor));
        return new DeliveryPage(page.items().stream().map(DeliveryView::of).toList(), page.nextCursor().orElse(null));
    }

    @Operation(summary = "Send one delivery again now, whatever its state; answers it after the attempt")
    @Post("/{id}/deliveries/{delivery}/retry")
    public DeliveryView retry(Authentication auth, @PathVariable String id, @PathVariable String delivery) {
        long deliveryId;
        try {
            deliveryId = Long.parseLong(delivery);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("delivery", "delivery must be the id of a delivery");
        }
        return DeliveryView.of(webhooks.retry(Callers.of(auth), id, deliveryId));
    }

    /** The event types of a request, as wire names, null for JSON null or none; anything but a list of strings is invalid. */
    private static List<String> eventTypes(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode name : value.values()) {
                if (!name.isString()) {
                    break;
                }
                names.add(name.getStringValue());
            }
            if (names.size() == value.size()) {
                return names;
            }
        }
        throw new InvalidInputException(EVENT_TYPES, "event_types must be a list of event type names");
    }

    private static AttemptView attempt(DeliveryAttempt attempt) {
        return new AttemptView(time(attempt.at()), attempt.outcome().statusCode(), attempt.outcome().error());
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
