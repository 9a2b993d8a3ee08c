package io.rtcgate.emulator.agora;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtcgate.emulator.Digests;
import io.rtcgate.emulator.EmulatorJson;
import io.rtcgate.emulator.WebhookSender;
import io.rtcgate.emulator.agora.CloudRecordingBodies.Notice;
import io.rtcgate.emulator.agora.CloudRecordingBodies.NoticePayload;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Agora's message notification service (NCS, vendors.md §1.5, §4.1) as the emulator plays it for the RTC
 * channel events (productId 1), cloud recording (productId 3), Media Pull (productId 4) and Media Push (productId 5):
 * each event is posted as {@code {noticeId, productId,
 * eventType, notifyMs, payload}}, signed
 * over the exact bytes sent with {@code Agora-Signature} (hex HMAC-SHA1) and {@code Agora-Signature-V2} (hex
 * HMAC-SHA256) of the project's Notifications secret, and sent again, up to 3 times, while the receiver does
 * not answer. Nothing is sent until a receiver is set. Thread-safe.
 */
final class AgoraNotifications implements AutoCloseable {

    /** The cloud recording events the emulator sends: Agora's eventType, the module that reports it, its msgName. */
    enum RecordingEvent {
        FILE_INFOS(4, Module.SERVICE, "cloud_recording_file_infos"),
        SESSION_EXIT(11, Module.SERVICE, "session_exit"),
        UPLOADED(31, Module.UPLOADER, "uploaded"),
        BACKUPED(32, Module.UPLOADER, "backuped"),
        UPLOADING_PROGRESS(33, Module.UPLOADER, "uploading_progress"),
        RECORDER_STARTED(40, Module.RECORDER, "recorder_started");

        final int eventType;
        final int serviceType;
        final String msgName;

        RecordingEvent(int eventType, Module module, String msgName) {
            this.eventType = eventType;
            this.serviceType = module.serviceType;
            this.msgName = msgName;
        }
    }

    /**
     * The Media Pull events of Agora's reference (doc.shengwang.cn/doc/media-pull/restful/webhook/ncs-events,
     * docs.agora.io/en/media-pull/reference/ncs-events): 1 Player Created, 3 Player Destroyed, 4 Player Status
     * Changed. Their payloads are {@link MediaPullBodies}' notice records. The reference's request body table also
     * lists {@code appId}; the emulator leaves it out, as it does for cloud recording.
     */
    enum MediaPullEvent {
        PLAYER_CREATED(1), PLAYER_DESTROYED(3), PLAYER_STATUS_CHANGED(4);

        final int eventType;

        MediaPullEvent(int eventType) {
            this.eventType = eventType;
        }
    }

    /**
     * The Media Push events of Agora's reference (docs-portal {@code media-push/build/receive-notifications.md}):
     * 1 Converter created, 2 Converter configuration changed, 3 Converter status changed, 4 Converter destroyed.
     */
    enum MediaPushEvent {
        CONVERTER_CREATED(1), CONVERTER_UPDATED(2), CONVERTER_STATE_CHANGED(3), CONVERTER_DESTROYED(4);

        final int eventType;

        MediaPushEvent(int eventType) {
            this.eventType = eventType;
        }
    }

    /**
     * The RTC channel events (productId 1, vendors.md §1.5; docs-portal {@code api-ref/rtc/channel-event-types.mdx})
     * the emulator sends: channel create and destroy, broadcaster, audience and communication user join and leave,
     * and the role changes.
     */
    enum ChannelEvent {
        CHANNEL_CREATE(101), CHANNEL_DESTROY(102), BROADCASTER_JOIN(103), BROADCASTER_LEAVE(104), AUDIENCE_JOIN(105),
        AUDIENCE_LEAVE(106), USER_JOIN(107), USER_LEAVE(108), ROLE_TO_BROADCASTER(111), ROLE_TO_AUDIENCE(112);

        final int eventType;

        ChannelEvent(int eventType) {
            this.eventType = eventType;
        }
    }

    /** The payload's {@code serviceType}: which part of cloud recording reports the event. */
    private enum Module {
        SERVICE(0), RECORDER(1), UPLOADER(2);

        final int serviceType;

        Module(int serviceType) {
            this.serviceType = serviceType;
        }
    }

    /** The task an event is about, as the payload names it. */
    record Subject(String cname, String uid, String sid) {
    }

    /** Cloud recording's productId. */
    static final int CLOUD_RECORDING = 3;
    /** Media Pull's ("Cloud Player") productId. */
    static final int MEDIA_PULL = 4;
    /** Media Push's ("RTMP converter") productId. */
    static final int MEDIA_PUSH = 5;
    /** The RTC service's productId, whose channel events name the session in the envelope's {@code sid}. */
    static final int RTC = 1;
    /** NCS gives up after three resends. */
    static final int RETRIES = 3;
    /** The receiver must answer within 10 s. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private record Receiver(URI url, String secret, WebhookSender sender) {
    }

    private final Clock clock;
    private Receiver receiver;
    private boolean dropping;
    private boolean holding;

    AgoraNotifications(Clock clock) {
        this.clock = clock;
    }

    /** Sends every later event to {@code url}, signed with {@code secret}; the first resend waits {@code retryDelay}. */
    synchronized void deliverTo(URI url, String secret, Duration retryDelay) {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("notifications go to an absolute http(s) URL, not " + url);
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("notifications are signed with a secret; it must not be blank");
        }
        if (retryDelay == null || retryDelay.isNegative()) {
            throw new IllegalArgumentException("the retry delay must be zero or positive, not " + retryDelay);
        }
        close();
        // NCS takes only a 200 as an answer: any other status is sent again
        WebhookSender sender = new WebhookSender("agora", RETRIES, retryDelay, ANSWER_TIMEOUT).resendingOn(status -> status != 200);
        sender.dropDeliveries(dropping);
        sender.holdDeliveries(holding);
        receiver = new Receiver(url, secret, sender);
    }

    /** While on, notifications wait; turned off, they go out in order. */
    synchronized void hold(boolean hold) {
        holding = hold;
        if (receiver != null) {
            receiver.sender().holdDeliveries(hold);
        }
    }

    /** While on, every notification is lost on the way (NCS does not guarantee delivery). */
    synchronized void drop(boolean drop) {
        dropping = drop;
        if (receiver != null) {
            receiver.sender().dropDeliveries(drop);
        }
    }

    /** Every try of every notification since the receiver was set, oldest first. */
    synchronized List<WebhookSender.Attempt> attempts() {
        return receiver == null ? List.of() : receiver.sender().attempts();
    }

    /** Posts one event of {@code task}'s, the task's {@code sequence}-th, that happened at {@code happenedAt}. */
    synchronized void send(Subject task, long sequence, RecordingEvent event, Instant happenedAt, Record details) {
        if (receiver == null) {
            return;
        }
        ObjectNode namedDetails = EmulatorJson.mapper().createObjectNode().put("msgName", event.msgName);
        namedDetails.setAll((ObjectNode) EmulatorJson.mapper().valueToTree(details));
        post(CLOUD_RECORDING, event.eventType, new NoticePayload(task.cname(), task.uid(), task.sid(), sequence,
                happenedAt.toEpochMilli(), event.serviceType, namedDetails));
    }

    /** Posts one Media Pull event with its payload, which says itself when it happened ({@code lts}). */
    synchronized void send(MediaPullEvent event, Record payload) {
        if (receiver != null) {
            post(MEDIA_PULL, event.eventType, payload);
        }
    }

    /** Posts one Media Push event with its payload, which says itself when it happened ({@code lts}). */
    synchronized void send(MediaPushEvent event, Object payload) {
        if (receiver != null) {
            post(MEDIA_PUSH, event.eventType, payload);
        }
    }

    /** Posts one RTC channel event of the session {@code sid}, the envelope carrying it as RTC events do. */
    synchronized void send(ChannelEvent event, String sid, Object payload) {
        if (receiver != null) {
            String body = EmulatorJson.write(new ChannelNotice(UUID.randomUUID().toString(), RTC, event.eventType, clock.millis(),
                    sid, payload));
            receiver.sender().send(receiver.url(), headers(receiver.secret(), body), body);
        }
    }

    /** An RTC channel event's envelope: as every product's, with the session id {@code sid} before the payload. */
    private record ChannelNotice(String noticeId, int productId, int eventType, long notifyMs, String sid, Object payload) {
    }

    private void post(int productId, int eventType, Object payload) {
        String body = EmulatorJson.write(new Notice(UUID.randomUUID().toString(), productId, eventType, clock.millis(), payload));
        receiver.sender().send(receiver.url(), headers(receiver.secret(), body), body);
    }

    /** The headers of a notification whose body is {@code body}: both signatures over its UTF-8 bytes. */
    static Map<String, String> headers(String secret, String body) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        return Map.of(
                "Content-Type", "application/json",
                "Agora-Signature", Digests.hex(Digests.hmacSha1(key, body)),
                "Agora-Signature-V2", Digests.hex(Digests.hmacSha256(key, body)));
    }

    @Override
    public synchronized void close() {
        if (receiver != null) {
            receiver.sender().close();
            receiver = null;
        }
    }
}
