package io.rtcgate.emulator.agora;

/** What a test may see of an emulated cloud recording task. */
public record CloudRecordingTask(String sid, String resourceId, String channel, long uid, String mode, State state) {

    /** Running, stopped by a stop call, or exited by itself (the channel stayed empty for its idle time). */
    public enum State {
        RUNNING,
        STOPPED,
        EXITED
    }
}
