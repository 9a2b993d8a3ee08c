package io.rtcgate.domain.failover;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.cleanup.CleanupAction;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChange;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomMoves;
import io.rtcgate.domain.room.RoomRoute;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.NamedRoute;
import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorHealth;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Moves live rooms off failed vendors, and one room by an admin's hand, with the same machinery: one
 * compare-and-set on the room's binding (the next epoch, a new channel, a {@code vendor.switched} event in the
 * same transaction), then the room's jobs follow it ({@link RoomMoves}), through a clean-up queued in that
 * transaction ({@link #FOLLOW_ROOM}) so that no job's move is lost.
 *
 * <p>A vendor is failed when an operator marked it down, or when this node's circuit for it has been open for
 * {@code failAfter}. Every node runs {@link #pass()}; two nodes that race for one room both read it on the
 * failed vendor, one saves the move, and the other's save meets the version conflict, reads the room again,
 * finds it moved and leaves it. A room that cannot move (failover off, no eligible healthy vendor) stays, and
 * says why once per reason. A room is never moved back when its vendor recovers.
 */
public final class FailoverService {

    /**
     * The clean-up that makes a moved room's jobs follow it: queued in the move's transaction and tried at once, then
     * retried until every job followed, so a node that dies right after a move loses no job's move. Its target is
     * {@link #followTarget}.
     */
    public static final String FOLLOW_ROOM = "follow-moved-room";
    /** Who the events of an automatic move name. */
    public static final String ACTOR = RoomEvent.systemActor("failover");
    /** How many rooms one pass looks at; the rest wait for the next pass. */
    static final int BATCH = 1000;
    /** Reads of a room that another writer keeps changing, before the pass leaves it for the next one. */
    static final int RETRIES = 5;

    private static final System.Logger LOG = System.getLogger(FailoverService.class.getName());

    private final RoomStore rooms;
    private final VendorRouter router;
    private final VendorPorts ports;
    private final VendorHealth health;
    private final VendorCleanups cleanups;
    private final Clock clock;
    private final Duration failAfter;

    /**
     * @param failAfter how long a vendor's circuit stays open on this node before its rooms move
     *     ({@code rtcgate.failover.after})
     */
    public FailoverService(RoomStore rooms, VendorRouter router, VendorPorts ports, VendorHealth health,
                           VendorCleanups cleanups, Clock clock, Duration failAfter) {
        this.rooms = rooms;
        this.router = router;
        this.ports = ports;
        this.health = health;
        this.cleanups = cleanups;
        this.clock = clock;
        this.failAfter = failAfter;
    }

    /**
     * The clean-up action behind {@link #FOLLOW_ROOM}: the jobs of the room its target names follow it from the binding
     * the target names to the room's binding now. A room that ended or is gone has nothing to follow: its end ends
     * its jobs.
     */
    public static CleanupAction followAction(RoomStore rooms, Supplier<RoomMoves> jobs) {
        return (vendor, target) -> {
            String[] parts = target.split("\n", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("not a moved room: " + target);
            }
            VendorBinding from = new VendorBinding(Vendor.parse(parts[1], "vendor"), parts[2], Long.parseLong(parts[3]));
            rooms.find(parts[0]).filter(FailoverService::isLive).filter(room -> !room.binding().orElseThrow().equals(from))
                    .ifPresent(room -> jobs.get().roomMoved(room, from));
        };
    }

    /** The room and the binding it moved from, on four lines: the room id, the vendor, the channel and the epoch. */
    static String followTarget(String roomId, VendorBinding from) {
        return roomId + "\n" + from.vendor().wireName() + "\n" + from.channel() + "\n" + from.epoch();
    }

    /** What became of one room in a move: saved moved, held back (with why), or left as it was. */
    public enum Outcome { MOVED, HELD, UNCHANGED }

    /**
     * The enabled RTC vendors that are failed for their rooms now, each with why: marked down by an operator,
     * or with its circuit open on this node for {@code failAfter} or longer. The reasons name no time, so a
     * room held back for one is told it once.
     */
    public Map<Vendor, String> failedVendors() {
        VendorRouter.Snapshot routing = router.snapshot();
        Instant now = clock.instant();
        Map<Vendor, String> failed = new EnumMap<>(Vendor.class);
        for (Vendor vendor : ports.vendors()) {
            if (!ports.offers(vendor, Capability.RTC)) {
                continue;
            }
            if (routing.state(vendor) == OperatorState.DOWN) {
                failed.put(vendor, vendor.wireName() + " is marked down by an operator");
                continue;
            }
            health.openSince(vendor).filter(since -> !since.plus(failAfter).isAfter(now)).ifPresent(since ->
                    failed.put(vendor, vendor.wireName() + "'s circuit has been open for " + failAfter.toSeconds()
                            + " s or more"));
        }
        return failed;
    }

    /**
     * One failover pass: every live or paused room on a failed vendor moves, or says why it cannot.
     *
     * @return how many rooms this pass moved
     */
    public int pass() {
        Map<Vendor, String> failed = failedVendors();
        return failed.isEmpty() ? 0 : moveRoomsOff(failed);
    }

    /**
     * Moves every live or paused room off the given vendors, for the reason given with each, as a pass does for
     * the failed vendors: the entry point for whatever else declares vendors failed (a drill).
     *
     * @return how many rooms it moved
     */
    public int moveRoomsOff(Map<Vendor, String> failed) {
        int moved = 0;
        for (String roomId : rooms.liveOn(failed.keySet(), BATCH)) {
            try {
                if (failOver(roomId, failed) == Outcome.MOVED) {
                    moved++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "room {0} could not be failed over now, the next pass tries again: {1}", roomId,
                        e.toString());
            }
        }
        if (moved > 0) {
            LOG.log(Level.INFO, "failover moved {0} rooms off {1}", moved, failed.keySet());
        }
        return moved;
    }

    /**
     * Moves one room off its vendor if that is one of {@code failed}, unless it moved meanwhile: a conflict with
     * another writer reads the room again, so a room another node moved first is not moved twice.
     */
    public Outcome failOver(String roomId, Map<Vendor, String> failed) {
        for (int attempt = 1; ; attempt++) {
            Optional<Room> found = rooms.find(roomId);
            if (found.isEmpty() || !isLive(found.get()) || found.get().binding().isEmpty()) {
                return Outcome.UNCHANGED;
            }
            Room room = found.get();
            VendorBinding from = room.binding().get();
            String reason = failed.get(from.vendor());
            if (reason == null) {
                return Outcome.UNCHANGED; // moved off it meanwhile, or it is not failed any more
            }
            Instant now = clock.instant();
            Optional<RoomChange> change;
            if (!room.failsOver()) {
                change = room.failoverBlocked("failover is off for this room", ACTOR, now);
            } else {
                List<Vendor> route = routeOf(room);
                Optional<Vendor> target = router.snapshot().firstAvailable(route.stream()
                        .filter(vendor -> vendor != from.vendor() && !failed.containsKey(vendor)).toList());
                change = target.isPresent() ? Optional.of(room.rebind(target.get(), reason, ACTOR, now))
                        : room.failoverBlocked("no eligible healthy vendor to move to: " + settingOf(room) + " has "
                                + route.stream().map(Vendor::wireName).toList(), ACTOR, now);
            }
            if (change.isEmpty()) {
                return Outcome.UNCHANGED; // held back for this reason already
            }
            try {
                return save(change.get(), from) ? Outcome.MOVED : Outcome.HELD;
            } catch (ConflictException e) {
                if (attempt >= RETRIES) {
                    throw e;
                }
                // another writer saved first (perhaps another node's move): read it again
            }
        }
    }

    /**
     * An admin moves a live or paused room to {@code vendor}'s channel, for the room's route: another vendor, or
     * its own for a fresh channel. The same move as a failover's, and the room's jobs follow.
     *
     * @throws ConflictException when the room is not live or paused, fails over never, moved meanwhile, or the
     *     vendor is taken out of service
     * @throws InvalidInputException naming {@code vendor} when it is not enabled, offers no RTC, or is not on the
     *     room's route
     */
    public Room move(Caller caller, String roomId, Vendor vendor) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins move rooms");
        }
        Room room = rooms.require(roomId);
        if (!isLive(room)) {
            throw new ConflictException("room " + roomId + " is " + room.status().wireName() + ": only a live or paused room moves");
        }
        if (!room.failsOver()) {
            throw new ConflictException("room " + roomId + " was created with failover off: it stays on its vendor");
        }
        if (!ports.vendors().contains(vendor)) {
            throw new InvalidInputException("vendor", vendor.wireName() + " is not enabled on this gateway");
        }
        if (!ports.offers(vendor, Capability.RTC)) {
            throw new InvalidInputException("vendor", vendor.wireName() + " offers no rtc here");
        }
        if (!routeOf(room).contains(vendor)) {
            throw new InvalidInputException("vendor", "room " + roomId + " was created through the " + room.route().wireName()
                    + " API, whose clients " + settingOf(room) + " allows on " + routeOf(room).stream().map(Vendor::wireName).toList()
                    + " only");
        }
        router.snapshot().pin(vendor, "vendor");
        VendorBinding from = room.binding().orElseThrow(() -> new ConflictException("room " + roomId + " has no vendor channel"));
        RoomChange moved = room.rebind(vendor, "moved by admin " + caller.userId(), caller.userId(), clock.instant());
        save(moved, from);
        return rooms.require(roomId);
    }

    /** The room as operators see it. */
    public Room get(Caller caller, String roomId) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins see a room's failover state");
        }
        return rooms.require(roomId);
    }

    /**
     * Saves a change of the room; a move is saved with its jobs' follow-up queued in the same transaction, which runs
     * at once (a job that cannot follow now is retried by the clean-up retriers).
     *
     * @return whether the change moved the room
     */
    private boolean save(RoomChange change, VendorBinding from) {
        VendorBinding to = change.room().binding().orElseThrow();
        if (to.equals(from)) {
            rooms.update(change);
            return false;
        }
        cleanups.scheduleWith(() -> rooms.update(change), to.vendor(), FOLLOW_ROOM, followTarget(change.room().id(), from));
        return true;
    }

    /** The vendors a room may be bound to: its route's list. */
    private List<Vendor> routeOf(Room room) {
        return room.route() == RoomRoute.AUI ? router.preferred(NamedRoute.AUI) : router.preferred(Capability.RTC);
    }

    private static String settingOf(Room room) {
        return "rtcgate.routing." + (room.route() == RoomRoute.AUI ? NamedRoute.AUI.configKey() : Capability.RTC.configKey());
    }

    private static boolean isLive(Room room) {
        return room.status() == RoomStatus.LIVE || room.status() == RoomStatus.PAUSED;
    }
}
