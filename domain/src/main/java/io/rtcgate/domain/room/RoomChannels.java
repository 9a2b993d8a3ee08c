package io.rtcgate.domain.room;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.audit.AuditActions;
import io.rtcgate.domain.audit.AuditEntry;
import io.rtcgate.domain.audit.AuditLog;
import io.rtcgate.domain.user.UserIds;
import io.rtcgate.domain.vendor.ChannelAdmin;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.ParticipantLister;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.Participants;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** What people do with a room's vendor channel: join it, kick someone, see who is in, close it. */
public final class RoomChannels {

    /** The longest ban a kick may set: one day. */
    public static final Duration MAX_KICK = Duration.ofDays(1);

    private final RoomStore rooms;
    private final VendorPorts ports;
    private final Duration tokenTtl;
    private final AuditLog audit;
    private final Clock clock;

    public RoomChannels(RoomStore rooms, VendorPorts ports, Duration tokenTtl, AuditLog audit, Clock clock) {
        this.rooms = rooms;
        this.ports = ports;
        this.tokenTtl = tokenTtl;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who is in a room's channel, on which vendor. */
    public record RoomParticipants(Vendor vendor, Participants participants) {
    }

    /**
     * The caller's credential for the room's channel. Hosting is for the anchor, co-hosting for current
     * co-host members, watching for anyone.
     */
    public JoinCredential join(Caller caller, String roomId, ParticipantRole role) {
        Room room = rooms.require(roomId);
        switch (role) {
            case HOST -> {
                if (!room.isAnchor(caller)) {
                    throw new ForbiddenException("role host is for the room's anchor only");
                }
            }
            case COHOST -> {
                if (!room.isMeetingMember(caller.userId())) {
                    throw new ForbiddenException("role cohost is for current co-host members only");
                }
            }
            case AUDIENCE -> {
                // anyone signed in may watch
            }
        }
        room.requireNotEnded();
        VendorBinding binding = bindingOf(room);
        return ports.require(binding.vendor(), JoinTokenIssuer.class)
                .issue(new JoinRequest(binding.channel(), caller.userId(), role, tokenTtl));
    }

    /**
     * A day's credential for {@code userId} on the room's channel, for a client that builds its own co-host
     * URLs (the AUI {@code getRtcAuthToken}). Callers get credentials for themselves; admins for anyone.
     */
    public JoinCredential coHostCredential(Caller caller, String roomId, String userId) {
        UserIds.require(userId, "user_id");
        if (!caller.actsFor(userId)) {
            throw new ForbiddenException("user_id must be the authenticated user");
        }
        Room room = rooms.require(roomId);
        VendorBinding binding = bindingOf(room);
        ParticipantRole role = room.anchorId().equals(userId) ? ParticipantRole.HOST : ParticipantRole.COHOST;
        return ports.require(binding.vendor(), JoinTokenIssuer.class)
                .issue(new JoinRequest(binding.channel(), userId, role, RoomService.CO_HOST_LINK_TTL));
    }

    /**
     * The anchor or an admin removes a user from the channel and keeps them out for a while. A kick the vendor
     * carried out is in the audit log; one it refused or never got is not.
     */
    public void kick(Caller caller, String roomId, String userId, Duration duration) {
        UserIds.require(userId, "user_id");
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_KICK) > 0) {
            throw new InvalidInputException("duration_seconds", "duration_seconds must be between 1 and " + MAX_KICK.toSeconds());
        }
        Room room = rooms.require(roomId);
        if (!caller.actsFor(room.anchorId())) {
            throw new ForbiddenException("only the room's anchor or an admin may kick");
        }
        VendorBinding binding = bindingOf(room);
        ports.require(binding.vendor(), ChannelAdmin.class).kick(channelRef(room, binding), userId, duration);
        audit.record(AuditEntry.of(caller, AuditActions.ROOM_KICK,
                AuditEntry.target("room", roomId, "user", userId), null,
                Map.of("vendor", binding.vendor().wireName(), "duration_seconds", duration.toSeconds()), clock.instant()));
    }

    public RoomParticipants participants(String roomId) {
        Room room = rooms.require(roomId);
        VendorBinding binding = bindingOf(room);
        Participants participants = ports.require(binding.vendor(), ParticipantLister.class)
                .participants(channelRef(room, binding));
        return new RoomParticipants(binding.vendor(), participants);
    }

    /** Ends the room's channel on its vendor for everyone in it; a room without a channel has nothing to close. */
    public void close(Room room) {
        room.binding().ifPresent(binding ->
                ports.require(binding.vendor(), ChannelAdmin.class).close(channelRef(room, binding)));
    }

    private static VendorBinding bindingOf(Room room) {
        return room.binding().orElseThrow(() -> new ConflictException("the room has no vendor channel"));
    }

    private static ChannelRef channelRef(Room room, VendorBinding binding) {
        return new ChannelRef(binding.channel(), room.streamName(), room.anchorId());
    }
}
