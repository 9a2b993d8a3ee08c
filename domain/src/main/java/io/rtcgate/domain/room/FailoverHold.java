package io.rtcgate.domain.room;

import java.time.Instant;
import java.util.Objects;

/**
 * Why failover could not move a room off its failed vendor, since when: kept on the room (and told once in a
 * {@code vendor.switch_blocked} event) until the room moves, so operators see it and a new reason is told again.
 */
public record FailoverHold(String reason, Instant since) {

    public FailoverHold {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }
}
