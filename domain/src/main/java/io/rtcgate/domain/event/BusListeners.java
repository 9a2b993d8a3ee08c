package io.rtcgate.domain.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The listeners of one bus adapter: what every adapter does with what it hears, in one place. */
public final class BusListeners {

    private static final System.Logger LOG = System.getLogger(BusListeners.class.getName());

    private final List<EventBus.Listener> listeners = new CopyOnWriteArrayList<>();

    public EventBus.Subscription add(EventBus.Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Hands an announcement's wire text to every listener; one that fails does not keep it from the others. */
    public void announced(String text) {
        Announcement announcement = Announcement.parse(text).orElse(null);
        if (announcement == null) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a bus message that is not an announcement");
            return;
        }
        for (EventBus.Listener listener : listeners) {
            try {
                listener.announced(announcement.roomId(), announcement.seq());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a room event listener failed on room " + announcement.roomId(), e);
            }
        }
    }

    /** Tells every listener the bus is back after an outage. */
    public void reconnected() {
        for (EventBus.Listener listener : listeners) {
            try {
                listener.reconnected();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a room event listener failed to catch up", e);
            }
        }
    }
}
