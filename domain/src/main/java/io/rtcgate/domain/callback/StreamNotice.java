package io.rtcgate.domain.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a stream callback says, in the gateway's words: a stream went up or down. {@code relay} is set when
 * the stream is an RTC channel's relay to the CDN (a co-host's bypass stream): the channel and the user
 * whose media it carries. {@code reportedAt} is the vendor's time of the event.
 */
public record StreamNotice(Action action, String streamName, Optional<Relay> relay, Instant reportedAt) {

    public enum Action { PUBLISHED, INTERRUPTED }

    /** The RTC channel a relayed stream comes from, and whose media it carries. */
    public record Relay(String channel, String userId) {

        public Relay {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(userId, "userId");
        }
    }

    public StreamNotice {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
