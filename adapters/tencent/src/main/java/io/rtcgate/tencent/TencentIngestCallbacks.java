package io.rtcgate.tencent;

import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.ingest.IngestCallbacks;
import io.rtcgate.domain.ingest.IngestNotice;
import io.rtcgate.domain.ingest.IngestNotice.Event;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.tencent.TencentRecordingCallbacks.Delivery;
import io.rtcgate.tencent.TencentRecordingCallbacks.EventInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * TRTC's stream ingest callbacks, event group 7 ("输入在线媒体流回调", cloud.tencent.com/document/product/647/102825;
 * trtc.io/document/62717), read from deliveries {@link TencentRecordingCallbacks} already verified at the same
 * endpoint: {@code {"EventGroupId":7,"EventType":701,"CallbackMsTs":<ms>,"EventInfo":{"EventMsTs":<ms>,
 * "TaskId":"...","Status":0}}}.
 *
 * <p>701 {@code EVENT_TYPE_STREAM_INGEST_START} by its {@code Status}: 0 start success is STARTED, 1 start failure
 * FAILED, 2 start again (TRTC retrying at 0, 1 and 3 s, or restarting after a network hiccup) PROGRESS. 702
 * {@code EVENT_TYPE_STREAM_INGEST_STOP} (its one documented {@code Status}, 0, is a stop that succeeded) is ENDED,
 * whatever ended the task. Tencent may deliver them out of order, which is why each notice carries
 * {@code EventMsTs}. Every other event group reads as empty.
 *
 * <p>A group-7 body the gateway cannot read (no {@code TaskId}, a 701 without {@code Status}) throws
 * {@link IllegalArgumentException} naming the field: it passed verification, so it is Tencent's and must not be
 * dropped quietly; the inbox keeps it, with the failure, for another try.
 */
public final class TencentIngestCallbacks implements IngestCallbacks {

    static final int STREAM_INGEST = 7;
    private static final int START = 701;
    private static final int STOP = 702;
    private static final int START_SUCCESS = 0;
    private static final int START_FAILURE = 1;
    private static final int START_AGAIN = 2;

    TencentIngestCallbacks() {
    }

    @Override
    public Vendor vendor() {
        return Vendor.TENCENT;
    }

    @Override
    public Optional<IngestNotice> read(CallbackRequest request) {
        Delivery delivery = TencentRecordingCallbacks.parse(request.body());
        if (delivery.eventGroupId() != STREAM_INGEST) {
            return Optional.empty(); // recording, room and media events: other readers' business
        }
        EventInfo info = delivery.eventInfo();
        String taskId = Optional.ofNullable(info.taskId()).filter(id -> !id.isBlank())
                .orElseThrow(() -> unreadable("EventInfo.TaskId"));
        // EventMsTs orders the events; without it the send time is the best there is.
        Instant reportedAt = Instant.ofEpochMilli(info.eventMsTs() != null ? info.eventMsTs() : delivery.sentAtMillis());
        int type = delivery.eventType();
        return Optional.of(switch (type) {
            case START -> started(taskId, reportedAt, Optional.ofNullable(info.status())
                    .orElseThrow(() -> unreadable("EventInfo.Status")));
            case STOP -> new IngestNotice(Event.ENDED, taskId, Optional.empty(), reportedAt, STOP + " stop");
            default -> new IngestNotice(Event.PROGRESS, taskId, Optional.empty(), reportedAt, "EventType " + type);
        });
    }

    private static IngestNotice started(String taskId, Instant reportedAt, int status) {
        return switch (status) {
            case START_SUCCESS -> new IngestNotice(Event.STARTED, taskId, Optional.empty(), reportedAt, START + " start success");
            case START_FAILURE -> new IngestNotice(Event.FAILED, taskId,
                    Optional.of(new JobFailure(START + "/" + status, "TRTC could not start pulling the source into the room "
                            + "(STATUS_START_FAILURE): check that the source URL plays")),
                    reportedAt, START + " start failure");
            case START_AGAIN -> new IngestNotice(Event.PROGRESS, taskId, Optional.empty(), reportedAt, START + " start again");
            // Undocumented: news of a start, not a verdict on it.
            default -> new IngestNotice(Event.PROGRESS, taskId, Optional.empty(), reportedAt, START + " status " + status);
        };
    }

    private static IllegalArgumentException unreadable(String field) {
        return new IllegalArgumentException(field + " is required in a TRTC stream ingest callback (EventGroupId 7)");
    }
}
