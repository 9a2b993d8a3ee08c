package io.rtcgate.emulator.aliyun;

import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.WebhookSender;
import io.rtcgate.emulator.aliyun.CloudRecordingJson.CallbackBody;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a cloud recording task's callbacks as Aliyun does (help.aliyun.com/zh/live/on-cloud-recording-callback-message):
 * a JSON POST of {@code {appId, channelId, taskId, eventType, callbackTs, payload}} to the task's NotifyUrl,
 * exactly as given (its query included), and, when the task has a NotifyAuthKey, the headers
 * {@code ALI-LIVE-TIMESTAMP} (Unix seconds) and {@code ALI-LIVE-SIGNATURE = lowerhex(md5(timestamp|NotifyAuthKey))}:
 * that page signs the timestamp and the key only, unlike the live stream callbacks, which sign a domain too.
 */
final class RecordingCallbackSender implements AutoCloseable {

    static final String TIMESTAMP_HEADER = "ALI-LIVE-TIMESTAMP";
    static final String SIGNATURE_HEADER = "ALI-LIVE-SIGNATURE";

    private final WebhookSender webhooks;

    RecordingCallbackSender(CloudRecordingOptions options) {
        // ARTC resends only when the receiver fails (5xx) or does not answer in time
        this.webhooks = new WebhookSender("aliyun", options.callbackRetries(), options.callbackRetryDelay(),
                options.callbackTimeout()).resendingOn(status -> status == 0 || status >= 500);
    }

    /** Sends one event of a task; a task without a NotifyUrl gets none. */
    void send(Optional<URI> notifyUrl, Optional<String> notifyAuthKey, String appId, String channelId, String taskId,
              String eventType, Instant at, Record payload) {
        if (notifyUrl.isEmpty()) {
            return;
        }
        String body = EmulatorJson.write(new CallbackBody(appId, channelId, taskId, eventType, at.toEpochMilli(),
                payload == null ? "{}" : EmulatorJson.write(payload)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        notifyAuthKey.ifPresent(key -> {
            String timestamp = Long.toString(at.getEpochSecond());
            headers.put(TIMESTAMP_HEADER, timestamp);
            headers.put(SIGNATURE_HEADER, signature(timestamp, key));
        });
        webhooks.send(notifyUrl.get(), headers, body);
    }

    /** {@code lowerhex(md5(timestamp|key))}. */
    static String signature(String timestamp, String key) {
        return md5Hex(timestamp + "|" + key);
    }

    /** {@code lowerhex(md5(text))} of the UTF-8 text: every Aliyun callback signature is one. */
    static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JVM", e);
        }
    }

    void dropDeliveries(boolean drop) {
        webhooks.dropDeliveries(drop);
    }

    void resolve(String host, String target) {
        webhooks.resolve(host, target);
    }

    List<WebhookSender.Attempt> attempts() {
        return webhooks.attempts();
    }

    @Override
    public void close() {
        webhooks.close();
    }
}
