package io.rtcgate.domain.recording;

/** Where a vendor's recording task is, as its query reports it. */
public enum TaskState {
    /** Accepted; the recorder is joining or its components are starting. */
    STARTING,
    /** Recording the channel. */
    RECORDING,
    /** Asked to stop, still finishing and uploading. */
    STOPPING,
    /** Stopped and exited normally. */
    ENDED,
    /** Exited abnormally. */
    FAILED,
    /** The vendor no longer knows the task (it ended long enough ago, or never existed). */
    GONE
}
