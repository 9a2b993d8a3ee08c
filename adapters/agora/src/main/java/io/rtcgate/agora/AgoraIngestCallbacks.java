package io.rtcgate.agora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtcgate.agora.AgoraNotificationJson.CloudPlayer;
import io.rtcgate.agora.AgoraNotificationJson.MediaPullPayload;
import io.rtcgate.agora.AgoraNotificationJson.Notification;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.ingest.IngestCallbacks;
import io.rtcgate.domain.ingest.IngestNotice;
import io.rtcgate.domain.ingest.IngestNotice.Event;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.Optional;

/**
 * Agora's Media Pull notifications (NCS productId 4, "Cloud Player"; doc.shengwang.cn/doc/media-pull/restful/webhook/
 * ncs-events, docs.agora.io/en/media-pull/reference/ncs-events), read from deliveries {@link AgoraRecordingCallbacks}
 * already verified at {@code /callbacks/agora}. The task is the player: its {@code payload.player.id}.
 *
 * <ul>
 *   <li>1 Player Created: STARTED (its status is {@code connecting}: Agora took the player and pulls the source);</li>
 *   <li>3 Player Destroyed, by its {@code destroyReason}: {@code "Internal Error"} (a channel error, such as an invalid
 *       or expired token) is FAILED; {@code "Delete Request"} and {@code "Idle Timeout"} (nothing played for
 *       {@code idleTimeout}, which is also how a file that played to its end goes) are ENDED;</li>
 *   <li>4 Player Status Changed: FAILED for {@code failed} (the source cannot be reached or played), else PROGRESS
 *       ({@code connecting} again, {@code running});</li>
 *   <li>any other Media Pull event: PROGRESS.</li>
 * </ul>
 * The event's time is the payload's {@code lts}, else the envelope's {@code notifyMs}. Every other product reads as
 * empty. A Media Pull notification the gateway cannot read throws {@link IllegalArgumentException} naming the field:
 * it passed verification, so the inbox keeps it, with the failure, rather than losing it.
 */
public final class AgoraIngestCallbacks implements IngestCallbacks {

    static final int MEDIA_PULL = 4;
    private static final int PLAYER_CREATED = 1;
    private static final int PLAYER_DESTROYED = 3;
    private static final int PLAYER_STATUS_CHANGED = 4;
    private static final String INTERNAL_ERROR = "Internal Error";
    private static final String FAILED = "failed";

    AgoraIngestCallbacks() {
    }

    @Override
    public Vendor vendor() {
        return Vendor.AGORA;
    }

    @Override
    public Optional<IngestNotice> read(CallbackRequest request) {
        Notification notification = AgoraRecordingCallbacks.envelope(request.body());
        if (notification.productId() != MEDIA_PULL) {
            return Optional.empty(); // cloud recording, RTC channel events, media push
        }
        MediaPullPayload payload = payload(notification.payload());
        CloudPlayer player = Optional.ofNullable(payload.player()).orElseThrow(() -> unreadable("payload.player", "is required"));
        String taskId = Optional.ofNullable(player.id()).filter(id -> !id.isBlank())
                .orElseThrow(() -> unreadable("payload.player.id", "is required"));
        Instant reportedAt = Instant.ofEpochMilli(payload.lts() != null ? payload.lts() : notification.notifyMs());
        int type = notification.eventType();
        return Optional.of(switch (type) {
            case PLAYER_CREATED -> new IngestNotice(Event.STARTED, taskId, Optional.empty(), reportedAt, "media-pull 1 player created");
            case PLAYER_DESTROYED -> {
                String reason = Optional.ofNullable(payload.destroyReason())
                        .orElseThrow(() -> unreadable("payload.destroyReason", "is required"));
                yield outcome(taskId, reportedAt, "media-pull 3 player destroyed (" + reason + ")", Event.ENDED,
                        reason.equals(INTERNAL_ERROR) ? Optional.of(new JobFailure("3/" + reason, "Agora destroyed the cloud "
                                + "player on a channel error (Internal Error), such as an invalid or expired token")) : Optional.empty());
            }
            case PLAYER_STATUS_CHANGED -> {
                String status = Optional.ofNullable(player.status()).filter(value -> value.isTextual() || value.isNumber())
                        .orElseThrow(() -> unreadable("payload.player.status", "is required, a string")).asText();
                yield outcome(taskId, reportedAt, "media-pull 4 player status changed (" + status + ")", Event.PROGRESS,
                        status.equals(FAILED) ? Optional.of(new JobFailure("4/" + status, "Agora's cloud player cannot reach the "
                                + "source or cannot play it (status failed)")) : Optional.empty());
            }
            default -> new IngestNotice(Event.PROGRESS, taskId, Optional.empty(), reportedAt, "media-pull eventType " + type);
        });
    }

    /** FAILED with {@code failure} when there is one, else {@code otherwise}. */
    private static IngestNotice outcome(String taskId, Instant reportedAt, String vendorEvent, Event otherwise,
                                        Optional<JobFailure> failure) {
        return new IngestNotice(failure.isPresent() ? Event.FAILED : otherwise, taskId, failure, reportedAt, vendorEvent);
    }

    private static MediaPullPayload payload(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw unreadable("payload", "must be an object");
        }
        try {
            return AgoraJson.MAPPER.treeToValue(payload, MediaPullPayload.class);
        } catch (JsonMappingException e) {
            throw unreadable(AgoraRecordingCallbacks.fieldOf(e, "payload"), "has the wrong type");
        } catch (JsonProcessingException e) {
            throw unreadable("payload", "is malformed");
        }
    }

    private static IllegalArgumentException unreadable(String field, String problem) {
        return new IllegalArgumentException(field + " " + problem + " in an Agora Media Pull notification (productId 4)");
    }
}
