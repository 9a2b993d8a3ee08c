package io.rtcgate.domain.interaction;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.audit.AuditActions;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.user.UserIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may comment in a room. The anchor or an admin mutes one user for a while or the whole room until lifted;
 * a muted room still lets its anchor and admins comment. Muting writes {@code member.muted {user_id, until}} or
 * {@code room.muted}, lifting {@code member.unmuted {user_id}} or {@code room.unmuted}. A timed mute simply
 * ends at its {@code until}, which its event announced. Every mute and lift, whoever makes it, is in the audit log,
 * written with the change.
 */
public final class MuteService {

    /** The longest mute: a week. */
    public static final Duration MAX_MUTE = Duration.ofDays(7);
    /** A mute that names no duration lasts an hour. */
    public static final Duration DEFAULT_MUTE = Duration.ofHours(1);

    /** A room's mutes as its anchor sees them. */
    public record RoomMutes(boolean roomMuted, List<Mute> members) {
    }

    private final RoomStore rooms;
    private final MuteStore mutes;
    private final AuditLog audit;
    private final Clock clock;

    public MuteService(RoomStore rooms, MuteStore mutes, AuditLog audit, Clock clock) {
        this.rooms = rooms;
        this.mutes = mutes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Mutes {@code userId} in the room for {@code duration} (an hour when empty), replacing an earlier mute of them. */
    public Mute muteMember(Caller caller, String roomId, String userId, Optional<Duration> duration) {
        UserIds.require(userId, "user_id");
        Duration length = duration.orElse(DEFAULT_MUTE);
        if (length.isNegative() || length.isZero() || length.compareTo(MAX_MUTE) > 0) {
            throw new InvalidInputException("duration_seconds", "duration_seconds must be between 1 and " + MAX_MUTE.toSeconds());
        }
        Room room = moderated(caller, roomId);
        room.requireNotEnded();
        if (room.anchorId().equals(userId)) {
            throw new InvalidInputException("user_id", "the room's anchor cannot be muted");
        }
        Instant now = clock.instant();
        Mute mute = new Mute(roomId, userId, now.plus(length), caller.userId(), now);
        audit.recordWith(() -> {
            Optional<Mute> replaced = mutes.activeMute(roomId, userId, now);
            mutes.muteMember(mute);
            return replaced;
        }, replaced -> AuditEntry.of(caller, AuditActions.ROOM_MEMBER_MUTE, memberTarget(roomId, userId),
                replaced.map(MuteService::audited).orElse(null), audited(mute), now));
        return mute;
    }

    /** Lifts the user's mute; lifting one that has ended or never was changes nothing. */
    public void unmuteMember(Caller caller, String roomId, String userId) {
        UserIds.require(userId, "user_id");
        moderated(caller, roomId);
        Instant now = clock.instant();
        audit.recordWith(() -> {
            Optional<Mute> lifted = mutes.activeMute(roomId, userId, now);
            mutes.unmuteMember(roomId, userId, new RoomEvent(roomId, RoomEventType.MEMBER_UNMUTED, caller.userId(), now,
                    Map.of("user_id", userId)));
            return lifted;
        }, lifted -> AuditEntry.of(caller, AuditActions.ROOM_MEMBER_UNMUTE, memberTarget(roomId, userId),
                lifted.map(MuteService::audited).orElse(null), null, now));
    }

    /** Mutes the whole room until lifted; muting a muted room changes nothing. The room's state: muted. */
    public boolean muteRoom(Caller caller, String roomId) {
        moderated(caller, roomId).requireNotEnded();
        setRoomMuted(caller, roomId, true);
        return true;
    }

    /** Lifts the room's mute; the room's state: not muted. */
    public boolean unmuteRoom(Caller caller, String roomId) {
        moderated(caller, roomId);
        setRoomMuted(caller, roomId, false);
        return false;
    }

    /** Mutes or lifts the room, with its audit entry: before and after say whether it was and is muted. */
    private void setRoomMuted(Caller caller, String roomId, boolean muted) {
        RoomEvent event = roomEvent(muted ? RoomEventType.ROOM_MUTED : RoomEventType.ROOM_UNMUTED, caller, roomId);
        audit.recordWith(() -> {
            // setRoomMuted says whether it changed anything: the room was muted before exactly when that differs
            boolean changed = mutes.setRoomMuted(roomId, muted, event);
            return changed != muted;
        }, wasMuted -> AuditEntry.of(caller, muted ? AuditActions.ROOM_MUTE : AuditActions.ROOM_UNMUTE,
                AuditEntry.target("room", roomId), Map.of("muted", wasMuted), Map.of("muted", muted), event.at()));
    }

    private static String memberTarget(String roomId, String userId) {
        return AuditEntry.target("room", roomId, "user", userId);
    }

    /** A mute as the audit log shows it. */
    private static Map<String, Object> audited(Mute mute) {
        return Map.of("until", DateTimeFormatter.ISO_INSTANT.format(mute.until()), "muted_by", mute.mutedBy());
    }

    /** Whether the room, which must exist, is muted as a whole. */
    public boolean roomMuted(String roomId) {
        rooms.require(roomId);
        return mutes.roomMuted(roomId);
    }

    /** The room's state and its active user mutes, for its anchor and admins. */
    public RoomMutes mutes(Caller caller, String roomId) {
        moderated(caller, roomId);
        return new RoomMutes(mutes.roomMuted(roomId), mutes.activeMutes(roomId, clock.instant()));
    }

    /** Refuses a comment by a muted caller: muted in the room, or in a muted room without being its anchor or an admin. */
    void requireMayComment(Caller caller, Room room, Instant now) {
        Optional<Mute> mute = mutes.activeMute(room.id(), caller.userId(), now);
        if (mute.isPresent()) {
            throw new ForbiddenException("you are muted in this room until " + mute.get().until());
        }
        if (!caller.actsFor(room.anchorId()) && mutes.roomMuted(room.id())) {
            throw new ForbiddenException("the room is muted: only its anchor and admins may comment");
        }
    }

    /** The room, which the caller must moderate: its anchor or an admin. */
    private Room moderated(Caller caller, String roomId) {
        Room room = rooms.require(roomId);
        if (!caller.actsFor(room.anchorId())) {
            throw new ForbiddenException("only the room's anchor or an admin may mute");
        }
        return room;
    }

    private RoomEvent roomEvent(RoomEventType type, Caller caller, String roomId) {
        return new RoomEvent(roomId, type, caller.userId(), clock.instant(), Map.of());
    }
}
