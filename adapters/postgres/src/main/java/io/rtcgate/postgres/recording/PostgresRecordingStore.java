package io.rtcgate.postgres.recording;

import static io.rtcgate.postgres.SqlTimes.instant;
import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.Page;
import io.rtcgate.domain.job.JobFailure;
import io.rtcgate.domain.recording.ActiveRecordingException;
import io.rtcgate.domain.recording.MixLayout;
import io.rtcgate.domain.recording.RecorderIdentity;
import io.rtcgate.domain.recording.Recording;
import io.rtcgate.domain.recording.RecordingFormat;
import io.rtcgate.domain.recording.RecordingMode;
import io.rtcgate.domain.recording.RecordingRecord;
import io.rtcgate.domain.recording.RecordingSpec;
import io.rtcgate.domain.recording.RecordingState;
import io.rtcgate.domain.recording.RecordingStore;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.postgres.PageCursor;
import io.rtcgate.postgres.SqlErrors;
import io.rtcgate.postgres.SqlTimes;
import io.rtcgate.postgres.job.QuietRows;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Recordings in {@code recordings}, over plain JDBC for the partial unique index and {@code SKIP LOCKED}.
 * Every update checks the version it read; the reconciler's work runs in the transaction that holds the
 * row's lock ({@link QuietRows}), so two nodes never reconcile one recording at once.
 */
@Singleton
public class PostgresRecordingStore implements RecordingStore {

    private static final String STALE = "the recording was changed by another request; reload it and try again";
    private static final String ACTIVE = "('requested', 'starting', 'recording', 'stopping')";
    private static final String COLUMNS = """
            id, room_id, mode, formats, max_idle_seconds, layout, state, vendor, recorder, task_id,
            CAST(segments AS text) AS segments, failure_code, failure_message, created_at, updated_at, started_at,
            stopped_at, version""";
    private static final String INSERT = """
            INSERT INTO recordings (id, room_id, mode, formats, max_idle_seconds, layout, state, vendor, recorder, task_id,
                segments, failure_code, failure_message, created_at, updated_at, started_at, stopped_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, 1)""";
    private static final String UPDATE = """
            UPDATE recordings SET state = ?, vendor = ?, recorder = ?, task_id = ?, segments = CAST(? AS jsonb),
                failure_code = ?, failure_message = ?, updated_at = ?, started_at = ?, stopped_at = ?, version = version + 1
            WHERE id = ? AND version = ?""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM recordings WHERE id = ?";
    private static final String ACTIVE_IN_ROOM = "SELECT " + COLUMNS + " FROM recordings WHERE room_id = ? AND state IN "
            + ACTIVE + " ORDER BY created_at";
    private static final String ACTIVE_OF_MODE = "SELECT id FROM recordings WHERE room_id = ? AND mode = ? AND state IN "
            + ACTIVE;
    private static final String PAGE = "SELECT " + COLUMNS + """
             FROM recordings WHERE room_id = ? AND (created_at, id) < (?, ?)
            ORDER BY created_at DESC, id DESC LIMIT ?""";
    private static final String BY_TASK = "SELECT " + COLUMNS + " FROM recordings WHERE vendor = ? AND task_id = ?";
    private static final String BY_RECORDER = "SELECT " + COLUMNS
            + " FROM recordings WHERE vendor = ? AND recorder = ? ORDER BY created_at DESC LIMIT 1";

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final RoomEventLog events;
    private final QuietRows<Recording> quietRows;

    public PostgresRecordingStore(TransactionOperations<Connection> transactions, JsonMapper json, RoomEventLog events) {
        this.transactions = transactions;
        this.json = json;
        this.events = events;
        this.quietRows = new QuietRows<>(transactions, "recordings", ACTIVE, COLUMNS, this::toRecording, this::update);
    }

    @Override
    public Recording insert(Recording recording) {
        RecordingRecord row = recording.toRecord();
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement insert = status.getConnection().prepareStatement(INSERT)) {
                    int i = 1;
                    insert.setString(i++, row.id());
                    insert.setString(i++, row.roomId());
                    insert.setString(i++, row.spec().mode().wireName());
                    insert.setString(i++, formatsOf(row.spec()));
                    insert.setInt(i++, (int) row.spec().maxIdle().toSeconds());
                    insert.setString(i++, row.spec().layout().map(MixLayout::wireName).orElse(null));
                    i = bindChange(insert, i, row);
                    insert.setObject(i++, timestamp(row.createdAt()));
                    bindTimes(insert, i, row);
                    insert.executeUpdate();
                    events.append(status.getConnection(), recording.raisedEvents());
                    return null;
                } catch (SQLException e) {
                    throw new DataAccessException("could not insert recording " + row.id(), e);
                }
            });
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw activeConflict(row);
            }
            throw e;
        }
        return recording.savedAs(1);
    }

    @Override
    public Recording update(Recording recording) {
        RecordingRecord row = recording.toRecord();
        int updated = transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(UPDATE)) {
                int i = 1;
                i = bindChange(update, i, row);
                i = bindTimes(update, i, row);
                update.setString(i++, row.id());
                update.setLong(i, row.version());
                return events.appendIfSaved(status.getConnection(), update.executeUpdate(), recording.raisedEvents());
            } catch (SQLException e) {
                throw new DataAccessException("could not update recording " + row.id(), e);
            }
        });
        if (updated != 1) {
            throw new ConflictException(STALE);
        }
        return recording.savedAs(row.version() + 1);
    }

    @Override
    public Optional<Recording> find(String id) {
        return transactions.executeRead(status -> one(status.getConnection(), FIND, id));
    }

    @Override
    public Page<Recording> listForRoom(String roomId, int limit, Optional<String> cursor) {
        return PageCursor.readPage(transactions, PAGE, roomId, limit, cursor, this::all, Recording::createdAt, Recording::id, "the recordings");
    }

    @Override
    public List<Recording> activeInRoom(String roomId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement active = status.getConnection().prepareStatement(ACTIVE_IN_ROOM)) {
                active.setString(1, roomId);
                return all(active);
            } catch (SQLException e) {
                throw new DataAccessException("could not read the active recordings of room " + roomId, e);
            }
        });
    }

    @Override
    public Optional<Recording> findByTask(Vendor vendor, String taskId) {
        return transactions.executeRead(status -> one(status.getConnection(), BY_TASK, vendor.wireName(), taskId));
    }

    @Override
    public Optional<Recording> findByRecorder(Vendor vendor, RecorderIdentity recorder) {
        return transactions.executeRead(status -> one(status.getConnection(), BY_RECORDER, vendor.wireName(), recorder.value()));
    }

    @Override
    public List<String> quietActive(Instant heardBefore, int limit) {
        return quietRows.quietActive(heardBefore, limit);
    }

    @Override
    public Optional<Recording> reconcile(String id, Instant heardBefore, UnaryOperator<Recording> work) {
        return quietRows.reconcile(id, heardBefore, work);
    }

    // ---- rows ----

    /** Binds state, vendor, recorder, task_id, segments, failure_code, failure_message; returns the next index. */
    private int bindChange(PreparedStatement statement, int from, RecordingRecord row) throws SQLException {
        RecordingSegmentColumns current = RecordingSegmentColumns.of(row);
        int i = from;
        statement.setString(i++, row.state().wireName());
        statement.setString(i++, current.vendor());
        statement.setString(i++, current.recorder());
        statement.setString(i++, current.taskId());
        statement.setString(i++, segmentsJson(row));
        statement.setString(i++, row.failure().map(JobFailure::vendorCode).orElse(null));
        statement.setString(i++, row.failure().map(JobFailure::message).orElse(null));
        return i;
    }

    /** Binds updated_at, started_at, stopped_at; returns the next index. */
    private static int bindTimes(PreparedStatement statement, int from, RecordingRecord row) throws SQLException {
        int i = from;
        statement.setObject(i++, timestamp(row.updatedAt()));
        statement.setObject(i++, row.startedAt().map(SqlTimes::timestamp).orElse(null));
        statement.setObject(i++, row.stoppedAt().map(SqlTimes::timestamp).orElse(null));
        return i;
    }

    /** The current segment's look-up columns. */
    private record RecordingSegmentColumns(String vendor, String recorder, String taskId) {
        static RecordingSegmentColumns of(RecordingRecord row) {
            var current = row.segments().get(row.segments().size() - 1);
            return new RecordingSegmentColumns(current.vendor().wireName(), current.recorder().value(),
                    current.task().flatMap(task -> task.taskId()).orElse(null));
        }
    }

    private ActiveRecordingException activeConflict(RecordingRecord row) {
        String activeId = transactions.executeRead(status -> {
            try (PreparedStatement active = status.getConnection().prepareStatement(ACTIVE_OF_MODE)) {
                active.setString(1, row.roomId());
                active.setString(2, row.spec().mode().wireName());
                try (ResultSet rows = active.executeQuery()) {
                    return rows.next() ? rows.getString(1) : "(ended since)";
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not find the active recording of room " + row.roomId(), e);
            }
        });
        return new ActiveRecordingException(row.roomId(), row.spec().mode(), activeId);
    }

    private Optional<Recording> one(Connection connection, String sql, String... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return first(statement);
        } catch (SQLException e) {
            throw new DataAccessException("could not read recordings", e);
        }
    }

    private Optional<Recording> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(toRecording(rows)) : Optional.empty();
        }
    }

    private List<Recording> all(PreparedStatement statement) throws SQLException {
        List<Recording> recordings = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                recordings.add(toRecording(rows));
            }
        }
        return recordings;
    }

    private Recording toRecording(ResultSet row) throws SQLException {
        RecordingSpec spec = new RecordingSpec(
                RecordingMode.parse(row.getString("mode"), "mode"),
                Arrays.stream(row.getString("formats").split(",")).map(name -> RecordingFormat.parse(name, "formats"))
                        .collect(Collectors.toSet()),
                Duration.ofSeconds(row.getInt("max_idle_seconds")),
                Optional.ofNullable(row.getString("layout")).map(name -> MixLayout.parse(name, "layout")));
        String failureMessage = row.getString("failure_message");
        String failureCode = row.getString("failure_code");
        return Recording.restore(new RecordingRecord(
                row.getString("id"),
                row.getString("room_id"),
                spec,
                RecordingState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                readSegments(row.getString("segments")).stream().map(SegmentJson::toSegment).toList(),
                Optional.ofNullable(failureMessage).map(message -> new JobFailure(failureCode, message)),
                instant(row, "created_at").orElseThrow(),
                instant(row, "updated_at").orElseThrow(),
                instant(row, "started_at"),
                instant(row, "stopped_at"),
                row.getLong("version")));
    }

    private String segmentsJson(RecordingRecord row) {
        try {
            return json.writeValueAsString(row.segments().stream().map(SegmentJson::of).toList());
        } catch (IOException e) {
            throw new DataAccessException("could not write the segments of recording " + row.id(), e);
        }
    }

    private List<SegmentJson> readSegments(String text) {
        try {
            return json.readValue(text, Argument.listOf(SegmentJson.class));
        } catch (IOException e) {
            throw new DataAccessException("could not read recording segments", e);
        }
    }

    private static String formatsOf(RecordingSpec spec) {
        return RecordingFormat.ordered(spec.formats()).stream().map(RecordingFormat::wireName).collect(Collectors.joining(","));
    }
}
