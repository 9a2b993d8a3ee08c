package io.rtcgate.emulator.tencent;

import java.time.Duration;
import java.util.Optional;

/**
 * A StartStreamIngest the emulator accepted: the room and robot, the source, where a file starts, how many times
 * it plays ({@code -1} for ever), the longest a forever-looping task plays, the volume and the tempo.
 */
record TrtcIngestRequest(String roomId, String userId, TrtcMediaSource source, Duration seek, int repeat,
                         Optional<Duration> maxDuration, int volume, double tempo) {

    static final int FOREVER = -1;
}
