package io.rtcgate.app.realtime;

import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.websocket.WebSocketSession;
import io.rtcgate.app.config.EventProperties;
import io.rtcgate.domain.event.EventBus;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.RoomEventHistory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's feeds of room events, one per room with open connections: when the bus says a room has new events,
 * its feed reads them from {@code room_events} once, after the last seq it read, and hands them to every stream
 * of the room. A feed that missed a wake-up catches up on the next {@link #catchUp()} (periodic, and after the
 * bus reconnects), so the table, never the bus, decides what a client gets.
 */
@Singleton
public class RoomFeeds implements EventBus.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RoomFeeds.class);

    private final RoomEventHistory history;
    private final JsonMapper json;
    private final ExecutorService executor;
    private final EventProperties.Ws ws;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final EventBus.Subscription subscription;

    public RoomFeeds(RoomEventHistory history, JsonMapper json, EventBus bus, EventProperties events,
                     @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.history = history;
        this.json = json;
        this.executor = executor;
        this.ws = events.getWs();
        this.subscription = bus.subscribe(this);
    }

    /**
     * Opens a stream of the room's events for a client: after {@code after} when given, else from what comes next.
     *
     * @throws io.rtcgate.domain.NotFoundException when the room does not exist and never had events
     * @throws io.rtcgate.domain.InvalidInputException naming {@code after} when it is negative
     */
    public EventStream open(String roomId, Long after, WebSocketSession session) {
        return open(roomId, after, session, EventStream.views(json), FlowControl.lossless(ws.getQueueSize()));
    }

    /** As {@link #open(String, Long, WebSocketSession)}, framing events and pacing the client as given. */
    public EventStream open(String roomId, Long after, WebSocketSession session, Framing framing, FlowControl flow) {
        history.after(roomId, after == null ? 0 : after, 1);
        // the feed's start is read before the stream's: whatever the stream's replay does not see, the feed reads
        Feed feed = feeds.compute(roomId, (id, existing) -> {
            Feed joined = existing != null ? existing : new Feed(id, history.lastSeq(id));
            joined.attached++;
            return joined;
        });
        long from = after != null ? after : history.lastSeq(roomId);
        EventStream stream = new EventStream(roomId, from, session, history, framing, flow, executor, ws.getSendTimeout());
        feed.streams.add(stream);
        stream.start();
        return stream;
    }

    /** The client is gone; the room's feed goes with its last stream. */
    public void close(EventStream stream) {
        stream.close();
        feeds.computeIfPresent(stream.roomId(), (id, feed) -> {
            feed.streams.remove(stream);
            return --feed.attached == 0 ? null : feed;
        });
    }

    @Override
    public void announced(String roomId, long seq) {
        Feed feed = feeds.get(roomId);
        if (feed != null && seq > feed.readUpTo) {
            feed.wake();
        }
    }

    @Override
    public void reconnected() {
        catchUp();
    }

    /** Re-reads every room with open streams: what a lost wake-up left behind arrives now. */
    public void catchUp() {
        feeds.values().forEach(Feed::wake);
    }

    /** The most frames a stream's client may have unwritten before its flow control holds back. */
    public int queueSize() {
        return ws.getQueueSize();
    }

    /** How many streams of the room this node still sends to. */
    public long openStreams(String roomId) {
        Feed feed = feeds.get(roomId);
        return feed == null ? 0 : feed.streams.stream().filter(stream -> !stream.isClosed()).count();
    }

    @PreDestroy
    void stop() {
        subscription.close();
    }

    /** One room's reader: one read at a time, and a wake-up during a read makes it read again. */
    private final class Feed {
        final String roomId;
        final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
        final AtomicBoolean reading = new AtomicBoolean();
        final AtomicBoolean wokenAgain = new AtomicBoolean();
        /** Guarded by {@link #feeds}' compute. */
        int attached;
        volatile long readUpTo;

        Feed(String roomId, long readUpTo) {
            this.roomId = roomId;
            this.readUpTo = readUpTo;
        }

        void wake() {
            wokenAgain.set(true);
            if (reading.compareAndSet(false, true)) {
                executor.execute(this::read);
            }
        }

        private void read() {
            try {
                while (wokenAgain.getAndSet(false)) {
                    List<RecordedRoomEvent> page;
                    do {
                        page = history.after(roomId, readUpTo, RoomEventHistory.MAX_PAGE);
                        if (!page.isEmpty()) {
                            readUpTo = page.get(page.size() - 1).seq();
                            for (EventStream stream : streams) {
                                stream.offer(page);
                            }
                        }
                    } while (page.size() == RoomEventHistory.MAX_PAGE);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not read the events of room {}; the next wake-up or catch-up retries: {}", roomId,
                        e.toString());
            } finally {
                reading.set(false);
            }
            if (wokenAgain.get() && reading.compareAndSet(false, true)) {
                executor.execute(this::read);
            }
        }
    }
}
