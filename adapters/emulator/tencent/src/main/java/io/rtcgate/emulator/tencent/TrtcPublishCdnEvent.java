package io.rtcgate.emulator.tencent;

import java.time.Instant;

/**
 * One relay to CDN event (callback group 4, trtc.io/document/54913) as it happened: 401
 * {@code EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS} of a task's push to one CDN URL. The page's example has {@code Status}
 * 2, pushing to the CDN; the statuses follow the TRTC SDK's relay states (0 not started or ended, 1 connecting,
 * 2 pushing, 3 reconnecting, 4 failed). The emulator sends 2 when a task starts and 0 when it ends, for each of its
 * URLs, and 4 when a test makes its CDN fail.
 */
record TrtcPublishCdnEvent(String taskId, String roomId, boolean stringRoom, String robotUserId, String url, int status, Instant at)
        implements TrtcCallbackEvent {

    static final int CDN_STATUS = 401;
    static final int ENDED = 0;
    static final int PUSHING = 2;
    static final int FAILED = 4;

    @Override
    public String body(Instant sentAt) {
        return TrtcCallbackBodies.body(this, sentAt);
    }
}
