package io.rtcgate.emulator.aliyun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ForbidLiveStream and ResumeLiveStream did: streams barred from ingest (until a resume time or
 * for good), and streams cut once with {@code Oneshot=yes} (cut, not barred). Thread-safe.
 */
final class StreamBlacklist {

    private final Map<LiveStreamRef, ForbiddenStream> forbidden = new LinkedHashMap<>();
    private final List<LiveStreamRef> cut = new ArrayList<>();

    synchronized void forbid(LiveStreamRef stream, Optional<Instant> resumeAt) {
        forbidden.put(stream, new ForbiddenStream(stream, resumeAt));
    }

    synchronized void cutOnce(LiveStreamRef stream) {
        cut.add(stream);
    }

    synchronized void resume(LiveStreamRef stream) {
        forbidden.remove(stream);
    }

    /** The bans still in force at {@code now}. */
    synchronized List<ForbiddenStream> inForceAt(Instant now) {
        return forbidden.values().stream().filter(ban -> ban.inForceAt(now)).toList();
    }

    /** Whether a stream of this name is barred on any domain and application at {@code now}. */
    synchronized Optional<ForbiddenStream> banOn(String streamName, Instant now) {
        return inForceAt(now).stream().filter(ban -> ban.stream().streamName().equals(streamName)).findFirst();
    }

    synchronized List<LiveStreamRef> cutStreams() {
        return List.copyOf(cut);
    }
}
