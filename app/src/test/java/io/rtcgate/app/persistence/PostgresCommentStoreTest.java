package io.rtcgate.app.persistence;

import static io.rtcgate.postgres.SqlTimes.timestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.interaction.Comment;
import io.rtcgate.domain.interaction.CommentStore;
import io.rtcgate.domain.interaction.RateLimit;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The comment store's rate limit under concurrency: posts of one author in one room that all start at once
 * count each other, however they interleave, so exactly the limit passes.
 */
@MicronautTest(transactional = false)
class PostgresCommentStoreTest {

    @Inject
    CommentStore store;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void postsStartedAtOnceAreCountedExactly() throws Exception {
        String roomId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWrite(status -> {
            try (PreparedStatement room = status.getConnection().prepareStatement(
                    "INSERT INTO rooms (id, created_at, updated_at, title, anchor, status, mode, anchor_id)"
                            + " VALUES (?, ?, ?, 'comment room', 'anchor', 1, 0, 'anchor')")) {
                room.setString(1, roomId);
                room.setObject(2, timestamp(now));
                room.setObject(3, timestamp(now));
                return room.executeUpdate();
            }
        });
        RateLimit limit = new RateLimit(3, Duration.ofMinutes(1));
        int posts = 16;
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        CountDownLatch start = new CountDownLatch(1);
        List<CommentStore.Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<CommentStore.Outcome>> running = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                Comment comment = new Comment(UUID.randomUUID().toString(), roomId, "chatty", "hi " + i,
                        now.plusNanos(i * 1000L), 0);
                running.add(pool.submit(() -> {
                    start.await();
                    return store.post(comment, limit);
                }));
            }
            start.countDown();
            for (Future<CommentStore.Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(3, outcomes.stream().filter(CommentStore.Saved.class::isInstance).count(), outcomes.toString());
        for (CommentStore.Outcome outcome : outcomes) {
            if (outcome instanceof CommentStore.Throttled throttled) {
                Duration retryAfter = throttled.retryAfter();
                assertTrue(!retryAfter.isNegative() && !retryAfter.isZero() && retryAfter.compareTo(limit.window()) <= 0, "retry after " + retryAfter);
            }
        }
    }
}
