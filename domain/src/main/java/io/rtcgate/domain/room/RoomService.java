package io.rtcgate.domain.room;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.messaging.MessageGroups;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.JoinCredential;
import io.rtcgate.domain.vendor.JoinRequest;
import io.rtcgate.domain.vendor.JoinTokenIssuer;
import io.rtcgate.domain.vendor.NamedRoute;
import io.rtcgate.domain.vendor.NoHealthyVendorException;
import io.rtcgate.domain.vendor.ParticipantRole;
import io.rtcgate.domain.vendor.StreamUrlSigner;
import io.rtcgate.domain.vendor.StreamUrls;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** The room use cases, named after what the caller does. */
public final class RoomService {

    private static final System.Logger LOG = System.getLogger(RoomService.class.getName());
    /** The clean-up that deletes a room's messaging group once the room is gone. */
    public static final String DELETE_MESSAGE_GROUP = "message-group.delete";
    /** How long co-host links stay valid: a day, ARTC's longest, as the AUI AppServer signs them. */
    public static final Duration CO_HOST_LINK_TTL = Duration.ofHours(24);

    private final RoomStore rooms;
    private final RoomIdGenerator ids;
    private final VendorRouter router;
    private final VendorPorts ports;
    private final RoomChannels channels;
    private final VendorCleanups cleanups;
    private final RoomJobs jobs;
    private final RoomCounters counters;
    private final Clock clock;

    public RoomService(RoomStore rooms, RoomIdGenerator ids, VendorRouter router, VendorPorts ports,
                       RoomChannels channels, VendorCleanups cleanups, RoomJobs jobs, RoomCounters counters, Clock clock) {
        this.rooms = rooms;
        this.ids = ids;
        this.router = router;
        this.ports = ports;
        this.channels = channels;
        this.cleanups = cleanups;
        this.jobs = jobs;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Creates a room bound to a vendor channel: the caller's explicit vendor, or the first healthy one
     * routing prefers. Callers create rooms for themselves; an admin may create one for any anchor.
     */
    public RoomView create(Caller caller, NewRoom request, Optional<Vendor> vendor) {
        return create(caller, request, vendor, true);
    }

    /**
     * Creates a room as {@link #create(Caller, NewRoom, Optional)} does; with {@code failover} off the room stays on
     * its vendor even when that fails.
     */
    public RoomView create(Caller caller, NewRoom request, Optional<Vendor> vendor, boolean failover) {
        requireOwnAnchor(caller, request);
        VendorRouter.Snapshot routing = router.snapshot();
        Vendor chosen = vendor.map(v -> routing.pin(v, "vendor")).orElseGet(() -> routing.route(Capability.RTC));
        String id = ids.next().toString();
        RoomChange created = Room.create(caller, id, request, ids.next().toString(), VendorBinding.first(id, chosen), id,
                RoomRoute.RTC, failover, clock.instant());
        rooms.insert(created);
        return view(created.room(), caller, urlSigner(routing));
    }

    /**
     * Creates a room for an AUI client, on the vendor of the {@link NamedRoute#AUI} route. With
     * {@code messageGroup}, the room's messaging group is created first, on the first healthy vendor of
     * {@code rtcgate.routing.message-groups}, and becomes its chat id: the group id is the room id without
     * hyphens (messaging group ids are letters and digits). No group, no room: a vendor failure is
     * answered as such and nothing is stored.
     */
    public RoomView createForAui(Caller caller, NewRoom request, boolean messageGroup) {
        requireOwnAnchor(caller, request);
        VendorRouter.Snapshot routing = router.snapshot();
        Vendor chosen = routing.route(NamedRoute.AUI);
        String id = ids.next().toString();
        String meetingId = ids.next().toString();
        if (!messageGroup) {
            RoomChange created = Room.create(caller, id, request, meetingId, VendorBinding.first(id, chosen), id, RoomRoute.AUI,
                    true, clock.instant());
            rooms.insert(created);
            return view(created.room(), caller, urlSigner(routing));
        }
        Vendor groupVendor = messageGroupVendor(routing);
        String chatId = ports.require(groupVendor, MessageGroups.class).create(id.replace("-", ""), request.anchorId());
        RoomChange created = Room.create(caller, id, request, meetingId, VendorBinding.first(id, chosen), chatId, RoomRoute.AUI,
                true, clock.instant());
        try {
            rooms.insert(created);
        } catch (RuntimeException e) {
            // the room was not stored: its group must not outlive it
            try {
                cleanups.schedule(groupVendor, DELETE_MESSAGE_GROUP, chatId);
            } catch (RuntimeException queueFailed) {
                e.addSuppressed(queueFailed);
                LOG.log(Level.ERROR, "room {0} was not stored, and deleting its messaging group {1} could not be queued",
                        id, chatId);
            }
            throw e;
        }
        return view(created.room(), caller, urlSigner(routing));
    }

    /** Callers create rooms for themselves; an admin may create one for any anchor. */
    private static void requireOwnAnchor(Caller caller, NewRoom request) {
        if (!caller.actsFor(request.anchorId())) {
            throw new ForbiddenException("anchor must be the authenticated user");
        }
    }

    private static Vendor messageGroupVendor(VendorRouter.Snapshot routing) {
        try {
            return routing.route(Capability.MESSAGE_GROUPS);
        } catch (NoHealthyVendorException e) {
            throw new NoHealthyVendorException("no vendor can create the room's messaging group for aliyun_new: Aliyun must be"
                    + " enabled with rtcgate.vendors.aliyun.im-app-id, im-app-key and im-app-sign, up and healthy");
        }
    }

    public RoomView get(Caller caller, String roomId) {
        return view(rooms.require(roomId), caller, urlSigner(router.snapshot()));
    }

    public List<RoomView> list(Caller caller, RoomQuery query) {
        Optional<StreamUrlSigner> signer = urlSigner(router.snapshot());
        List<Room> page = rooms.list(query);
        // one read of the counters for the whole page, not one per room
        Map<String, RoomMetrics> metrics = counters.of(page.stream().map(Room::id).toList());
        return page.stream().map(room -> view(room, caller, signer, metrics.get(room.id()))).toList();
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
     * Ends the room, then its jobs (recordings) and its vendor channel. The room stays ended whatever
     * happens to them (an unreachable vendor, an adapter fault): the failure is logged, vendor failures
     * count against the vendor's health, and the jobs' reconcilers finish what is left. Answering with an
     * error here would make the client retry a stop that already happened.
     */
    public RoomView stop(Caller caller, String roomId) {
        RoomView stopped = change(caller, roomId, (room, now) -> room.stop(caller, now));
        endJobs(stopped.room());
        try {
            channels.close(stopped.room());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "room {0} ended, but its channel was not closed: {1}", roomId, e.getMessage());
        }
        return stopped;
    }

    /**
     * Deletes a room and returns it as it was. A messaging group made for the room is deleted with it: the
     * group's deletion is queued in the room deletion's transaction and tried at once, so neither a vendor
     * failure nor a crash loses it.
     */
    public RoomView delete(Caller caller, String roomId) {
        Room room = rooms.require(roomId);
        RoomChange deleted = room.delete(caller, clock.instant());
        room.messageGroup().ifPresentOrElse(
                // the room's deletion and its group's queued deletion commit together, so a crash loses neither
                group -> cleanups.scheduleWith(() -> rooms.delete(deleted), groupVendorOf(room), DELETE_MESSAGE_GROUP, group),
                () -> rooms.delete(deleted));
        endJobs(room);
        return view(room, caller, urlSigner(router.snapshot()));
    }

    private void endJobs(Room room) {
        try {
            jobs.roomEnded(room);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "room {0} ended, but its jobs were not all ended; their reconcilers finish them: {1}",
                    room.id(), e.toString());
        }
    }

    /**
     * The vendor holding a room's messaging group: the first that offers message groups. Only Aliyun has
     * them, so while none is enabled the deletion is queued for Aliyun, to run once it is again.
     */
    private Vendor groupVendorOf(Room room) {
        List<Vendor> offering = router.preferred(Capability.MESSAGE_GROUPS);
        if (offering.isEmpty()) {
            LOG.log(Level.WARNING, "room {0}: no vendor offers message groups now; deleting {1} waits for Aliyun",
                    room.id(), room.chatId());
            return Vendor.ALIYUN;
        }
        return offering.get(0);
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

    private RoomView view(Room room, Caller caller, Optional<StreamUrlSigner> signer) {
        return view(room, caller, signer, counters.of(room.id()));
    }

    private RoomView view(Room room, Caller caller, Optional<StreamUrlSigner> signer, RoomMetrics metrics) {
        Optional<StreamUrls> urls = signer.map(s -> s.sign(room.streamName()));
        boolean mayPublish = caller.actsFor(room.anchorId());
        return new RoomView(room, urls.filter(u -> mayPublish).map(StreamUrls::push), urls.map(StreamUrls::pull),
                coHostLinks(room, caller, signer), metrics);
    }

    /**
     * The caller's links into a co-host room's channel, on a vendor whose join credentials carry co-host
     * URLs (Aliyun ARTC). As in the AUI AppServer, anyone may ask to co-host, so everyone gets a push URL;
     * the CDN pull URLs play the channel's relayed anchor stream.
     */
    private Optional<CoHostLinks> coHostLinks(Room room, Caller caller, Optional<StreamUrlSigner> signer) {
        if (room.mode() != RoomMode.COHOST || room.binding().isEmpty()) {
            return Optional.empty();
        }
        VendorBinding binding = room.binding().get();
        Optional<JoinTokenIssuer> issuer = ports.find(binding.vendor(), JoinTokenIssuer.class)
                .filter(JoinTokenIssuer::issuesCoHostUrls);
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        ParticipantRole role = room.isAnchor(caller) ? ParticipantRole.HOST : ParticipantRole.COHOST;
        JoinCredential credential = issuer.get().issue(new JoinRequest(binding.channel(), caller.userId(), role, CO_HOST_LINK_TTL));
        String push = credential.urls().get(JoinCredential.CO_HOST_PUSH_URL);
        String pull = credential.urls().get(JoinCredential.CO_HOST_PULL_URL);
        if (push == null || pull == null) {
            return Optional.empty();
        }
        return Optional.of(new CoHostLinks(push, pull,
                signer.map(s -> s.signCoHostStream(credential.appId(), binding.channel(), room.anchorId()))));
    }
}
