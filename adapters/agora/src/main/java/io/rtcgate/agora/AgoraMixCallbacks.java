package io.rtcgate.agora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.agora.AgoraNotificationJson.ChannelUserPayload;
import io.rtcgate.agora.AgoraNotificationJson.MediaPushPayload;
import io.rtcgate.agora.AgoraNotificationJson.Notification;
import io.rtcgate.agora.AgoraNotificationJson.PushedConverter;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.callback.VerifiedCallback;
import io.rtcgate.domain.cohost.MixCallbacks;
import io.rtcgate.domain.cohost.MixNotice;
import io.rtcgate.domain.cohost.MixResultCode;
import io.rtcgate.domain.vendor.NumericUidRegistry;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.Optional;

/**
 * Agora's mixing news, read from the notifications {@link AgoraRecordingCallbacks} already verified at
 * {@code /callbacks/agora} (NCS posts every product's events there, so Agora has no mix endpoint of its own and
 * {@link #verify} is unsupported).
 *
 * <p>RTC channel events (productId 1, vendors.md §1.5) say whether the main stream can be mixed: 103 broadcaster join
 * and 111 role change to broadcaster are {@link MixNotice.Type#AVAILABLE} for that user, 104 broadcaster leave and 112
 * role change to audience {@link MixNotice.Type#UNAVAILABLE}; the co-host session decides whether the user is its
 * anchor. The payload's {@code uid} is Agora's number: it is read back into the gateway user through the uid
 * registry, and a uid the registry never handed out (a recorder, a client that joined under a number of its own) is
 * nobody the gateway mixes, so it reads as empty. Audience and communication-profile events read as empty too: Media
 * Push wants a live broadcasting channel, where a stream to mix is a broadcaster's.
 *
 * <p>Media Push events (productId 5, docs-portal {@code media-push/build/receive-notifications.md}) are the
 * converter's state, the task's result:
 * <ul>
 *   <li>1 Converter created, 2 configuration changed and 3 status changed, by {@code converter.state}: {@code running}
 *       is {@link MixResultCode#SUCCESS} (the mixed picture is being pushed), {@code failed} is
 *       {@link MixResultCode#INTERNAL_ERROR} (the push failed at Agora or the CDN: retry, or stop), {@code connecting}
 *       says nothing yet and reads as empty;</li>
 *   <li>4 Converter destroyed, by {@code destroyReason}: {@code Delete Request} is the gateway's own stop, after which
 *       no result should come (seed 002), so empty; {@code Idle Timeout} means every user it mixed left the channel
 *       for its idle timeout, the main stream among them: {@link MixResultCode#MAIN_STREAM_NOT_EXIST}, wait for the
 *       anchor; {@code Internal Error} and any other reason: {@link MixResultCode#INTERNAL_ERROR}.</li>
 * </ul>
 * Only 1 and 2 name the channel ({@code transcodeOptions.rtcChannel}); 3 and 4 name the converter alone, whose channel
 * comes from {@link AgoraMixChannels}, filled by the mixer and by 1 and 2, when this node saw it; otherwise the result
 * names the task alone ({@link MixNotice#ofTask}) and the gateway finds the mix running it. The event's time is the payload's
 * {@code lts} (ms; RTC events: {@code ts}, s), else the envelope's {@code notifyMs}. Cloud recording and Media Pull
 * read as empty. A delivery of a product this reads that it cannot read throws {@link IllegalArgumentException} naming
 * the field: it passed verification, so the inbox keeps it, with the failure, rather than losing it.
 */
public final class AgoraMixCallbacks implements MixCallbacks {

    static final int RTC = 1;
    static final int MEDIA_PUSH = 5;
    private static final int BROADCASTER_JOIN = 103;
    private static final int BROADCASTER_LEAVE = 104;
    private static final int ROLE_TO_BROADCASTER = 111;
    private static final int ROLE_TO_AUDIENCE = 112;
    private static final int CONVERTER_CREATED = 1;
    private static final int CONVERTER_UPDATED = 2;
    private static final int CONVERTER_STATE_CHANGED = 3;
    private static final int CONVERTER_DESTROYED = 4;
    private static final String RUNNING = "running";
    private static final String FAILED = "failed";
    private static final String DELETE_REQUEST = "Delete Request";
    private static final String IDLE_TIMEOUT = "Idle Timeout";

    private final NumericUidRegistry uids;
    private final AgoraMixChannels channels;

    AgoraMixCallbacks(NumericUidRegistry uids, AgoraMixChannels channels) {
        this.uids = uids;
        this.channels = channels;
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    /** Agora has no mix endpoint: its notifications reach {@code /callbacks/agora}, verified by {@link AgoraRecordingCallbacks}. */
    @Override
    public VerifiedCallback verify(CallbackRequest request, Instant now) {
        throw new UnsupportedOperationException("Agora's mixing news arrive with every other notification at /callbacks/agora "
                + "and are verified there by the recording callbacks (Agora-Signature-V2)");
    }

    @Override
    public Optional<MixNotice> read(CallbackRequest request) {
        Notification notification = AgoraRecordingCallbacks.envelope(request.body());
        return switch (notification.productId()) {
            case RTC -> channelEvent(notification);
            case MEDIA_PUSH -> converterEvent(notification);
            default -> Optional.empty(); // cloud recording, media pull
        };
    }

    // ---- RTC channel events ----

    private Optional<MixNotice> channelEvent(Notification notification) {
        int type = notification.eventType();
        boolean available = type == BROADCASTER_JOIN || type == ROLE_TO_BROADCASTER;
        if (!available && type != BROADCASTER_LEAVE && type != ROLE_TO_AUDIENCE) {
            return Optional.empty();
        }
        String where = "RTC channel event (productId 1)";
        ChannelUserPayload payload = bind(notification.payload(), ChannelUserPayload.class, where);
        String channel = Optional.ofNullable(payload.channelName()).filter(name -> !name.isEmpty())
                .orElseThrow(() -> unreadable("payload.channelName", "is required", where));
        Long uid = Optional.ofNullable(payload.uid()).orElseThrow(() -> unreadable("payload.uid", "is required", where));
        Instant reportedAt = payload.ts() != null ? Instant.ofEpochSecond(payload.ts()) : Instant.ofEpochMilli(notification.notifyMs());
        return uids.userFor(uid).map(user -> MixNotice.ofChannel(channel, user, available, reportedAt));
    }

    // ---- Media Push events ----

    private Optional<MixNotice> converterEvent(Notification notification) {
        String where = "Media Push notification (productId 5)";
        MediaPushPayload payload = bind(notification.payload(), MediaPushPayload.class, where);
        PushedConverter converter = Optional.ofNullable(payload.converter())
                .orElseThrow(() -> unreadable("payload.converter", "is required", where));
        String id = Optional.ofNullable(converter.id()).filter(value -> !value.isBlank())
                .orElseThrow(() -> unreadable("payload.converter.id", "is required", where));
        Optional<String> namedChannel = Optional.ofNullable(converter.transcodeOptions())
                .map(options -> options.path("rtcChannel")).filter(JsonNode::isTextual).map(JsonNode::textValue)
                .filter(name -> !name.isEmpty());
        namedChannel.ifPresent(channel -> channels.remember(id, channel));
        Instant reportedAt = Instant.ofEpochMilli(payload.lts() != null ? payload.lts() : notification.notifyMs());
        int type = notification.eventType();
        Optional<MixResultCode> code;
        String message;
        switch (type) {
            case CONVERTER_CREATED, CONVERTER_UPDATED, CONVERTER_STATE_CHANGED -> {
                String state = Optional.ofNullable(converter.state())
                        .orElseThrow(() -> unreadable("payload.converter.state", "is required", where));
                code = state.equals(RUNNING) ? Optional.of(MixResultCode.SUCCESS)
                        : state.equals(FAILED) ? Optional.of(MixResultCode.INTERNAL_ERROR) : Optional.empty();
                message = "media-push " + type + " converter " + state;
            }
            case CONVERTER_DESTROYED -> {
                String reason = Optional.ofNullable(payload.destroyReason())
                        .orElseThrow(() -> unreadable("payload.destroyReason", "is required", where));
                code = reason.equals(DELETE_REQUEST) ? Optional.empty()
                        : reason.equals(IDLE_TIMEOUT) ? Optional.of(MixResultCode.MAIN_STREAM_NOT_EXIST)
                        : Optional.of(MixResultCode.INTERNAL_ERROR);
                message = "media-push 4 converter destroyed (" + reason + ")";
            }
            default -> {
                return Optional.empty();
            }
        }
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> channel = namedChannel.or(() -> channels.channelOf(id));
        // a converter whose channel this node did not see: the gateway finds the mix by its task alone
        return Optional.of(channel.map(known -> MixNotice.taskResult(known, id, code.get(), message, reportedAt))
                .orElseGet(() -> MixNotice.ofTask(id, code.get(), message, reportedAt)));
    }

    // ---- binding, with the field named ----

    private static <T> T bind(JsonNode payload, Class<T> type, String where) {
        if (payload == null || !payload.isObject()) {
            throw unreadable("payload", "must be an object", where);
        }
        try {
            return AgoraJson.MAPPER.treeToValue(payload, type);
        } catch (JsonMappingException e) {
            throw unreadable(AgoraRecordingCallbacks.fieldOf(e, "payload"), "has the wrong type", where);
        } catch (JsonProcessingException e) {
            throw unreadable("payload", "is malformed", where);
        }
    }

    private static IllegalArgumentException unreadable(String field, String problem, String where) {
        return new IllegalArgumentException(field + " " + problem + " in an Agora " + where);
    }
}
