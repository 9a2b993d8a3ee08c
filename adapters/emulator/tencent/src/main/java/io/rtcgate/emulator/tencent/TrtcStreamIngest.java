package io.rtcgate.emulator.tencent;

import java.time.Duration;

/**
 * What a test may see of an emulated stream ingest task: its id, room, robot user id, source, state, volume and
 * where it is in its source: for a file, the position in the file (its length once it played to its end); for a
 * live stream, how long it has relayed.
 */
public record TrtcStreamIngest(String taskId, String roomId, String userId, String streamUrl, State state, Duration position,
                               int volume) {

    public enum State {
        /** Pulling the source and publishing it in the room. */
        RUNNING,
        /** Paused by UpdateStreamIngest: in the room, publishing nothing, its position still. */
        PAUSED,
        /** Played to its end, stopped, destroyed after a long pause, or its room or robot gone. */
        ENDED
    }
}
