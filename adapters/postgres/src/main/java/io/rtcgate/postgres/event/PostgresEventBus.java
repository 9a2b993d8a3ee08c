package io.rtcgate.postgres.event;

import io.rtcgate.domain.event.Announcement;
import io.rtcgate.domain.event.BusListeners;
import io.rtcgate.domain.event.EventBus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus over PostgreSQL {@code LISTEN/NOTIFY}, nothing more to run: an announcement is a
 * {@code pg_notify} on channel {@value #CHANNEL} with the {@link Announcement} as payload, and one dedicated connection
 * per node (not from the pool, which recycles its connections) LISTENs and polls
 * {@link PGConnection#getNotifications(int)}. When that connection drops, the listener reconnects with a growing
 * pause and tells its listeners to re-read their rooms, since notifications sent meanwhile are gone. Announcements
 * go out on a second dedicated connection, reopened when it fails.
 */
public final class PostgresEventBus implements EventBus {

    public static final String CHANNEL = "rtcgate_room_events";
    /** The listening connection's {@code application_name}, so operators (and tests) can find it. */
    public static final String LISTENER_NAME = "rtcgate-event-listener";
    private static final String ANNOUNCER_NAME = "rtcgate-event-announcer";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventBus.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final BusListeners listeners = new BusListeners();
    private volatile boolean running = true;
    private Thread listenerThread;
    private Connection announcer;

    public PostgresEventBus(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password == null ? "" : password;
    }

    /** Never throws: the writer has committed, and a lost wake-up is caught up by the nodes' periodic re-reads. */
    @Override
    public synchronized void announce(String roomId, long seq) {
        try {
            if (announcer == null || announcer.isClosed()) {
                announcer = connect(ANNOUNCER_NAME);
            }
            try (PreparedStatement notify = announcer.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, new Announcement(roomId, seq).toText());
                notify.execute();
            }
        } catch (SQLException e) {
            closeAnnouncer();
            LOG.warn("could not announce events of room {} up to {}; nodes catch up on their next re-read: {}",
                    roomId, seq, e.toString());
        }
    }

    private synchronized void closeAnnouncer() {
        if (announcer != null) {
            try {
                announcer.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
            announcer = null;
        }
    }

    @Override
    public synchronized Subscription subscribe(Listener listener) {
        Subscription subscription = listeners.add(listener);
        if (listenerThread == null) {
            listenerThread = new Thread(this::listen, "rtcgate-event-bus-listener");
            listenerThread.setDaemon(true);
            listenerThread.start();
        }
        return subscription;
    }

    @Override
    public void close() {
        running = false;
        Thread thread;
        synchronized (this) {
            thread = listenerThread;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeAnnouncer();
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        boolean everConnected = false;
        while (running) {
            try (Connection connection = connect(LISTENER_NAME)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                if (everConnected) {
                    LOG.info("listening for room events again; re-reading every room");
                    listeners.reconnected();
                }
                everConnected = true;
                pause = FIRST_PAUSE;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            listeners.announced(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("the room event listener lost PostgreSQL; reconnecting in {}: {}", pause, e.toString());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private Connection connect(String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}
