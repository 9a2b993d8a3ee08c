package io.rtcgate.domain.audience;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The audience of rooms as this gateway node serves it: a viewer who opens a room's events enters the room and
 * leaves when the connection closes. The node vouches for its connections with a heartbeat; connections of a node
 * that stopped beating stop counting once stale, and any node's sweep removes them.
 */
public final class Audience {

    private final AudienceStore store;
    private final String nodeId;
    private final Supplier<String> connectionIds;
    private final Clock clock;
    private final Set<String> open = ConcurrentHashMap.newKeySet();

    public Audience(AudienceStore store, String nodeId, Supplier<String> connectionIds, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.connectionIds = Objects.requireNonNull(connectionIds, "connectionIds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code userId} opened a connection to {@code roomId}'s events on this node. */
    public AudienceConnection enter(String roomId, String userId) {
        AudienceConnection connection = new AudienceConnection(connectionIds.get(), roomId, userId, nodeId);
        store.enter(connection, clock.instant());
        open.add(connection.connectionId());
        return connection;
    }

    /**
     * {@code userId} watches {@code roomId} without a connection to its events (seed 001's {@code /live/play}): one
     * presence per user and room, whichever node is asked, which this node vouches for until
     * {@link #stopWatching} (on any node) ends it. Watching again changes nothing.
     */
    public void watch(String roomId, String userId) {
        AudienceConnection connection = new AudienceConnection(watchId(roomId, userId), roomId, userId, nodeId);
        store.enter(connection, clock.instant());
        open.add(connection.connectionId());
    }

    /** {@code userId} stopped watching {@code roomId}: whether they were. */
    public boolean stopWatching(String roomId, String userId) {
        String id = watchId(roomId, userId);
        open.remove(id);
        return store.leave(id, clock.instant());
    }

    /** Who is in the room now, in the order they came, at most {@code limit}. */
    public List<String> present(String roomId, int limit) {
        return store.present(roomId, limit);
    }

    /** A watch's connection id: the same on every node, so any node can end it; 36 characters whatever the ids. */
    private static String watchId(String roomId, String userId) {
        return UUID.nameUUIDFromBytes(("watch\n" + roomId + "\n" + userId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The connection closed. */
    public void leave(AudienceConnection connection) {
        open.remove(connection.connectionId());
        store.leave(connection.connectionId(), clock.instant());
    }

    /** This node still holds its open connections; how many the store has of them. */
    public int heartbeat() {
        return store.heartbeat(nodeId, Set.copyOf(open), clock.instant());
    }

    /** Removes the connections of nodes that stopped beating; how many. */
    public int sweep() {
        return store.sweep(clock.instant());
    }
}
