package io.rtcgate.app.realtime;

import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.rtcgate.app.api.v1.RoomEventView;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.RoomEventHistory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket client's view of a room's events: every event after {@code lastSent}, in seq order, once. The room's
 * feed hands it batches as they are read; a batch that does not follow on from {@code lastSent} (the client is still
 * replaying, or a batch was read before it subscribed) is preceded by a read of the gap from the table, and events
 * already sent are dropped. One drain at a time runs per stream, off the feed's thread, so a replay or a slow client
 * never holds up the room.
 * <p>
 * What each event becomes for this client is its {@link Framing}'s call (the native API's {@link RoomEventView}, or
 * seed 001's push messages), and what happens to a frame while the client is behind is its {@link FlowControl}'s:
 * send, drop, or wait for room, up to {@code sendTimeout}: a client that is briefly behind (a replay burst) catches
 * up, one that stopped reading is closed with {@link #SLOW_CONSUMER} and a reason telling it to reconnect with
 * {@code after}. Only this stream's drain waits.
 */
public final class EventStream {

    /** The close code of a client that did not keep up (application range 4000–4999). */
    public static final int SLOW_CONSUMER = 4008;
    static final String SLOW_CONSUMER_REASON = "too slow: reconnect with ?after=<the last seq you received>";

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final String roomId;
    private final WebSocketSession session;
    private final RoomEventHistory history;
    private final Framing framing;
    private final FlowControl flow;
    private final Executor executor;
    private final Duration sendTimeout;
    /** Frames handed to the socket and not written yet; {@link #written} is notified as they are. */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Object written = new Object();
    private final Queue<List<RecordedRoomEvent>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;
    /** Written by the one running drain only. */
    private long lastSent;
    private boolean caughtUp;

    EventStream(String roomId, long after, WebSocketSession session, RoomEventHistory history, Framing framing,
                FlowControl flow, Executor executor, Duration sendTimeout) {
        this.roomId = roomId;
        this.lastSent = after;
        this.session = session;
        this.history = history;
        this.framing = framing;
        this.flow = flow;
        this.executor = executor;
        this.sendTimeout = sendTimeout;
    }

    /** The native API's framing: every event, as its {@link RoomEventView}, weighted by its type's priority. */
    public static Framing views(JsonMapper json) {
        return event -> {
            try {
                return List.of(new Framing.Frame(json.writeValueAsString(RoomEventView.of(event)), event.event().type().priority()));
            } catch (IOException e) {
                throw new IllegalStateException("could not write event " + event.seq() + " of room " + event.event().roomId(), e);
            }
        };
    }

    public String roomId() {
        return roomId;
    }

    /** Events the room's feed read; delivered after what this stream still has to replay. */
    void offer(List<RecordedRoomEvent> batch) {
        if (!closed) {
            pending.add(batch);
            scheduleDrain();
        }
    }

    /** Replays what the client missed, then goes live. */
    void start() {
        scheduleDrain();
    }

    /** Whether nothing more is sent: the client left or was cut off. */
    boolean isClosed() {
        return closed;
    }

    /** The client is gone: nothing more is sent. */
    void close() {
        closed = true;
        pending.clear();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            if (!caughtUp) {
                replayFromTable();
                caughtUp = true;
            }
            List<RecordedRoomEvent> batch;
            while (!closed && (batch = pending.poll()) != null) {
                for (RecordedRoomEvent event : batch) {
                    if (event.seq() > lastSent + 1) {
                        replayFromTable();
                    }
                    if (event.seq() > lastSent) {
                        send(event);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the event stream of room {} failed; closing it so the client reconnects: {}", roomId, e.toString());
            closeWith(CloseReason.INTERNAL_ERROR);
        } finally {
            draining.set(false);
        }
        if (!closed && !pending.isEmpty()) {
            scheduleDrain();
        }
    }

    /** Sends everything the table holds after {@code lastSent}. */
    private void replayFromTable() {
        List<RecordedRoomEvent> page;
        do {
            page = history.after(roomId, lastSent, RoomEventHistory.MAX_PAGE);
            for (RecordedRoomEvent event : page) {
                send(event);
            }
        } while (!closed && page.size() == RoomEventHistory.MAX_PAGE);
    }

    private void send(RecordedRoomEvent event) {
        if (closed) {
            return;
        }
        for (Framing.Frame frame : framing.frames(event)) {
            FlowControl.Decision decision = decide(frame.priority());
            if (decision == FlowControl.Decision.WAIT) {
                LOG.info("closing a WebSocket of room {} whose client stopped reading at seq {}", roomId, lastSent);
                closeWith(new CloseReason(SLOW_CONSUMER, SLOW_CONSUMER_REASON));
                return;
            }
            if (decision == FlowControl.Decision.SEND) {
                unwritten.incrementAndGet();
                session.sendAsync(frame.text()).whenComplete((sent, failure) -> {
                    unwritten.decrementAndGet();
                    synchronized (written) {
                        written.notifyAll();
                    }
                });
            }
        }
        lastSent = event.seq();
    }

    /** The flow control's decision, waiting up to the send timeout while it says wait; WAIT when time ran out. */
    private FlowControl.Decision decide(int priority) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        synchronized (written) {
            FlowControl.Decision decision;
            while ((decision = flow.decide(priority, unwritten.get())) == FlowControl.Decision.WAIT) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return decision;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(written, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return FlowControl.Decision.WAIT;
                }
            }
            return decision;
        }
    }

    private void closeWith(CloseReason reason) {
        close();
        if (session.isOpen()) {
            session.close(reason);
        }
    }
}
