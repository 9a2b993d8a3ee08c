package io.rtcgate.app.realtime;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.domain.audience.Audience;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work of the realtime streams on every node: re-reading the rooms of open connections
 * ({@code rtcgate.events.catch-up-interval}), vouching for this node's connections
 * ({@code rtcgate.events.audience.heartbeat-interval}) and removing those of nodes that stopped vouching
 * ({@code rtcgate.events.audience.sweep-interval}). {@code rtcgate.events.scheduled: false} turns it off.
 */
@Singleton
@Requires(property = "rtcgate.events.scheduled", notEquals = "false")
public class RealtimeWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeWorker.class);

    private final RoomFeeds feeds;
    private final Audience audience;

    public RealtimeWorker(RoomFeeds feeds, Audience audience) {
        this.feeds = feeds;
        this.audience = audience;
    }

    @Scheduled(fixedDelay = "${rtcgate.events.catch-up-interval:5s}", initialDelay = "${rtcgate.events.catch-up-interval:5s}")
    void catchUp() {
        feeds.catchUp();
    }

    @Scheduled(fixedDelay = "${rtcgate.events.audience.heartbeat-interval:15s}")
    void heartbeat() {
        try {
            audience.heartbeat();
        } catch (RuntimeException e) {
            LOG.warn("could not vouch for this node's audience; the next beat retries: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${rtcgate.events.audience.sweep-interval:15s}",
            initialDelay = "${rtcgate.events.audience.sweep-interval:15s}")
    void sweep() {
        try {
            int swept = audience.sweep();
            if (swept > 0) {
                LOG.info("removed {} audience connections of nodes that stopped vouching for them", swept);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not sweep stale audience connections; the next sweep retries: {}", e.toString());
        }
    }
}
