package io.rtcgate.postgres.interaction;

import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.interaction.Comment;
import io.rtcgate.domain.interaction.CommentStore;
import io.rtcgate.domain.interaction.RateLimit;
import io.rtcgate.postgres.SqlTimes;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Comments in {@code room_comments}. A post holds a transaction-scoped advisory lock on its author and room (in
 * the two-key space, apart from the event log's room locks) while it counts the author's comments in the window
 * and writes, so concurrent posts on any node count each other: the rate limit lives in the rows themselves.
 */
@Singleton
public class PostgresCommentStore implements CommentStore {

    private static final String LOCK_AUTHOR =
            "SELECT pg_advisory_xact_lock(hashtext('room_comments'), hashtext(? || '/' || ?))";
    /** The oldest of the author's latest {@code max} comments in the window, and how many there are. */
    private static final String RECENT = """
            SELECT count(*) AS posted, min(created_at) AS oldest FROM (
                SELECT created_at FROM room_comments WHERE room_id = ? AND user_id = ? AND created_at > ?
                ORDER BY created_at DESC LIMIT ?) recent""";
    private static final String INSERT = """
            INSERT INTO room_comments (id, room_id, user_id, text, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)""";

    private final Transactions transactions;
    private final RoomEventLog events;

    public PostgresCommentStore(TransactionOperations<Connection> transactions, RoomEventLog events) {
        this.transactions = new Transactions(transactions);
        this.events = events;
    }

    @Override
    public Outcome post(Comment comment, RateLimit limit) {
        return transactions.write("post a comment in room " + comment.roomId(), connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_AUTHOR)) {
                lock.setString(1, comment.roomId());
                lock.setString(2, comment.userId());
                lock.execute();
            }
            Optional<Instant> full = oldestWhenFull(connection, comment, limit);
            if (full.isPresent()) {
                // a comment stamped after this one may have committed first: the wait is never longer than the window
                Duration wait = Duration.between(comment.createdAt(), full.get().plus(limit.window()));
                return new Throttled(wait.compareTo(limit.window()) > 0 ? limit.window() : wait);
            }
            long seq = events.append(connection, List.of(comment.postedEvent())).get(0).seq();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, comment.id());
                insert.setString(2, comment.roomId());
                insert.setString(3, comment.userId());
                insert.setString(4, comment.text());
                insert.setObject(5, timestamp(comment.createdAt()));
                insert.setLong(6, seq);
                insert.executeUpdate();
            }
            return new Saved(comment.savedAs(seq));
        });
    }

    /** When the author has used up the limit: the time of the comment whose leaving the window frees a place. */
    private static Optional<Instant> oldestWhenFull(Connection connection, Comment comment, RateLimit limit)
            throws SQLException {
        try (PreparedStatement recent = connection.prepareStatement(RECENT)) {
            recent.setString(1, comment.roomId());
            recent.setString(2, comment.userId());
            recent.setObject(3, timestamp(comment.createdAt().minus(limit.window())));
            recent.setInt(4, limit.max());
            try (ResultSet row = recent.executeQuery()) {
                row.next();
                return row.getInt("posted") < limit.max() ? Optional.empty() : SqlTimes.instant(row, "oldest");
            }
        }
    }
}
