package io.rtcgate.domain.webhook;

import io.rtcgate.domain.room.RecordedRoomEvent;
import java.time.Instant;

/**
 * Port: sends one room event to a subscriber as one signed request (Standard Webhooks: {@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}) and tells how it went. It never throws for the receiver's
 * failures: those are outcomes.
 */
public interface WebhookSender {

    SendOutcome send(String url, String secret, String messageId, Instant timestamp, RecordedRoomEvent event);
}
