package io.rtcgate.domain.webhook;

/** A new subscription and its signing secret ({@code whsec_<base64>}), which is never shown again. */
public record CreatedSubscription(WebhookSubscription subscription, String secret) {
}
