package io.rtcgate.emulator.aliyun;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A CDN mix task the fake holds, between CreateMixStream and DeleteMixStream: its MixStreamId, the play domain
 * it was created on, the output stream (OutputConfig's AppName and StreamName, which for co-hosting is the main
 * stream itself), its layout and inputs, the callback URL of its CallbackConfig, and whether a MixResult Success
 * has gone out for its current inputs.
 */
public record MixStreamTask(String mixStreamId, String domainName, String appName, String streamName, String layoutId,
                            String mixStreamTemplate, List<MixInput> inputs, Optional<URI> callbackUrl, Instant createdAt,
                            Instant modifiedAt, boolean mixed) {

    public MixStreamTask {
        inputs = List.copyOf(inputs);
    }

    /** The inputs other than the output stream: the streams mixed onto it. */
    public List<MixInput> guests() {
        return inputs.stream().filter(input -> !isMain(input.stream())).toList();
    }

    /** Whether {@code stream} is this task's output (main) stream, on any domain. */
    public boolean isMain(LiveStreamRef stream) {
        return stream.appName().equals(appName) && stream.streamName().equals(streamName);
    }
}
