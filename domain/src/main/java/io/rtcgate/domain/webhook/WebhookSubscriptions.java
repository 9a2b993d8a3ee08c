package io.rtcgate.domain.webhook;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.Validation;
import io.rtcgate.domain.audit.AuditActions;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.room.RoomEventType;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Admins manage the webhook subscriptions and look after their deliveries. Only admins: every use case refuses
 * anyone else. Every change, and every manual resend, is in the audit log.
 */
public final class WebhookSubscriptions {

    /** Standard Webhooks' form of a signing secret: this prefix and the key's base64. */
    public static final String SECRET_PREFIX = "whsec_";
    /** 256 bits, HMAC-SHA256's block-sized key. */
    static final int SECRET_BYTES = 32;
    public static final int MAX_URL = 2048;
    public static final int MAX_PAGE = 100;

    private final WebhookSubscriptionStore subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final WebhookDispatcher dispatcher;
    private final WebhookTargets targets;
    private final Supplier<String> ids;
    private final SecureRandom random;
    private final AuditLog audit;
    private final Clock clock;

    public WebhookSubscriptions(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries,
                                WebhookDispatcher dispatcher, WebhookTargets targets, Supplier<String> ids,
                                SecureRandom random, AuditLog audit, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.targets = targets;
        this.ids = ids;
        this.random = random;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Subscribes {@code url} to the events of {@code eventTypes} (wire names), or to every event when that is null.
     *
     * @throws InvalidInputException naming {@code url} or {@code event_types}
     */
    public CreatedSubscription create(Caller caller, String url, List<String> eventTypes) {
        requireAdmin(caller);
        Validation.maxLength(Validation.required(url, "url"), MAX_URL, "url");
        targets.requireAllowed(url);
        WebhookSubscription subscription = new WebhookSubscription("wh_" + ids.get(), url, types(eventTypes), true, false,
                null, clock.instant());
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        String secret = SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        audit.recordWith(() -> {
            subscriptions.add(subscription, secret);
            return subscription;
        }, added -> AuditEntry.of(caller, AuditActions.WEBHOOK_CREATE, target(added.id()), null, audited(added),
                added.createdAt()));
        return new CreatedSubscription(subscription, secret);
    }

    public List<WebhookSubscription> list(Caller caller) {
        requireAdmin(caller);
        return subscriptions.list();
    }

    public WebhookSubscription get(Caller caller, String id) {
        requireAdmin(caller);
        return existing(id);
    }

    /**
     * What an update changes: {@code enabled} unless null; the event types when {@code setsEventTypes}, to
     * {@code eventTypes} (wire names), or to every type when that is null.
     */
    public record Change(Boolean enabled, boolean setsEventTypes, List<String> eventTypes) {
    }

    /**
     * Enables or disables it and changes its event types. A disabled subscription gets no deliveries for the events
     * that happen meanwhile, and those it had pending wait until it is enabled again.
     */
    public WebhookSubscription update(Caller caller, String id, Change change) {
        requireAdmin(caller);
        List<RoomEventType> newTypes = change.setsEventTypes() ? types(change.eventTypes()) : null;
        return audit.recordWith(() -> {
            WebhookSubscription current = existing(id);
            WebhookSubscription changed = current.withSettings(change.enabled() == null ? current.enabled() : change.enabled(),
                    change.setsEventTypes() ? newTypes : current.eventTypes());
            if (!subscriptions.update(changed)) {
                throw notFound(id);
            }
            return new Updated(current, changed);
        }, updated -> AuditEntry.of(caller, AuditActions.WEBHOOK_UPDATE, target(id), audited(updated.before()),
                audited(updated.after()), clock.instant())).after();
    }

    /** Removes it with its deliveries, pending ones included. */
    public void delete(Caller caller, String id) {
        requireAdmin(caller);
        audit.recordWith(() -> {
            WebhookSubscription current = existing(id);
            if (!subscriptions.delete(id)) {
                throw notFound(id);
            }
            return current;
        }, deleted -> AuditEntry.of(caller, AuditActions.WEBHOOK_DELETE, target(id), audited(deleted), null,
                clock.instant()));
    }

    /** A page of its deliveries, newest first, each with its attempts. */
    public Page<WebhookDelivery> deliveries(Caller caller, String id, int limit, Optional<String> cursor) {
        requireAdmin(caller);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_PAGE);
        }
        existing(id);
        return deliveries.page(id, limit, cursor);
    }

    /**
     * Sends one delivery again now, whatever its state or schedule, and answers it after the attempt.
     *
     * @throws ConflictException while a node is sending it
     */
    public WebhookDelivery retry(Caller caller, String id, long deliveryId) {
        requireAdmin(caller);
        WebhookDelivery before = delivery(id, deliveryId);
        if (!dispatcher.sendNow(deliveryId)) {
            throw new ConflictException("delivery " + deliveryId + " is being sent right now; try again in a moment");
        }
        WebhookDelivery after = delivery(id, deliveryId);
        // the attempt is a call to the receiver, kept by the dispatcher; the entry says it was made, and how it went
        audit.record(AuditEntry.of(caller, AuditActions.WEBHOOK_DELIVERY_RETRY,
                AuditEntry.target("webhook", id, "delivery", Long.toString(deliveryId)), audited(before), audited(after),
                clock.instant()));
        return after;
    }

    private record Updated(WebhookSubscription before, WebhookSubscription after) {
    }

    private static String target(String id) {
        return AuditEntry.target("webhook", id);
    }

    /** A subscription as the audit log shows it: its settings, never its secret; {@code event_types} null for all. */
    private static Map<String, Object> audited(WebhookSubscription subscription) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("url", subscription.url());
        settings.put("event_types", subscription.allTypes() ? null
                : subscription.eventTypes().stream().map(RoomEventType::wireName).toList());
        settings.put("enabled", subscription.enabled());
        return settings;
    }

    private static Map<String, Object> audited(WebhookDelivery delivery) {
        return Map.of("state", delivery.state().name().toLowerCase(Locale.ROOT),
                "attempts", (long) delivery.attempts().size());
    }

    private WebhookDelivery delivery(String id, long deliveryId) {
        return deliveries.find(id, deliveryId)
                .orElseThrow(() -> new NotFoundException("webhook " + id + " has no delivery " + deliveryId));
    }

    /** The event types by wire name, distinct, in the catalogue's order; an empty list would subscribe to nothing. */
    private static List<RoomEventType> types(List<String> wireNames) {
        if (wireNames == null) {
            return List.of();
        }
        if (wireNames.isEmpty()) {
            throw new InvalidInputException("event_types", "event_types must name at least one event type; leave it out for all");
        }
        Set<RoomEventType> types = EnumSet.noneOf(RoomEventType.class);
        for (String wireName : wireNames) {
            try {
                types.add(RoomEventType.ofWireName(wireName));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("event_types", "event_types has an unknown event type: " + wireName);
            }
        }
        return types.stream().sorted(Comparator.naturalOrder()).toList();
    }

    private WebhookSubscription existing(String id) {
        return subscriptions.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("webhook " + id + " does not exist");
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins manage webhooks");
        }
    }
}
