package io.rtcgate.emulator.agora;

import java.time.Duration;

/**
 * One Media Pull cloud player as the emulator holds it now: its id, name ({@code null} without one), the
 * channel and uid it publishes with, its source, its state and where its media clock stands. A file's
 * {@code position} is within the file (it starts again at 0 on each repeat); a live source's is how long it
 * has been relayed. {@code volume} is Agora's 0 to 200 (100 the source's own level), {@code idleTimeout} the
 * clamped seconds of the create body.
 */
public record MediaPullPlayer(String id, String name, String region, String channel, long uid, String streamUrl, State state,
                              Duration position, int volume, int idleTimeoutSeconds) {

    /** RUNNING: in the channel and playing (or waiting for its {@code playTs}); PAUSED: in the channel, paused by an update. */
    public enum State {
        RUNNING,
        PAUSED,
        /** Played to its end, deleted, or put out of its channel by a banning rule: no longer listed, no longer in the channel. */
        ENDED
    }
}
