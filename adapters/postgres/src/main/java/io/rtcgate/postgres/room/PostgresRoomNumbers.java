package io.rtcgate.postgres.room;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.room.RoomNumbers;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Room and seat numbers in {@code compat_room_numbers}: an insert that does nothing when the number exists, then a
 * read, so nodes asking at once for a new room's number agree on one.
 */
@Singleton
public class PostgresRoomNumbers implements RoomNumbers {

    /** The user id of a room's own number. */
    private static final String ROOM = "";
    private static final String GIVE = """
            INSERT INTO compat_room_numbers (room_id, user_id) SELECT asked, ? FROM unnest(?) AS asked
            ON CONFLICT (room_id, user_id) DO NOTHING""";
    private static final String READ = "SELECT room_id, number FROM compat_room_numbers WHERE user_id = ? AND room_id = ANY (?)";
    private static final String FIND = "SELECT room_id, user_id FROM compat_room_numbers WHERE number = ?";

    private final TransactionOperations<Connection> transactions;

    public PostgresRoomNumbers(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Map<String, Long> ofRooms(Collection<String> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        return numbers(roomIds, ROOM);
    }

    @Override
    public long ofSeat(String roomId, String userId) {
        if (userId.isEmpty()) {
            throw new IllegalArgumentException("a seat belongs to a user");
        }
        return numbers(List.of(roomId), userId).get(roomId);
    }

    @Override
    public Optional<Numbered> find(long number) {
        return transactions.executeRead(status -> {
            try (PreparedStatement find = status.getConnection().prepareStatement(FIND)) {
                find.setLong(1, number);
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String user = row.getString("user_id");
                    return Optional.of(new Numbered(row.getString("room_id"),
                            user.isEmpty() ? Optional.empty() : Optional.of(user)));
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not find room number " + number, e);
            }
        });
    }

    private Map<String, Long> numbers(Collection<String> roomIds, String userId) {
        return transactions.executeWrite(status -> {
            Connection db = status.getConnection();
            Object[] rooms = roomIds.toArray();
            try (PreparedStatement give = db.prepareStatement(GIVE); PreparedStatement read = db.prepareStatement(READ)) {
                give.setString(1, userId);
                give.setArray(2, db.createArrayOf("varchar", rooms));
                give.executeUpdate();
                read.setString(1, userId);
                read.setArray(2, db.createArrayOf("varchar", rooms));
                Map<String, Long> numbers = new HashMap<>();
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        numbers.put(rows.getString("room_id"), rows.getLong("number"));
                    }
                }
                return numbers;
            } catch (SQLException e) {
                throw new DataAccessException("could not number rooms " + roomIds, e);
            }
        });
    }
}
