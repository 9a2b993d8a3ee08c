package io.rtcgate.domain.room;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.StreamUrlSigner;
import io.rtcgate.domain.vendor.StreamUrls;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The room use cases, named after what the caller does. */
public final class RoomService {

    private static final System.Logger LOG = System.getLogger(RoomService.class.getName());

    private final RoomStore rooms;
    private final RoomIdGenerator ids;
    private final VendorRouter router;
    private final VendorPorts ports;
    private final RoomChannels channels;
    private final Clock clock;

    public RoomService(RoomStore rooms, RoomIdGenerator ids, VendorRouter router, VendorPorts ports,
                       RoomChannels channels, Clock clock) {
        this.rooms = rooms;
        this.ids = ids;
        this.router = router;
        this.ports = ports;
        this.channels = channels;
        this.clock = clock;
    }

    /**
     * Creates a room bound to a vendor channel: the caller's explicit vendor, or the first healthy one
     * routing prefers. Callers create rooms for themselves; an admin may create one for any anchor.
     */
    public RoomView create(Caller caller, NewRoom request, Optional<Vendor> vendor) {
        if (!caller.actsFor(request.anchorId())) {
            throw new ForbiddenException("anchor must be the authenticated user");
        }
        VendorRouter.Snapshot routing = router.snapshot();
        Vendor chosen = vendor.map(v -> routing.pin(v, "vendor")).orElseGet(() -> routing.route(Capability.RTC));
        String id = ids.next().toString();
        RoomChange created = Room.create(caller, id, request, ids.next().toString(), VendorBinding.first(id, chosen),
                clock.instant());
        rooms.insert(created);
        return view(created.room(), caller, urlSigner(routing));
    }

    public RoomView get(Caller caller, String roomId) {
        return view(rooms.require(roomId), caller, urlSigner(router.snapshot()));
    }

    public List<RoomView> list(Caller caller, RoomQuery query) {
        Optional<StreamUrlSigner> signer = urlSigner(router.snapshot());
        return rooms.list(query).stream().map(room -> view(room, caller, signer)).toList();
    }

    public RoomView update(Caller caller, String roomId, RoomChanges changes) {
        return change(caller, roomId, (room, now) -> room.update(caller, changes, now));
    }

    public RoomView start(Caller caller, String roomId) {
        return change(caller, roomId, (room, now) -> room.start(caller, now));
    }

    public RoomView pause(Caller caller, String roomId) {
        return change(caller, roomId, (room, now) -> room.pause(caller, now));
    }

    /**
     * Ends the room, then closes its vendor channel. The room stays ended whatever happens to the close
     * (an unreachable vendor, an adapter fault): the failure is logged, and vendor failures count against
     * the vendor's health. Answering with an error here would make the client retry a stop that already
     * happened.
     */
    public RoomView stop(Caller caller, String roomId) {
        RoomView stopped = change(caller, roomId, (room, now) -> room.stop(caller, now));
        try {
            channels.close(stopped.room());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "room {0} ended, but its channel was not closed: {1}", roomId, e.getMessage());
        }
        return stopped;
    }

    /** Deletes a room and returns it as it was. */
    public RoomView delete(Caller caller, String roomId) {
        Room room = rooms.require(roomId);
        rooms.delete(room.delete(caller, clock.instant()));
        return view(room, caller, urlSigner(router.snapshot()));
    }

    public List<MeetingMember> meetingMembers(String roomId) {
        Room room = rooms.require(roomId);
        room.requireCoHostSession();
        return room.meetingMembers();
    }

    /**
     * Replaces the co-host members. When {@code expectedVersion} is given, the update only applies to
     * that version of the room (compare-and-set); the store always refuses a concurrent overwrite.
     */
    public List<MeetingMember> replaceMeetingMembers(
            Caller caller, String roomId, List<MeetingMember> members, Optional<Long> expectedVersion) {
        Room room = rooms.require(roomId);
        RoomChange changed = room.replaceMeetingMembers(caller, members, clock.instant());
        if (expectedVersion.isPresent() && expectedVersion.get() != room.version()) {
            throw new ConflictException(
                    "the room is at version " + room.version() + ", not " + expectedVersion.get());
        }
        return rooms.update(changed).meetingMembers();
    }

    private RoomView change(Caller caller, String roomId, BiFunction<Room, Instant, RoomChange> change) {
        RoomChange changed = change.apply(rooms.require(roomId), clock.instant());
        return view(rooms.update(changed), caller, urlSigner(router.snapshot()));
    }

    /**
     * The signer of stream URLs, routed on every read: URLs are computed, never stored. A room is read
     * without URLs rather than not at all while no vendor signs them (an operator marked the signing
     * vendor down, or none is enabled), so rooms on a healthy RTC vendor keep working.
     */
    private Optional<StreamUrlSigner> urlSigner(VendorRouter.Snapshot routing) {
        return routing.serving(Capability.STREAM_URLS).flatMap(vendor -> ports.find(vendor, StreamUrlSigner.class));
    }

    private static RoomView view(Room room, Caller caller, Optional<StreamUrlSigner> signer) {
        Optional<StreamUrls> urls = signer.map(s -> s.sign(room.streamName()));
        boolean mayPublish = caller.actsFor(room.anchorId());
        return new RoomView(room, urls.filter(u -> mayPublish).map(StreamUrls::push), urls.map(StreamUrls::pull));
    }
}
