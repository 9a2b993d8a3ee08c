package io.rtcgate.postgres.cohost;

import static io.rtcgate.postgres.SqlTimes.instant;
import static io.rtcgate.postgres.SqlTimes.timestamp;

import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.cohost.CohostLayout;
import io.rtcgate.domain.cohost.CohostSession;
import io.rtcgate.domain.cohost.CohostStore;
import io.rtcgate.domain.cohost.Invitation;
import io.rtcgate.domain.cohost.InvitationDirection;
import io.rtcgate.domain.cohost.InvitationState;
import io.rtcgate.domain.cohost.Mix;
import io.rtcgate.domain.cohost.MixOutcome;
import io.rtcgate.domain.cohost.MixState;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.postgres.SqlErrors;
import io.rtcgate.postgres.SqlTimes;
import io.rtcgate.postgres.job.QuietRows;
import io.rtcgate.postgres.room.RoomEventLog;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Co-host sessions in {@code cohost_sessions} and invitations in {@code cohost_invitations}, over plain JDBC
 * for the version checks, the partial unique index on pending invitations and {@code SKIP LOCKED}: every save
 * checks the version it read, and a session's events are written in its transaction.
 */
@Singleton
public class PostgresCohostStore implements CohostStore {

    private static final String STALE = "the co-host session was changed by another request; reload it and try again";
    private static final String DRIVABLE = "('starting', 'mixed', 'degraded')";
    private static final String SESSION_COLUMNS = """
            id, anchor_id, members, layout, state, main_available, mix_vendor, mix_generation, mix_task_id, mixed_user_ids,
            mixed_layout, mix_attempts, mix_retry_at, last_result_code, last_result_message, last_result_at, updated_at, version""";
    private static final String INSERT_SESSION = """
            INSERT INTO cohost_sessions (members, layout, state, main_available, mix_vendor, mix_generation, mix_task_id,
                mixed_user_ids, mixed_layout, mix_attempts, mix_retry_at, last_result_code, last_result_message,
                last_result_at, updated_at, id, anchor_id, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (id) DO NOTHING""";
    private static final String UPDATE_SESSION = """
            UPDATE cohost_sessions SET members = ?, layout = ?, state = ?, main_available = ?, mix_vendor = ?,
                mix_generation = ?, mix_task_id = ?, mixed_user_ids = ?, mixed_layout = ?, mix_attempts = ?, mix_retry_at = ?,
                last_result_code = ?, last_result_message = ?, last_result_at = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND version = ?""";
    private static final String FIND_SESSION = "SELECT " + SESSION_COLUMNS + " FROM cohost_sessions WHERE id = ?";
    private static final String BY_TASK = "SELECT " + SESSION_COLUMNS
            + " FROM cohost_sessions WHERE mix_vendor = ? AND mix_task_id = ?";
    private static final String MEMBERS_OF = "SELECT id, members, updated_at FROM cohost_sessions WHERE id = ANY (?)";
    private static final String INVITATION_COLUMNS = """
            id, room_id, inviter_id, invitee_id, direction, layout, state, created_at, expires_at, decided_at, version""";
    private static final String INSERT_INVITATION = """
            INSERT INTO cohost_invitations (id, room_id, inviter_id, invitee_id, joiner_id, direction, layout, state,
                created_at, expires_at, decided_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";
    private static final String DECIDE_INVITATION = """
            UPDATE cohost_invitations SET state = ?, decided_at = ?, version = version + 1
            WHERE id = ? AND version = ? AND state = 'pending'""";
    private static final String FIND_INVITATION = "SELECT " + INVITATION_COLUMNS + " FROM cohost_invitations WHERE id = ?";
    private static final String PENDING_IN_ROOM = "SELECT " + INVITATION_COLUMNS
            + " FROM cohost_invitations WHERE room_id = ? AND state = 'pending' ORDER BY created_at, id";
    private static final String PENDING_BETWEEN = "SELECT " + INVITATION_COLUMNS
            + " FROM cohost_invitations WHERE inviter_id = ? AND invitee_id = ? AND state = 'pending'"
            + " ORDER BY created_at DESC, id DESC";
    private static final String EXPIRED_PENDING = "SELECT " + INVITATION_COLUMNS
            + " FROM cohost_invitations WHERE state = 'pending' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?";

    private static final Argument<List<MemberJson>> MEMBERS = Argument.listOf(MemberJson.class);
    private static final Argument<List<String>> USER_IDS = Argument.listOf(String.class);

    private final TransactionOperations<Connection> transactions;
    private final RoomEventLog events;
    private final JsonMapper json;
    private final QuietRows<CohostSession> quietRows;

    public PostgresCohostStore(TransactionOperations<Connection> transactions, RoomEventLog events, JsonMapper json) {
        this.transactions = transactions;
        this.events = events;
        this.json = json;
        this.quietRows = new QuietRows<>(transactions, "cohost_sessions", DRIVABLE, SESSION_COLUMNS, this::toSession,
                this::save);
    }

    // ---- sessions ----

    @Override
    public Optional<CohostSession> find(String roomId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement find = status.getConnection().prepareStatement(FIND_SESSION)) {
                find.setString(1, roomId);
                return first(find);
            } catch (SQLException e) {
                throw new DataAccessException("could not read the co-host session of room " + roomId, e);
            }
        });
    }

    @Override
    public Optional<CohostSession> findByTask(Vendor vendor, String taskId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement find = status.getConnection().prepareStatement(BY_TASK)) {
                find.setString(1, vendor.wireName());
                find.setString(2, taskId);
                return first(find);
            } catch (SQLException e) {
                throw new DataAccessException("could not find the co-host session of mix task " + taskId, e);
            }
        });
    }

    @Override
    public Map<String, List<MeetingMember>> membersOf(Collection<String> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement find = connection.prepareStatement(MEMBERS_OF)) {
                find.setArray(1, connection.createArrayOf("varchar", roomIds.toArray()));
                Map<String, List<MeetingMember>> members = new HashMap<>();
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        List<MeetingMember> seated = readMembers(rows.getString("members"), instant(rows, "updated_at").orElseThrow());
                        if (!seated.isEmpty()) {
                            members.put(rows.getString("id"), seated);
                        }
                    }
                }
                return members;
            } catch (SQLException e) {
                throw new DataAccessException("could not read co-host members", e);
            }
        });
    }

    @Override
    public CohostSession save(CohostSession session) {
        int saved = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            boolean fresh = session.version() == 0;
            try (PreparedStatement write = connection.prepareStatement(fresh ? INSERT_SESSION : UPDATE_SESSION)) {
                int i = bindSession(write, session);
                write.setString(i++, session.roomId());
                if (fresh) {
                    write.setString(i, session.anchorId());
                } else {
                    write.setLong(i, session.version());
                }
                return events.appendIfSaved(connection, write.executeUpdate(), session.raisedEvents());
            } catch (SQLException e) {
                throw new DataAccessException("could not save the co-host session of room " + session.roomId(), e);
            }
        });
        if (saved != 1) {
            throw new ConflictException(STALE);
        }
        return session.savedAs(session.version() + 1);
    }

    @Override
    public List<String> quietActive(Instant heardBefore, int limit) {
        return quietRows.quietActive(heardBefore, limit);
    }

    @Override
    public Optional<CohostSession> reconcile(String id, Instant heardBefore, UnaryOperator<CohostSession> work) {
        return quietRows.reconcile(id, heardBefore, work);
    }

    // ---- invitations ----

    @Override
    public Invitation insert(Invitation invitation) {
        try {
            transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                try (PreparedStatement insert = connection.prepareStatement(INSERT_INVITATION)) {
                    int i = 1;
                    insert.setString(i++, invitation.id());
                    insert.setString(i++, invitation.roomId());
                    insert.setString(i++, invitation.inviterId());
                    insert.setString(i++, invitation.inviteeId());
                    insert.setString(i++, invitation.joinerId());
                    insert.setString(i++, invitation.direction().wireName());
                    insert.setString(i++, invitation.layout().map(CohostLayout::wireName).orElse(null));
                    insert.setString(i++, invitation.state().wireName());
                    insert.setObject(i++, timestamp(invitation.createdAt()));
                    insert.setObject(i++, timestamp(invitation.expiresAt()));
                    insert.setObject(i, invitation.decidedAt().map(SqlTimes::timestamp).orElse(null));
                    return events.appendIfSaved(connection, insert.executeUpdate(), invitation.raisedEvents());
                } catch (SQLException e) {
                    throw new DataAccessException("could not insert invitation " + invitation.id(), e);
                }
            });
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException(invitation.joinerId() + " has a pending co-host invitation in room "
                        + invitation.roomId() + " already");
            }
            throw e;
        }
        return invitation.savedAs(1);
    }

    @Override
    public Invitation decide(Invitation invitation, Optional<CohostSession> session) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement decide = connection.prepareStatement(DECIDE_INVITATION)) {
                decide.setString(1, invitation.state().wireName());
                decide.setObject(2, invitation.decidedAt().map(SqlTimes::timestamp).orElse(null));
                decide.setString(3, invitation.id());
                decide.setLong(4, invitation.version());
                if (events.appendIfSaved(connection, decide.executeUpdate(), invitation.raisedEvents()) != 1) {
                    throw new ConflictException("invitation " + invitation.id() + " was decided by another request; reload it");
                }
            } catch (SQLException e) {
                throw new DataAccessException("could not decide invitation " + invitation.id(), e);
            }
            // the seat joins this transaction: a stale session rolls the decision back too
            session.ifPresent(this::save);
            return null;
        });
        return invitation.savedAs(invitation.version() + 1);
    }

    @Override
    public Optional<Invitation> findInvitation(String id) {
        return invitations(FIND_INVITATION, statement -> statement.setString(1, id)).stream().findFirst();
    }

    @Override
    public List<Invitation> pendingInRoom(String roomId) {
        return invitations(PENDING_IN_ROOM, statement -> statement.setString(1, roomId));
    }

    @Override
    public List<Invitation> pendingBetween(String inviterId, String inviteeId) {
        return invitations(PENDING_BETWEEN, statement -> {
            statement.setString(1, inviterId);
            statement.setString(2, inviteeId);
        });
    }

    @Override
    public List<Invitation> expiredPending(Instant now, int limit) {
        return invitations(EXPIRED_PENDING, statement -> {
            statement.setObject(1, timestamp(now));
            statement.setInt(2, limit);
        });
    }

    // ---- internals ----

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Invitation> invitations(String sql, Binder binder) {
        return transactions.executeRead(status -> {
            try (PreparedStatement find = status.getConnection().prepareStatement(sql)) {
                binder.bind(find);
                List<Invitation> found = new ArrayList<>();
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        found.add(toInvitation(rows));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new DataAccessException("could not read co-host invitations", e);
            }
        });
    }

    private static Invitation toInvitation(ResultSet row) throws SQLException {
        String layout = row.getString("layout");
        return new Invitation(row.getString("id"), row.getString("room_id"), row.getString("inviter_id"),
                row.getString("invitee_id"), InvitationDirection.ofWireName(row.getString("direction")),
                Optional.ofNullable(layout).map(value -> CohostLayout.parse(value, "layout")),
                InvitationState.ofWireName(row.getString("state")), instant(row, "created_at").orElseThrow(), instant(row, "expires_at").orElseThrow(),
                instant(row, "decided_at"), row.getLong("version"), List.of());
    }

    private Optional<CohostSession> first(PreparedStatement find) throws SQLException {
        try (ResultSet row = find.executeQuery()) {
            return row.next() ? Optional.of(toSession(row)) : Optional.empty();
        }
    }

    private int bindSession(PreparedStatement write, CohostSession session) throws SQLException {
        Mix mix = session.mix();
        int i = 1;
        write.setString(i++, writeJson(session.members().stream().map(MemberJson::of).toList()));
        write.setString(i++, session.layout().wireName());
        write.setString(i++, mix.state().wireName());
        write.setBoolean(i++, mix.mainAvailable());
        write.setString(i++, mix.vendor().map(Vendor::wireName).orElse(null));
        write.setInt(i++, mix.generation());
        write.setString(i++, mix.taskId().orElse(null));
        write.setString(i++, writeJson(mix.mixedUserIds()));
        write.setString(i++, mix.mixedLayout().map(CohostLayout::wireName).orElse(null));
        write.setInt(i++, mix.attempts());
        write.setObject(i++, mix.retryAt().map(SqlTimes::timestamp).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
        write.setString(i++, mix.lastResult().map(MixOutcome::code).orElse(null));
        write.setString(i++, mix.lastResult().map(MixOutcome::message).orElse(null));
        write.setObject(i++, mix.lastResult().map(result -> timestamp(result.at())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
        write.setObject(i++, timestamp(session.updatedAt()));
        return i;
    }

    private CohostSession toSession(ResultSet row) throws SQLException {
        Instant updatedAt = instant(row, "updated_at").orElseThrow();
        String vendor = row.getString("mix_vendor");
        String mixedLayout = row.getString("mixed_layout");
        String resultCode = row.getString("last_result_code");
        Optional<MixOutcome> lastResult = resultCode == null ? Optional.empty()
                : Optional.of(new MixOutcome(resultCode, row.getString("last_result_message"), instant(row, "last_result_at").orElseThrow()));
        Mix mix = new Mix(MixState.ofWireName(row.getString("state")), row.getBoolean("main_available"),
                Optional.ofNullable(vendor).map(value -> Vendor.parse(value, "mix_vendor")), row.getInt("mix_generation"),
                Optional.ofNullable(row.getString("mix_task_id")), readJson(row.getString("mixed_user_ids"), USER_IDS),
                Optional.ofNullable(mixedLayout).map(value -> CohostLayout.parse(value, "mixed_layout")), row.getInt("mix_attempts"),
                instant(row, "mix_retry_at"), lastResult);
        return new CohostSession(row.getString("id"), row.getString("anchor_id"), readMembers(row.getString("members"), updatedAt),
                CohostLayout.parse(row.getString("layout"), "layout"), mix, row.getLong("version"), updatedAt);
    }

    private List<MeetingMember> readMembers(String text, Instant seatedUnlessKnown) {
        return readJson(text, MEMBERS).stream().map(member -> member.toMember(seatedUnlessKnown)).toList();
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T readJson(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable co-host session column", e);
        }
    }
}
