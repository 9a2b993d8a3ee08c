package io.rtcgate.app.callback;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.domain.callback.CallbackInbox;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the vendor callbacks that were recorded but not processed (a crash between the two, a failed
 * processing run): one pass at start-up, then one every {@code rtcgate.callbacks.worker.interval}. Every
 * node runs it; the inbox's {@code SKIP LOCKED} claims keep two nodes off the same delivery.
 */
@Singleton
@Requires(property = "rtcgate.callbacks.worker.enabled", notEquals = "false")
public class CallbackWorker {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackWorker.class);

    private final CallbackInbox inbox;

    public CallbackWorker(CallbackInbox inbox) {
        this.inbox = inbox;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        pass("start-up");
    }

    @Scheduled(fixedDelay = "${rtcgate.callbacks.worker.interval:5s}", initialDelay = "${rtcgate.callbacks.worker.interval:5s}")
    void poll() {
        pass("worker");
    }

    /** One pass over the inbox; a failure (the database is gone) waits for the next pass. */
    public int pass(String who) {
        try {
            int handled = inbox.processPending();
            if (handled > 0) {
                LOG.info("{} pass over the callback inbox handled {} pending deliveries", who, handled);
            }
            return handled;
        } catch (RuntimeException e) {
            LOG.warn("{} pass over the callback inbox stopped; the next pass retries: {}", who, e.toString());
            return 0;
        }
    }
}
