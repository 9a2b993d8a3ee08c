package io.rtcgate.postgres.interaction;

import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.interaction.Mute;
import io.rtcgate.domain.interaction.MuteStore;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** User mutes in {@code room_member_mutes}, room mutes in {@code room_mutes}; each change commits with its event. */
@Singleton
public class PostgresMuteStore implements MuteStore {

    private static final String COLUMNS = "room_id, user_id, muted_until, muted_by, muted_at";
    private static final String MUTE_MEMBER = """
            INSERT INTO room_member_mutes (room_id, user_id, muted_until, muted_by, muted_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (room_id, user_id) DO UPDATE
            SET muted_until = EXCLUDED.muted_until, muted_by = EXCLUDED.muted_by, muted_at = EXCLUDED.muted_at""";
    private static final String UNMUTE_MEMBER =
            "DELETE FROM room_member_mutes WHERE room_id = ? AND user_id = ? RETURNING muted_until";
    private static final String ACTIVE_MUTE = "SELECT " + COLUMNS
            + " FROM room_member_mutes WHERE room_id = ? AND user_id = ? AND muted_until > ?";
    private static final String ACTIVE_MUTES = "SELECT " + COLUMNS
            + " FROM room_member_mutes WHERE room_id = ? AND muted_until > ? ORDER BY muted_until DESC, user_id";
    private static final String MUTE_ROOM = """
            INSERT INTO room_mutes (room_id, muted_by, muted_at) VALUES (?, ?, ?) ON CONFLICT (room_id) DO NOTHING""";
    private static final String UNMUTE_ROOM = "DELETE FROM room_mutes WHERE room_id = ?";
    private static final String ROOM_MUTED = "SELECT EXISTS (SELECT 1 FROM room_mutes WHERE room_id = ?)";

    private final Transactions transactions;
    private final RoomEventLog events;

    public PostgresMuteStore(TransactionOperations<Connection> transactions, RoomEventLog events) {
        this.transactions = new Transactions(transactions);
        this.events = events;
    }

    @Override
    public void muteMember(Mute mute) {
        transactions.write("mute " + mute.userId() + " in room " + mute.roomId(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(MUTE_MEMBER)) {
                statement.setString(1, mute.roomId());
                statement.setString(2, mute.userId());
                statement.setObject(3, timestamp(mute.until()));
                statement.setString(4, mute.mutedBy());
                statement.setObject(5, timestamp(mute.mutedAt()));
                statement.executeUpdate();
            }
            events.append(connection, List.of(mute.mutedEvent()));
            return null;
        });
    }

    @Override
    public boolean unmuteMember(String roomId, String userId, RoomEvent unmuted) {
        return transactions.write("unmute " + userId + " in room " + roomId, connection -> {
            boolean wasActive;
            try (PreparedStatement statement = connection.prepareStatement(UNMUTE_MEMBER)) {
                statement.setString(1, roomId);
                statement.setString(2, userId);
                try (ResultSet row = statement.executeQuery()) {
                    wasActive = row.next() && row.getObject("muted_until", OffsetDateTime.class).toInstant().isAfter(unmuted.at());
                }
            }
            if (wasActive) {
                events.append(connection, List.of(unmuted));
            }
            return wasActive;
        });
    }

    @Override
    public Optional<Mute> activeMute(String roomId, String userId, Instant now) {
        return transactions.read("read the mute of " + userId + " in room " + roomId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ACTIVE_MUTE)) {
                statement.setString(1, roomId);
                statement.setString(2, userId);
                statement.setObject(3, timestamp(now));
                return mutes(statement).stream().findFirst();
            }
        });
    }

    @Override
    public List<Mute> activeMutes(String roomId, Instant now) {
        return transactions.read("read the mutes of room " + roomId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ACTIVE_MUTES)) {
                statement.setString(1, roomId);
                statement.setObject(2, timestamp(now));
                return mutes(statement);
            }
        });
    }

    @Override
    public boolean setRoomMuted(String roomId, boolean muted, RoomEvent event) {
        return transactions.write((muted ? "mute" : "unmute") + " room " + roomId, connection -> {
            boolean changed;
            try (PreparedStatement statement = connection.prepareStatement(muted ? MUTE_ROOM : UNMUTE_ROOM)) {
                statement.setString(1, roomId);
                if (muted) {
                    statement.setString(2, event.actor());
                    statement.setObject(3, timestamp(event.at()));
                }
                changed = statement.executeUpdate() == 1;
            }
            if (changed) {
                events.append(connection, List.of(event));
            }
            return changed;
        });
    }

    @Override
    public boolean roomMuted(String roomId) {
        return transactions.read("read whether room " + roomId + " is muted", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ROOM_MUTED)) {
                statement.setString(1, roomId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getBoolean(1);
                }
            }
        });
    }

    private static List<Mute> mutes(PreparedStatement statement) throws SQLException {
        List<Mute> mutes = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                mutes.add(new Mute(row.getString("room_id"), row.getString("user_id"),
                        row.getObject("muted_until", OffsetDateTime.class).toInstant(), row.getString("muted_by"),
                        row.getObject("muted_at", OffsetDateTime.class).toInstant()));
            }
        }
        return mutes;
    }
}
