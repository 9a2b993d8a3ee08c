package io.rtcgate.app.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.micronaut.json.JsonMapper;
import io.rtcgate.app.api.v1.RoomEventView;
import io.rtcgate.app.config.WebhookProperties;
import io.rtcgate.domain.DomainException;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.webhook.SendOutcome;
import io.rtcgate.domain.webhook.WebhookSender;
import io.rtcgate.domain.webhook.WebhookTargets;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * POSTs a room event, as {@link RoomEventView} JSON, signed the Standard Webhooks way with the library's
 * {@link Webhook}: {@code webhook-id}, {@code webhook-timestamp} (Unix seconds of the attempt) and
 * {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}). Redirects are not followed.
 * The target is checked again before every request, since what a host resolves to may have changed.
 */
@Singleton
public class HttpWebhookSender implements WebhookSender {

    private final JsonMapper json;
    private final WebhookTargets targets;
    private final Duration timeout;
    private final HttpClient http;

    public HttpWebhookSender(JsonMapper json, WebhookTargets targets, WebhookProperties properties) {
        this.json = json;
        this.targets = targets;
        this.timeout = properties.getTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public SendOutcome send(String url, String secret, String messageId, Instant timestamp, RecordedRoomEvent event) {
        try {
            targets.requireAllowed(url);
            String body = json.writeValueAsString(RoomEventView.of(event));
            long seconds = timestamp.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "rtcgate-webhooks")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(seconds))
                    .header("webhook-signature", new Webhook(secret).sign(messageId, seconds, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return SendOutcome.answered(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (DomainException refused) {
            return SendOutcome.noAnswer("not sent: " + refused.getMessage());
        } catch (HttpTimeoutException e) {
            return SendOutcome.noAnswer("no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return SendOutcome.noAnswer("could not connect" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IOException e) {
            return SendOutcome.noAnswer(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            throw new IllegalStateException("could not sign webhook " + messageId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.noAnswer("interrupted while sending");
        }
    }
}
