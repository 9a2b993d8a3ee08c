package io.rtcgate.app.interaction;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rtcgate.domain.interaction.LikeService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces every room's new likes in {@code like.added} events, every {@code rtcgate.events.like-flush-interval}
 * on every node; the guard in the table keeps each room to its broadcasts per second whichever node runs it.
 * Tests turn it off ({@code rtcgate.jobs.scheduled: false}) and run {@link LikeService#announcePending()} themselves.
 */
@Singleton
@Requires(property = "rtcgate.jobs.scheduled", notEquals = "false")
public class LikeFlusher {

    private static final Logger LOG = LoggerFactory.getLogger(LikeFlusher.class);

    private final LikeService likes;

    public LikeFlusher(LikeService likes) {
        this.likes = likes;
    }

    @Scheduled(fixedDelay = "${rtcgate.events.like-flush-interval:100ms}", initialDelay = "${rtcgate.events.like-flush-interval:100ms}")
    void flush() {
        try {
            likes.announcePending();
        } catch (RuntimeException e) {
            // the counts stay in the table: the next pass announces them
            LOG.warn("likes could not be announced now; the next pass retries: {}", e.toString());
        }
    }
}
