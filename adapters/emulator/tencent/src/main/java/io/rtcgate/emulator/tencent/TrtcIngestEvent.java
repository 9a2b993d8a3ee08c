package io.rtcgate.emulator.tencent;

import java.time.Instant;

/**
 * One stream ingest event (callback group 7) as it happened: its type, the task, when, and its {@code Status}.
 *
 * <p>Tencent's page (cloud.tencent.com/document/product/647/102825, trtc.io/document/62717) documents 701
 * {@code EVENT_TYPE_STREAM_INGEST_START} with {@code Status} 0 start success (sent once), 1 start failure (once)
 * and 2 start again (at the 0th, 1st and 3rd second of a retry), and 702 {@code EVENT_TYPE_STREAM_INGEST_STOP}
 * with {@code Status} 0 stop success, its only value. The emulator's sources always play, so it sends 701 with
 * status 0 when a task starts and 702 with status 0 whenever a task ends.
 */
record TrtcIngestEvent(int type, String taskId, Instant at, int status) implements TrtcCallbackEvent {

    static final int START = 701;
    static final int STOP = 702;
    static final int START_SUCCESS = 0;
    static final int STOP_SUCCESS = 0;

    @Override
    public String body(Instant sentAt) {
        return TrtcCallbackBodies.body(this, sentAt);
    }
}
