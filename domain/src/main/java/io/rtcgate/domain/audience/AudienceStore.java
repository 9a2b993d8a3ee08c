package io.rtcgate.domain.audience;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Port: presence per connection, shared by every node, with the {@code audience.joined} / {@code audience.left}
 * events written in the transaction that changes it. A connection counts while its node's heartbeat is within the
 * store's stale window; a user is present in a room while they have a connection there. Each change first removes
 * the room's stale connections (emitting the {@code audience.left} that is due), so joined and left alternate per
 * user and room.
 */
public interface AudienceStore extends AudienceCounter {

    /**
     * Records an opened connection (one more entry, {@code pv}); emits {@code audience.joined} when it is the
     * user's only connection in the room. A connection id already recorded is vouched for by the connection's node
     * from now on, and counts one more entry.
     *
     * @return whether the user joined with it
     */
    boolean enter(AudienceConnection connection, Instant at);

    /**
     * Removes a closed connection; emits {@code audience.left} when it was the user's last in the room.
     *
     * @return whether the user left with it; false too when the connection had been swept already
     */
    boolean leave(String connectionId, Instant at);

    /**
     * Marks the given open connections of {@code nodeId} alive at {@code at}; how many it found. Its other rows
     * (a leave that failed) go stale and are swept.
     */
    int heartbeat(String nodeId, Set<String> connectionIds, Instant at);

    /** Removes every stale connection of any node, emitting the {@code audience.left} that is due; how many. */
    int sweep(Instant at);

    /** The users with a live connection in the room, earliest arrival first, at most {@code limit}. */
    List<String> present(String roomId, int limit);
}
