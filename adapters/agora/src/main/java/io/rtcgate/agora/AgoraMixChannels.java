package io.rtcgate.agora;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The channel of each Media Push converter this node knows, by converter id. Agora's Converter status changed and
 * Converter destroyed notifications name only the converter, while a mix notice names the channel: the mixer
 * records the channel of each converter it creates, adopts or updates, and the mix callbacks that of each Converter
 * created or configuration changed notification (which carry {@code transcodeOptions.rtcChannel}). Bounded, the
 * least recently used forgotten first, so a long-running node does not grow without end. Thread-safe.
 */
final class AgoraMixChannels {

    /** Far more converters than one gateway node mixes at once. */
    static final int CAPACITY = 10_000;

    private final Map<String, String> channels = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void remember(String converterId, String channel) {
        channels.put(converterId, channel);
    }

    synchronized Optional<String> channelOf(String converterId) {
        return Optional.ofNullable(channels.get(converterId));
    }
}
