package io.rtcgate.domain.event;

/**
 * Port: wakes the gateway nodes up when a room has new events. The bus carries no event: {@code room_events} is
 * the truth, and a node that hears "room X has events up to seq N" reads them from there. A wake-up may be lost
 * (the bus was down, a node reconnected), so subscribers also re-read their rooms now and then and after
 * {@link Listener#reconnected()}.
 */
public interface EventBus extends AutoCloseable {

    /** Tells every node, this one included, that {@code roomId} has committed events up to {@code seq}. */
    void announce(String roomId, long seq);

    /** Starts delivering wake-ups to {@code listener}, on a thread of the bus, until the subscription is closed. */
    Subscription subscribe(Listener listener);

    /** Stops listening and releases the bus's connection. */
    @Override
    void close();

    /** What a node does with the wake-ups. */
    interface Listener {

        /** {@code roomId} has committed events up to {@code seq}. */
        void announced(String roomId, long seq);

        /** The bus was down and is back: wake-ups sent meanwhile are lost, so every room should be re-read. */
        void reconnected();
    }

    /** A live subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
