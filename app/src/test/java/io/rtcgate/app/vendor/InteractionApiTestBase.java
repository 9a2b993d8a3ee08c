package io.rtcgate.app.vendor;

import static io.rtcgate.app.support.AuiClient.fields;
import static io.rtcgate.app.support.AuiClient.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.app.support.AuiClient.User;
import io.rtcgate.app.support.WireClient;
import io.rtcgate.app.support.WireClient.Reply;
import io.rtcgate.domain.interaction.LikeService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/** Comments, likes and mutes as a client calls them, and the room events they write. */
abstract class InteractionApiTestBase extends VendorApiTestBase {

    /** rtcgate.events.like-broadcasts-per-second, as configured by default. */
    static final int BROADCASTS_PER_SECOND = 5;

    @Inject
    LikeService likes;

    /** A new room on Tencent anchored by {@code anchor}; its id. */
    String newRoom(User anchor) {
        return (String) createRoomOn(anchor, "tencent").get("id");
    }

    Reply comment(User as, String roomId, String text) {
        return wire.post(ROOMS + "/" + roomId + "/comments", as.token(), wire.toJson(fields("text", text)));
    }

    Reply like(User as, String roomId, Object count) {
        return wire.post(ROOMS + "/" + roomId + "/likes", as.token(), wire.toJson(fields("count", count)));
    }

    Reply muteMember(User as, String roomId, String userId, Long durationSeconds) {
        return wire.post(ROOMS + "/" + roomId + "/mutes", as.token(),
                wire.toJson(fields("user_id", userId, "duration_seconds", durationSeconds)));
    }

    Reply unmuteMember(User as, String roomId, String userId) {
        return wire.delete(ROOMS + "/" + roomId + "/mutes/" + userId, as.token());
    }

    Reply muteRoom(User as, String roomId) {
        return wire.post(ROOMS + "/" + roomId + "/mute", as.token(), "");
    }

    Reply unmuteRoom(User as, String roomId) {
        return wire.delete(ROOMS + "/" + roomId + "/mute", as.token());
    }

    /** Every event of the room, oldest first, read page by page from the history API. */
    List<Map<String, Object>> events(String roomId) {
        List<Map<String, Object>> all = new ArrayList<>();
        while (true) {
            long after = all.isEmpty() ? 0 : number(all.get(all.size() - 1).get("seq"));
            List<Map<String, Object>> page = RoomEventApiTest.items(
                    wire.get(ROOMS + "/" + roomId + "/events?limit=1000&after=" + after, admin().token()));
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
        }
    }

    /** The room's events of one type, oldest first. */
    List<Map<String, Object>> events(String roomId, String type) {
        return events(roomId).stream().filter(event -> type.equals(event.get("type"))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    static Instant time(Map<String, Object> event) {
        return Instant.parse((String) event.get("time"));
    }

    /** The most of {@code times} (in order) that fall in any one window of {@code window} (half-open). */
    static int mostWithinAnyWindow(List<Instant> times, Duration window) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (!times.get(first).plus(window).isAfter(times.get(last))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /**
     * Every viewer sends {@code requests} likes of {@code count} through the nodes in turn while each of
     * {@code flushers} runs every 20 ms in a thread of its own, as the scheduled flushers of the nodes would; then the tail is flushed. The totals the requests answered.
     */
    List<Long> likeConcurrently(List<WireClient> nodes, List<User> viewers, String roomId, int requests, int count,
                                List<IntSupplier> flushers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(viewers.size() + flushers.size());
        AtomicBoolean liking = new AtomicBoolean(true);
        try {
            List<Future<?>> flushing = new ArrayList<>();
            for (IntSupplier flush : flushers) {
                flushing.add(pool.submit(() -> {
                    while (liking.get()) {
                        flush.getAsInt();
                        sleep(Duration.ofMillis(20));
                    }
                }));
            }
            List<Future<List<Long>>> senders = new ArrayList<>();
            for (int v = 0; v < viewers.size(); v++) {
                User viewer = viewers.get(v);
                WireClient node = nodes.get(v % nodes.size());
                senders.add(pool.submit(() -> {
                    List<Long> totals = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        Reply reply = node.post(ROOMS + "/" + roomId + "/likes", viewer.token(),
                                node.toJson(Map.of("count", count)));
                        assertEquals(200, reply.status(), reply.body());
                        totals.add(number(reply.json().get("total")));
                    }
                    return totals;
                }));
            }
            List<Long> answered = new ArrayList<>();
            for (Future<List<Long>> sender : senders) {
                answered.addAll(sender.get());
            }
            liking.set(false);
            for (Future<?> flusher : flushing) {
                flusher.get();
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The like.added events of the room: no more than five in any second, each with a positive delta, totals
     * rising by the deltas to {@code total}, and far fewer events than the {@code requests} that liked.
     */
    void assertCoalescedAnnouncements(String roomId, long total, int requests) {
        await(() -> {
            likes.announcePending();
            List<Map<String, Object>> added = events(roomId, "like.added");
            return !added.isEmpty() && number(data(added.get(added.size() - 1)).get("total")) == total;
        }, "the last likes are announced");
        List<Map<String, Object>> added = events(roomId, "like.added");
        long told = 0;
        for (Map<String, Object> event : added) {
            long delta = number(data(event).get("delta"));
            assertTrue(delta > 0, "delta of " + event);
            told += delta;
            assertEquals(told, number(data(event).get("total")), "total of " + event);
        }
        assertEquals(total, told);
        int most = mostWithinAnyWindow(added.stream().map(InteractionApiTestBase::time).toList(), Duration.ofSeconds(1));
        assertTrue(most <= BROADCASTS_PER_SECOND, most + " like.added events within one second: " + added);
        assertTrue(added.size() < requests, added.size() + " events for " + requests + " requests");
    }
}
