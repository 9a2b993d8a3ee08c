package io.rtcgate.domain.interaction;

import io.rtcgate.domain.room.RoomEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: who may not comment in which room. Every change is written with its event in one transaction. */
public interface MuteStore {

    /** Mutes the user until the mute's end, replacing any earlier mute of them in the room. */
    void muteMember(Mute mute);

    /**
     * Lifts the user's mute if it is still active at {@code unmuted.at()}, writing {@code unmuted}; an expired
     * mute is only removed.
     *
     * @return whether an active mute was lifted
     */
    boolean unmuteMember(String roomId, String userId, RoomEvent unmuted);

    /** The user's mute in the room that is active at {@code now}. */
    Optional<Mute> activeMute(String roomId, String userId, Instant now);

    /** The room's mutes active at {@code now}, the longest-lasting first. */
    List<Mute> activeMutes(String roomId, Instant now);

    /**
     * Mutes the whole room ({@code muted}) or lifts that, writing {@code event} only when the state changes.
     *
     * @return whether it changed
     */
    boolean setRoomMuted(String roomId, boolean muted, RoomEvent event);

    boolean roomMuted(String roomId);
}
