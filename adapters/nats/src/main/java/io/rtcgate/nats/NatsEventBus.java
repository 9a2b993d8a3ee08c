package io.rtcgate.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.rtcgate.domain.event.Announcement;
import io.rtcgate.domain.event.BusListeners;
import io.rtcgate.domain.event.EventBus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus over NATS core publish/subscribe: an announcement is a message on subject {@value #SUBJECT} whose
 * body is the {@link Announcement}'s text. Nothing is kept in NATS: the table is the truth, so plain at-most-once
 * delivery is enough. The client reconnects for ever (also when the server is down at start-up); after a
 * reconnect the listeners re-read their rooms, since messages published meanwhile are gone.
 */
public final class NatsEventBus implements EventBus {

    public static final String SUBJECT = "rtcgate.room-events";

    private static final Logger LOG = LoggerFactory.getLogger(NatsEventBus.class);

    private final BusListeners listeners = new BusListeners();
    private final Connection connection;
    private final Dispatcher dispatcher;

    /**
     * Connects to {@code url} ({@code nats://host:4222}); returns at once when the server is not reachable and keeps
     * trying in the background.
     */
    public NatsEventBus(String url, Duration reconnectWait) {
        Options options = new Options.Builder()
                .server(url)
                .connectionName("rtcgate")
                .maxReconnects(-1)
                .reconnectWait(reconnectWait)
                .connectionListener(this::connectionEvent)
                .build();
        try {
            connection = Nats.connectReconnectOnConnect(options);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the NATS client for " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the NATS client", e);
        }
        dispatcher = connection.createDispatcher(message ->
                listeners.announced(new String(message.getData(), StandardCharsets.UTF_8)));
        dispatcher.subscribe(SUBJECT);
    }

    private void connectionEvent(Connection source, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> LOG.warn("lost the NATS server; room events reach this node from its periodic re-reads");
            case RECONNECTED -> {
                LOG.info("reconnected to NATS; re-reading every room");
                listeners.reconnected();
            }
            default -> LOG.debug("NATS: {}", event);
        }
    }

    /** Never throws: while NATS is away the client buffers, and the nodes' periodic re-reads cover what is lost. */
    @Override
    public void announce(String roomId, long seq) {
        try {
            connection.publish(SUBJECT, new Announcement(roomId, seq).toText().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warn("could not announce events of room {} up to {} on NATS: {}", roomId, seq, e.toString());
        }
    }

    @Override
    public Subscription subscribe(Listener listener) {
        return listeners.add(listener);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
