package io.rtcgate.emulator.tencent;

import java.time.Instant;

/**
 * One cloud recording event (callback group 3) as it happened: its type, the task, the room, the robot's
 * user id, when, and the type's {@code Payload} (a record of {@link TrtcCallbackBodies}).
 */
record TrtcRecordingEvent(int type, String taskId, String roomId, boolean stringRoom, String userId, Instant at,
                          Object payload) implements TrtcCallbackEvent {

    static final int RECORDER_START = 301;
    static final int RECORDER_STOP = 302;
    static final int UPLOAD_START = 303;
    static final int FILE_INFO = 304;
    static final int UPLOAD_STOP = 305;
    static final int FILE_SLICE = 307;
    static final int MP4_STOP = 310;

    @Override
    public String body(Instant sentAt) {
        return TrtcCallbackBodies.body(this, sentAt);
    }
}
