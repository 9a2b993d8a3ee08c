package io.rtcgate.domain.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.DomainAssertions;
import io.rtcgate.domain.room.NewRoom;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChanges;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.StreamCallbackHandler;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.PortGuard;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorFaults;
import io.rtcgate.domain.vendor.VendorHealth;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.testkit.FakeStreamCallbacks;
import io.rtcgate.testkit.InMemoryRoomStore;
import io.rtcgate.testkit.InMemoryVendorCallbackStore;
import io.rtcgate.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox service with the test kit's fakes: the real registry and guard in front of a fake Aliyun stream
 * port, in-memory rooms and inbox, and the stream handler the gateway wires.
 */
class CallbackInboxTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Caller ANCHOR = Caller.user("anna");

    private final ManualClock clock = new ManualClock(NOW);
    private final FakeStreamCallbacks aliyun = new FakeStreamCallbacks(Vendor.ALIYUN);
    private final PortGuard guard = new PortGuard(new VendorHealth(3, Duration.ofSeconds(30), Duration.ofMinutes(5), clock),
            new VendorFaults(clock), Duration.ofSeconds(2), () -> 0.5);
    private final VendorPorts ports = new VendorPorts(List.of(aliyun), guard);
    private final InMemoryRoomStore rooms = new InMemoryRoomStore();
    private final InMemoryVendorCallbackStore inbox = new InMemoryVendorCallbackStore();
    private final CallbackInbox service = new CallbackInbox(inbox, StreamCallbackHandler.forVendors(ports, rooms, clock, room -> { }), clock);

    @AfterEach
    void closeGuard() {
        guard.close();
    }

    @Test
    void theHandlersFollowTheRegistry() {
        assertTrue(service.accepts(Vendor.ALIYUN, CallbackKind.STREAM));
        assertFalse(service.accepts(Vendor.AGORA, CallbackKind.STREAM));
    }

    @Test
    void aSignedPublishOfTheRoomsStreamTakesItLiveAndIsRecordedAsApplied() {
        Room room = room("r1", Vendor.AGORA);

        CallbackInbox.Receipt receipt = service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish&stream=r1&time=1"));

        assertFalse(receipt.duplicate());
        assertEquals(CallbackOutcome.Result.APPLIED, receipt.outcome().orElseThrow().result());
        assertEquals(RoomStatus.LIVE, rooms.stored(room.id()).status());
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.STREAM_PUBLISHED, RoomEventType.ROOM_STARTED),
                types(room.id()));
        assertEquals("system:aliyun", rooms.eventsOf(room.id()).get(2).actor());
        StoredCallback stored = inbox.find(receipt.id()).orElseThrow();
        assertTrue(stored.processed());
        assertEquals(Map.of(FakeStreamCallbacks.SIGNATURE, FakeStreamCallbacks.GOOD_SIGNATURE), stored.request().headers(),
                "only the headers the vendor's port keeps");
        assertEquals("action=publish&stream=r1&time=1", stored.dedupeKey());
    }

    @Test
    void anUnsignedDeliveryIsRefusedAndLeavesNoTrace() {
        Room room = room("r1", Vendor.AGORA);

        assertThrows(AuthenticationException.class, () -> service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                new CallbackRequest("GET", "action=publish&stream=r1&time=1", Map.of(), "")));

        assertTrue(inbox.all().isEmpty());
        assertEquals(RoomStatus.PREPARED, rooms.stored(room.id()).status());
    }

    @Test
    void aVendorWithoutAHandlerIsRefused() {
        assertThrows(AuthenticationException.class, () -> service.receive(Vendor.TENCENT, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish&stream=r1&time=1")));
        assertTrue(inbox.all().isEmpty());
    }

    @Test
    void aMalformedDeliveryIsAnInputErrorNamingTheParameterAndIsNotRecorded() {
        DomainAssertions.assertInvalidInput("action", () -> service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=record&stream=r1&time=1")));
        assertTrue(inbox.all().isEmpty());
    }

    @Test
    void theSameDeliveryTwiceHasOneEffect() {
        Room room = room("r1", Vendor.AGORA);
        CallbackRequest delivery = FakeStreamCallbacks.signed("action=publish&stream=r1&time=7");

        CallbackInbox.Receipt first = service.receive(Vendor.ALIYUN, CallbackKind.STREAM, delivery);
        clock.advance(Duration.ofSeconds(1));
        CallbackInbox.Receipt again = service.receive(Vendor.ALIYUN, CallbackKind.STREAM, delivery);

        assertTrue(again.duplicate());
        assertEquals(first.id(), again.id());
        assertEquals(first.outcome(), again.outcome());
        assertEquals(1, inbox.all().size());
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.STREAM_PUBLISHED, RoomEventType.ROOM_STARTED),
                types(room.id()));
    }

    @Test
    void aPublishOfAStreamNoRoomHasIsRecordedAsIgnored() {
        room("r1", Vendor.AGORA);

        CallbackInbox.Receipt receipt = service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish&stream=r1x&time=1"));

        assertEquals(CallbackOutcome.ignored("no room has stream r1x"), receipt.outcome().orElseThrow());
        assertEquals(RoomStatus.PREPARED, rooms.stored("r1").status());
        assertTrue(inbox.find(receipt.id()).orElseThrow().processed());
    }

    @Test
    void aRelayMatchesOnlyTheRoomWhoseBindingChannelItNamesExactly() {
        Room mine = room("r1", Vendor.ALIYUN);
        Room other = room("r2", Vendor.ALIYUN);
        String channel = mine.binding().orElseThrow().channel();

        for (String neighbour : List.of(channel + "1", channel + "x", "r1-2", "r1", "r-1", other.id() + "x-1")) {
            CallbackInbox.Receipt receipt = service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                    FakeStreamCallbacks.signed("action=publish&stream=relay-" + neighbour + "&time=1&channel=" + neighbour + "&user=anna"));
            assertEquals(CallbackOutcome.Result.IGNORED, receipt.outcome().orElseThrow().result(), neighbour);
        }
        assertEquals(RoomStatus.PREPARED, rooms.stored(mine.id()).status());
        assertEquals(RoomStatus.PREPARED, rooms.stored(other.id()).status());

        service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish&stream=relay&time=2&channel=" + channel + "&user=bob"));

        assertEquals(RoomStatus.LIVE, rooms.stored(mine.id()).status());
        assertEquals(RoomStatus.PREPARED, rooms.stored(other.id()).status());
        RoomEvent published = rooms.eventsOf(mine.id()).get(1);
        assertEquals("bob", published.data().get("user_id"));
    }

    @Test
    void aRelayOfAChannelOnAnotherVendorIsNotTheRooms() {
        Room onAgora = room("r1", Vendor.AGORA);

        CallbackInbox.Receipt receipt = service.receive(Vendor.ALIYUN, CallbackKind.STREAM, FakeStreamCallbacks.signed(
                "action=publish&stream=relay&time=1&channel=" + onAgora.binding().orElseThrow().channel() + "&user=anna"));

        assertEquals(CallbackOutcome.Result.IGNORED, receipt.outcome().orElseThrow().result());
        assertEquals(RoomStatus.PREPARED, rooms.stored(onAgora.id()).status());
    }

    @Test
    void anEndedRoomNeverChanges() {
        Room room = room("r1", Vendor.AGORA);
        rooms.update(rooms.stored("r1").start(ANCHOR, NOW));
        rooms.update(rooms.stored("r1").stop(ANCHOR, NOW));
        int events = rooms.eventsOf(room.id()).size();

        CallbackInbox.Receipt publish = service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish&stream=r1&time=1"));
        CallbackInbox.Receipt done = service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish_done&stream=r1&time=2"));

        assertEquals(CallbackOutcome.ignored("room r1 has ended"), publish.outcome().orElseThrow());
        assertEquals(CallbackOutcome.ignored("room r1 has ended"), done.outcome().orElseThrow());
        assertEquals(RoomStatus.ENDED, rooms.stored("r1").status());
        assertEquals(events, rooms.eventsOf(room.id()).size());
    }

    @Test
    void publishThenPublishDonePausesTheRoom() {
        room("r1", Vendor.AGORA);

        service.receive(Vendor.ALIYUN, CallbackKind.STREAM, FakeStreamCallbacks.signed("action=publish&stream=r1&time=1"));
        service.receive(Vendor.ALIYUN, CallbackKind.STREAM, FakeStreamCallbacks.signed("action=publish_done&stream=r1&time=2"));

        assertEquals(RoomStatus.PAUSED, rooms.stored("r1").status());
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.STREAM_PUBLISHED, RoomEventType.ROOM_STARTED,
                RoomEventType.STREAM_INTERRUPTED, RoomEventType.ROOM_PAUSED), types("r1"));
    }

    @Test
    void aConcurrentChangeOfTheRoomIsRetriedOnReceipt() {
        room("r1", Vendor.AGORA);
        rooms.interleave(() -> rooms.update(rooms.stored("r1").update(ANCHOR, new RoomChanges("renamed", null, null, null), NOW)));

        CallbackInbox.Receipt receipt = service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish&stream=r1&time=1"));

        assertEquals(CallbackOutcome.Result.APPLIED, receipt.outcome().orElseThrow().result());
        assertEquals(RoomStatus.LIVE, rooms.stored("r1").status());
        assertEquals("renamed", rooms.stored("r1").title(), "the other writer's change stays");
        assertEquals(0, inbox.find(receipt.id()).orElseThrow().attempts(), "a lost race is no failed attempt");
    }

    @Test
    void aDeliveryWhoseProcessingFailedIsAnsweredAndFinishedByTheNextPass() {
        room("r1", Vendor.AGORA);
        aliyun.failReadsOf("r1", 1);

        CallbackInbox.Receipt receipt = service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish&stream=r1&time=1"));

        assertTrue(receipt.outcome().isEmpty());
        StoredCallback left = inbox.find(receipt.id()).orElseThrow();
        assertFalse(left.processed());
        assertEquals(1, left.attempts());
        assertEquals(RoomStatus.PREPARED, rooms.stored("r1").status());

        assertEquals(1, service.processPending());

        assertEquals(RoomStatus.LIVE, rooms.stored("r1").status());
        assertEquals(CallbackOutcome.Result.APPLIED, inbox.find(receipt.id()).orElseThrow().outcome().orElseThrow().result());
        assertEquals(0, service.processPending(), "nothing is left");
    }

    @Test
    void aDeliveryThatKeepsFailingIsClosedAsFailedAndDoesNotHoldUpTheOthers() {
        room("r1", Vendor.AGORA);
        room("r2", Vendor.AGORA);
        aliyun.failReadsOf("r1", Integer.MAX_VALUE);
        long poison = service.receive(Vendor.ALIYUN, CallbackKind.STREAM,
                FakeStreamCallbacks.signed("action=publish&stream=r1&time=1")).id();
        long next = inbox.record(Vendor.ALIYUN, CallbackKind.STREAM, "later",
                FakeStreamCallbacks.signed("action=publish&stream=r2&time=1"), NOW).id();

        assertEquals(2, service.processPending());

        assertEquals(RoomStatus.LIVE, rooms.stored("r2").status(), "the delivery after the failing one went through");
        assertTrue(inbox.find(next).orElseThrow().processed());
        assertEquals(2, inbox.find(poison).orElseThrow().attempts());
        for (int pass = 2; pass < CallbackInbox.MAX_ATTEMPTS; pass++) {
            assertFalse(inbox.find(poison).orElseThrow().processed(), "still open after " + pass + " attempts");
            assertEquals(1, service.processPending());
        }
        StoredCallback failed = inbox.find(poison).orElseThrow();
        assertEquals(CallbackOutcome.Result.FAILED, failed.outcome().orElseThrow().result());
        assertEquals(CallbackInbox.MAX_ATTEMPTS, failed.attempts());
        assertEquals(RoomStatus.PREPARED, rooms.stored("r1").status());
        assertEquals(0, service.processPending());
    }

    private Room room(String id, Vendor vendor) {
        var created = Room.create(ANCHOR, id, new NewRoom("t", null, null, ANCHOR.userId(), null, null, RoomMode.COHOST),
                "m-" + id, VendorBinding.first(id, vendor), NOW);
        rooms.insert(created);
        return created.room();
    }

    private List<RoomEventType> types(String roomId) {
        return rooms.eventsOf(roomId).stream().map(RoomEvent::type).toList();
    }
}
