package io.rtcgate.postgres;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Page;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset paging newest first: a cursor is the last item's creation time and id, as opaque base64url text, and
 * the next page holds the rows with {@code (created_at, id)} below it.
 */
public record PageCursor(Instant createdAt, String id) {

    /** The bound of the first page: later than any row. */
    public static final PageCursor FIRST = new PageCursor(Instant.parse("9999-01-01T00:00:00Z"), "");

    /** Reads the rows a prepared query finds. */
    @FunctionalInterface
    public interface Rows<T> {
        List<T> read(PreparedStatement query) throws SQLException;
    }

    /**
     * One page of a room's rows, newest first: {@code sql} takes the room id, the cursor's time and id, and the row
     * limit, in that order, and orders by {@code created_at DESC, id DESC}.
     *
     * @param what the rows, for the error ("the recordings of room ...")
     * @throws InvalidInputException naming {@code cursor} when it is not one this API returned
     */
    public static <T> Page<T> readPage(TransactionOperations<Connection> transactions, String sql, String roomId, int limit,
                                       Optional<String> cursor, Rows<T> rows, Function<T, Instant> createdAt,
                                       Function<T, String> id, String what) {
        PageCursor after = after(cursor);
        List<T> found = transactions.executeRead(status -> {
            try (PreparedStatement page = status.getConnection().prepareStatement(sql)) {
                page.setString(1, roomId);
                page.setObject(2, SqlTimes.timestamp(after.createdAt()));
                page.setString(3, after.id());
                page.setInt(4, limit + 1);
                return rows.read(page);
            } catch (SQLException e) {
                throw new DataAccessException("could not list " + what + " of room " + roomId, e);
            }
        });
        return page(found, limit, createdAt, id);
    }

    /**
     * The bound a page starts below: {@link #FIRST} without a cursor.
     *
     * @throws InvalidInputException naming {@code cursor} when it is not one this API returned
     */
    public static PageCursor after(Optional<String> cursor) {
        return cursor.map(PageCursor::parse).orElse(FIRST);
    }

    /** The page of {@code rows}, read with a limit of {@code limit + 1} so one more row tells that a next page exists. */
    public static <T> Page<T> page(List<T> rows, int limit, Function<T, Instant> createdAt, Function<T, String> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, limit);
        T last = items.get(limit - 1);
        return new Page<>(items, Optional.of(new PageCursor(createdAt.apply(last), id.apply(last)).encode()));
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static PageCursor parse(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new PageCursor(Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "cursor is not one this API returned");
        }
    }
}
