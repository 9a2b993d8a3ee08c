package io.rtcgate.emulator.agora;

import java.util.Optional;

/** Whether a client got into a channel, and if not, why. */
public record JoinResult(Optional<String> refusal) {

    static JoinResult admitted() {
        return new JoinResult(Optional.empty());
    }

    static JoinResult refused(String reason) {
        return new JoinResult(Optional.of(reason));
    }

    public boolean joined() {
        return refusal.isEmpty();
    }
}
