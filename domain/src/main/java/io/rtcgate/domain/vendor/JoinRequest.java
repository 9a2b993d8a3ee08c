package io.rtcgate.domain.vendor;

import java.time.Duration;
import java.util.Objects;

/** A user asks to enter a channel in a role, for a while. */
public record JoinRequest(String channel, String userId, ParticipantRole role, Duration ttl) {

    public JoinRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(ttl, "ttl");
    }
}
