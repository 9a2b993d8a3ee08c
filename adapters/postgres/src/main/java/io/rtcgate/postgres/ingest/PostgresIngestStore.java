package io.rtcgate.postgres.ingest;

import static io.rtcgate.postgres.SqlTimes.instant;
import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.ingest.Ingest;
import io.rtcgate.domain.ingest.IngestMode;
import io.rtcgate.domain.ingest.IngestRecord;
import io.rtcgate.domain.ingest.IngestState;
import io.rtcgate.domain.ingest.IngestStore;
import io.rtcgate.domain.ingest.PlaybackClock;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.postgres.PageCursor;
import io.rtcgate.postgres.SqlErrors;
import io.rtcgate.postgres.SqlTimes;
import io.rtcgate.postgres.job.QuietRows;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Ingests in {@code ingests}, over plain JDBC for the partial unique index and {@code SKIP LOCKED}: one active
 * ingest per room and robot user, every update checked against the version it read, and the reconciler's claims
 * through {@link QuietRows}.
 */
@Singleton
public class PostgresIngestStore implements IngestStore {

    private static final String ACTIVE = "('starting', 'running', 'paused')";
    private static final String COLUMNS = """
            id, room_id, vendor, channel, source_url, mode, robot_user_id, repeat_count, volume, start_position_ms, state,
            task_id, clock_offset_ms, clock_playing_since, clock_tempo, played_to_end, failure_code, failure_message,
            created_at, updated_at, started_at, stopped_at, version""";
    private static final String INSERT = """
            INSERT INTO ingests (id, room_id, vendor, channel, source_url, mode, robot_user_id, repeat_count, start_position_ms,
                volume, state, task_id, clock_offset_ms, clock_playing_since, clock_tempo, played_to_end, failure_code,
                failure_message, updated_at, started_at, stopped_at, created_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";
    private static final String UPDATE = """
            UPDATE ingests SET volume = ?, state = ?, task_id = ?, clock_offset_ms = ?, clock_playing_since = ?,
                clock_tempo = ?, played_to_end = ?, failure_code = ?, failure_message = ?, updated_at = ?, started_at = ?,
                stopped_at = ?, vendor = ?, channel = ?, start_position_ms = ?, version = version + 1
            WHERE id = ? AND version = ?""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM ingests WHERE id = ?";
    private static final String ACTIVE_IN_ROOM = "SELECT " + COLUMNS + " FROM ingests WHERE room_id = ? AND state IN "
            + ACTIVE + " ORDER BY created_at";
    private static final String PAGE = "SELECT " + COLUMNS + """
             FROM ingests WHERE room_id = ? AND (created_at, id) < (?, ?)
            ORDER BY created_at DESC, id DESC LIMIT ?""";
    private static final String BY_TASK = "SELECT " + COLUMNS + " FROM ingests WHERE vendor = ? AND task_id = ?";
    private static final String PLAYING_FILES = "SELECT " + COLUMNS
            + " FROM ingests WHERE state = 'running' AND mode = 'vod' AND clock_playing_since IS NOT NULL"
            + " ORDER BY updated_at LIMIT ?";
    private static final String ACTIVE_OF_ROBOT = "SELECT id FROM ingests WHERE room_id = ? AND robot_user_id = ? AND state IN "
            + ACTIVE;

    private final TransactionOperations<Connection> transactions;
    private final RoomEventLog events;
    private final QuietRows<Ingest> quietRows;

    public PostgresIngestStore(TransactionOperations<Connection> transactions, RoomEventLog events) {
        this.transactions = transactions;
        this.events = events;
        this.quietRows = new QuietRows<>(transactions, "ingests", ACTIVE, COLUMNS, PostgresIngestStore::toIngest, this::update);
    }

    @Override
    public Ingest insert(Ingest ingest) {
        IngestRecord row = ingest.toRecord();
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement insert = status.getConnection().prepareStatement(INSERT)) {
                    int i = 1;
                    insert.setString(i++, row.id());
                    insert.setString(i++, row.roomId());
                    insert.setString(i++, row.vendor().wireName());
                    insert.setString(i++, row.channel());
                    insert.setString(i++, row.sourceUrl());
                    insert.setString(i++, row.mode().wireName());
                    insert.setString(i++, row.robotUserId());
                    insert.setInt(i++, row.repeat());
                    insert.setLong(i++, row.startPosition().toMillis());
                    i = bindChange(insert, i, row);
                    insert.setObject(i, timestamp(row.createdAt()));
                    return events.appendIfSaved(status.getConnection(), insert.executeUpdate(), ingest.raisedEvents());
                } catch (SQLException e) {
                    throw new DataAccessException("could not insert ingest " + row.id(), e);
                }
            });
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("room " + row.roomId() + " already has an active ingest by " + row.robotUserId()
                        + ": " + activeOf(row));
            }
            throw e;
        }
        return ingest.savedAs(1);
    }

    @Override
    public Ingest update(Ingest ingest) {
        IngestRecord row = ingest.toRecord();
        int updated = transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(UPDATE)) {
                int i = bindChange(update, 1, row);
                // an ingest whose room moved starts again on the new channel
                update.setString(i++, row.vendor().wireName());
                update.setString(i++, row.channel());
                update.setLong(i++, row.startPosition().toMillis());
                update.setString(i++, row.id());
                update.setLong(i, row.version());
                return events.appendIfSaved(status.getConnection(), update.executeUpdate(), ingest.raisedEvents());
            } catch (SQLException e) {
                throw new DataAccessException("could not update ingest " + row.id(), e);
            }
        });
        if (updated != 1) {
            throw new ConflictException("the ingest was changed by another request; reload it and try again");
        }
        return ingest.savedAs(row.version() + 1);
    }

    @Override
    public Optional<Ingest> find(String id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement find = status.getConnection().prepareStatement(FIND)) {
                find.setString(1, id);
                List<Ingest> found = all(find);
                return found.stream().findFirst();
            } catch (SQLException e) {
                throw new DataAccessException("could not read ingest " + id, e);
            }
        });
    }

    @Override
    public List<Ingest> activeInRoom(String roomId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement active = status.getConnection().prepareStatement(ACTIVE_IN_ROOM)) {
                active.setString(1, roomId);
                return all(active);
            } catch (SQLException e) {
                throw new DataAccessException("could not read the active ingests of room " + roomId, e);
            }
        });
    }

    @Override
    public Page<Ingest> listForRoom(String roomId, int limit, Optional<String> cursor) {
        return PageCursor.readPage(transactions, PAGE, roomId, limit, cursor, PostgresIngestStore::all, Ingest::createdAt, Ingest::id, "the ingests");
    }

    @Override
    public Optional<Ingest> findByTask(Vendor vendor, String taskId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement find = status.getConnection().prepareStatement(BY_TASK)) {
                find.setString(1, vendor.wireName());
                find.setString(2, taskId);
                return all(find).stream().findFirst();
            } catch (SQLException e) {
                throw new DataAccessException("could not find the ingest of " + vendor.wireName() + " task " + taskId, e);
            }
        });
    }

    @Override
    public List<Ingest> playingFiles(int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement playing = status.getConnection().prepareStatement(PLAYING_FILES)) {
                playing.setInt(1, limit);
                return all(playing);
            } catch (SQLException e) {
                throw new DataAccessException("could not read the playing file ingests", e);
            }
        });
    }

    @Override
    public List<String> quietActive(Instant heardBefore, int limit) {
        return quietRows.quietActive(heardBefore, limit);
    }

    @Override
    public Optional<Ingest> reconcile(String id, Instant heardBefore, UnaryOperator<Ingest> work) {
        return quietRows.reconcile(id, heardBefore, work);
    }

    // ---- rows ----

    /** Binds volume, state, task, clock, played_to_end, failure and the times but created_at; returns the next index. */
    private static int bindChange(PreparedStatement statement, int from, IngestRecord row) throws SQLException {
        int i = from;
        statement.setInt(i++, row.volume());
        statement.setString(i++, row.state().wireName());
        statement.setString(i++, row.taskId().orElse(null));
        Optional<PlaybackClock> clock = row.clock();
        if (clock.isPresent()) {
            statement.setLong(i++, clock.get().offset().toMillis());
            statement.setObject(i++, clock.get().playingSince().map(SqlTimes::timestamp).orElse(null));
            statement.setDouble(i++, clock.get().tempo());
        } else {
            statement.setNull(i++, Types.BIGINT);
            statement.setObject(i++, null);
            statement.setNull(i++, Types.DOUBLE);
        }
        statement.setBoolean(i++, row.playedToEnd());
        statement.setString(i++, row.failure().map(JobFailure::vendorCode).orElse(null));
        statement.setString(i++, row.failure().map(JobFailure::message).orElse(null));
        statement.setObject(i++, timestamp(row.updatedAt()));
        statement.setObject(i++, row.startedAt().map(SqlTimes::timestamp).orElse(null));
        statement.setObject(i++, row.stoppedAt().map(SqlTimes::timestamp).orElse(null));
        return i;
    }

    private String activeOf(IngestRecord row) {
        return transactions.executeRead(status -> {
            try (PreparedStatement active = status.getConnection().prepareStatement(ACTIVE_OF_ROBOT)) {
                active.setString(1, row.roomId());
                active.setString(2, row.robotUserId());
                try (ResultSet rows = active.executeQuery()) {
                    return rows.next() ? rows.getString(1) : "(ended since)";
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not find the active ingest of room " + row.roomId(), e);
            }
        });
    }

    private static List<Ingest> all(PreparedStatement statement) throws SQLException {
        List<Ingest> ingests = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ingests.add(toIngest(rows));
            }
        }
        return ingests;
    }

    private static Ingest toIngest(ResultSet row) throws SQLException {
        long offset = row.getLong("clock_offset_ms");
        Optional<PlaybackClock> clock = row.wasNull() ? Optional.empty()
                : Optional.of(new PlaybackClock(Duration.ofMillis(offset), instant(row, "clock_playing_since"),
                        row.getDouble("clock_tempo")));
        String failureCode = row.getString("failure_code");
        Optional<JobFailure> failure = Optional.ofNullable(row.getString("failure_message"))
                .map(message -> new JobFailure(failureCode, message));
        return Ingest.restore(new IngestRecord(
                row.getString("id"),
                row.getString("room_id"),
                Vendor.parse(row.getString("vendor"), "vendor"),
                row.getString("channel"),
                row.getString("source_url"),
                IngestMode.parse(row.getString("mode"), "mode"),
                row.getString("robot_user_id"),
                row.getInt("repeat_count"),
                row.getInt("volume"),
                Duration.ofMillis(row.getLong("start_position_ms")),
                IngestState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(row.getString("task_id")),
                clock,
                row.getBoolean("played_to_end"),
                failure,
                instant(row, "created_at").orElseThrow(),
                instant(row, "updated_at").orElseThrow(),
                instant(row, "started_at"),
                instant(row, "stopped_at"),
                row.getLong("version")));
    }


}
