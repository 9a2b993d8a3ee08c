package io.rtcgate.emulator.tencent;

import java.util.Optional;

/**
 * What a test may see of an emulated cloud recording task: its id, room, robot user id, mode (1 single-stream,
 * 2 mixed), state, and why its recorder left the room once it has ({@code LeaveCode} of callback 302).
 */
public record TrtcRecordingTask(String taskId, String roomId, String userId, int recordMode, State state,
                                Optional<Integer> leaveCode) {

    /**
     * DescribeCloudRecording's {@code Status}: {@code Idle} while nobody publishes, {@code InProgress} while
     * someone does, {@code Exited} for a while after the task ended; then the task is gone.
     */
    public enum State {
        IDLE("Idle"),
        IN_PROGRESS("InProgress"),
        EXITED("Exited"),
        GONE(null);

        private final String status;

        State(String status) {
            this.status = status;
        }

        /** The {@code Status} string DescribeCloudRecording answers; none for a task that is gone. */
        String status() {
            return status;
        }
    }
}
