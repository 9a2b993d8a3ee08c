package io.rtcgate.domain.failover;

import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.ALIYUN;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.domain.room.NewRoom;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChange;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomRoute;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.testkit.InMemoryRoomStore;
import io.rtcgate.testkit.InMemoryVendorCleanupStore;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.VendorFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failover without a framework: which vendors are failed, and what a pass and an admin's move do to rooms. */
class FailoverServiceTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Caller ANCHOR = Caller.user("anchor");
    static final Duration AFTER = Duration.ofSeconds(10);

    final ManualClock clock = new ManualClock(T0);
    final VendorFleet fleet = new VendorFleet(clock);
    final InMemoryRoomStore rooms = new InMemoryRoomStore();
    /** The moves the rooms' jobs were told of: room id and the binding it moved from. */
    final List<String> followed = new ArrayList<>();
    final InMemoryVendorCleanupStore cleanupStore = new InMemoryVendorCleanupStore();
    final VendorCleanups cleanups = new VendorCleanups(cleanupStore, Map.of(FailoverService.FOLLOW_ROOM,
            FailoverService.followAction(rooms, () -> (room, from) -> followed.add(room.id() + " from " + from.channel()))),
            clock, Duration.ofSeconds(1), Duration.ofSeconds(10));
    final FailoverService failover = new FailoverService(rooms, fleet.router(), fleet.ports(), fleet.health(), cleanups,
            clock, AFTER);

    String liveRoom(String id, Vendor vendor, RoomRoute route, boolean failsOver) {
        RoomChange created = Room.create(ANCHOR, id, new NewRoom("t", null, null, "anchor", null, null, RoomMode.NORMAL), "m-" + id,
                VendorBinding.first(id, vendor), id, route, failsOver, clock.instant());
        rooms.insert(created);
        rooms.update(created.room().savedAs(0).start(ANCHOR, clock.instant()));
        return id;
    }

    List<Map<String, Object>> eventsOf(String roomId, String type) {
        return rooms.eventsOf(roomId).stream().filter(event -> event.type().wireName().equals(type)).map(RoomEvent::data)
                .map(data -> (Map<String, Object>) new LinkedHashMap<>(data)).toList();
    }

    @Test
    void aVendorIsFailedWhenMarkedDownOrWhenItsCircuitWasOpenLongEnough() {
        assertEquals(Map.of(), failover.failedVendors());
        fleet.states().set(TENCENT, OperatorState.DOWN, "admin", T0);
        fleet.states().set(ALIYUN, OperatorState.DRAINING, "admin", T0);
        fleet.openCircuit(AGORA);
        assertEquals(Map.of(TENCENT, "tencent is marked down by an operator"), failover.failedVendors(),
                "a draining vendor serves its rooms; an open circuit is not failed at once");
        clock.advance(AFTER);
        assertEquals(Map.of(TENCENT, "tencent is marked down by an operator", AGORA, "agora's circuit has been open for 10 s or more"),
                failover.failedVendors());
    }

    @Test
    void aPassMovesLiveRoomsOfFailedVendorsToTheNextHealthyOneOnce() {
        String live = liveRoom("live", AGORA, RoomRoute.RTC, true);
        rooms.insert(Room.create(ANCHOR, "prepared", new NewRoom("t", null, null, "anchor", null, null, RoomMode.NORMAL), "m",
                VendorBinding.first("prepared", AGORA), T0));
        fleet.states().set(AGORA, OperatorState.DOWN, "admin", T0);
        fleet.openCircuit(TENCENT);

        assertEquals(1, failover.pass());
        Room moved = rooms.stored(live);
        assertEquals(new VendorBinding(ALIYUN, "live-2", 2), moved.binding().orElseThrow(), "tencent's circuit is open: aliyun");
        assertEquals(List.of(Map.of("from", "agora", "to", "aliyun", "epoch", 2L, "channel", "live-2",
                "reason", "agora is marked down by an operator")), eventsOf(live, "vendor.switched"));
        assertEquals(List.of("live from live-1"), followed, "its jobs follow, once");
        assertEquals(List.of(), cleanupStore.pending(), "the follow-up is done");
        assertEquals(AGORA, rooms.stored("prepared").binding().orElseThrow().vendor(), "only live and paused rooms move");

        fleet.states().set(AGORA, OperatorState.UP, "admin", T0);
        assertEquals(0, failover.pass());
        assertEquals(ALIYUN, rooms.stored(live).binding().orElseThrow().vendor(), "recovery moves nothing back");
    }

    @Test
    void aRoomAnotherNodeMovedFirstIsNotMovedAgain() {
        String id = liveRoom("raced", AGORA, RoomRoute.RTC, true);
        rooms.interleave(() -> rooms.update(rooms.stored(id).rebind(TENCENT, "the other node's pass", FailoverService.ACTOR, T0)));
        assertEquals(FailoverService.Outcome.UNCHANGED, failover.failOver(id, Map.of(AGORA, "a drill says so")));
        assertEquals(2, rooms.stored(id).binding().orElseThrow().epoch());
        assertEquals(1, eventsOf(id, "vendor.switched").size());
        assertEquals(List.of(), followed, "the loser does not move the jobs either");
    }

    @Test
    void aRoomThatCannotMoveSaysWhyOncePerReason() {
        String pinned = liveRoom("pinned", AGORA, RoomRoute.RTC, false);
        String aui = liveRoom("aui", ALIYUN, RoomRoute.AUI, true);
        Map<Vendor, String> failed = Map.of(AGORA, "a drill says so", ALIYUN, "a drill says so");

        assertEquals(FailoverService.Outcome.HELD, failover.failOver(pinned, failed));
        assertEquals(FailoverService.Outcome.HELD, failover.failOver(aui, failed));
        assertEquals(FailoverService.Outcome.UNCHANGED, failover.failOver(pinned, failed), "told once");
        assertEquals(FailoverService.Outcome.UNCHANGED, failover.failOver(aui, failed));
        assertEquals(List.of(Map.of("vendor", "agora", "epoch", 1L, "reason", "failover is off for this room")),
                eventsOf(pinned, "vendor.switch_blocked"));
        String noVendor = "no eligible healthy vendor to move to: rtcgate.routing.aui has [aliyun]";
        assertEquals(List.of(Map.of("vendor", "aliyun", "epoch", 1L, "reason", noVendor)), eventsOf(aui, "vendor.switch_blocked"));
        assertEquals(noVendor, rooms.stored(aui).failoverHold().orElseThrow().reason());
        assertEquals(AGORA, rooms.stored(pinned).binding().orElseThrow().vendor());
        assertEquals(List.of(), followed);
    }

    @Test
    void anAdminMovesALiveRoomWithinItsRouteOnly() {
        String id = liveRoom("manual", AGORA, RoomRoute.RTC, true);
        assertThrows(ForbiddenException.class, () -> failover.move(ANCHOR, id, TENCENT));
        Room moved = failover.move(Caller.admin("ops"), id, AGORA);
        assertEquals(new VendorBinding(AGORA, "manual-2", 2), moved.binding().orElseThrow(), "a fresh channel on its own vendor");
        assertEquals(List.of("manual from manual-1"), followed);

        String aui = liveRoom("aui-room", ALIYUN, RoomRoute.AUI, true);
        InvalidInputException offRoute = assertThrows(InvalidInputException.class, () -> failover.move(Caller.admin("ops"), aui, AGORA));
        assertEquals("vendor", offRoute.field());
        String pinned = liveRoom("pinned-room", AGORA, RoomRoute.RTC, false);
        assertThrows(ConflictException.class, () -> failover.move(Caller.admin("ops"), pinned, TENCENT));
        fleet.states().set(TENCENT, OperatorState.DOWN, "admin", T0);
        assertThrows(ConflictException.class, () -> failover.move(Caller.admin("ops"), id, TENCENT), "not to a vendor that is down");
        assertTrue(rooms.stored(id).binding().orElseThrow().epoch() == 2);
    }
}
