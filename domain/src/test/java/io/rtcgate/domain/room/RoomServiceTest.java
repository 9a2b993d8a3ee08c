package io.rtcgate.domain.room;

import static io.rtcgate.domain.DomainAssertions.assertInvalidInput;
import static io.rtcgate.domain.room.RoomFixtures.ADMIN;
import static io.rtcgate.domain.room.RoomFixtures.ANCHOR;
import static io.rtcgate.domain.room.RoomFixtures.STRANGER;
import static io.rtcgate.domain.room.RoomFixtures.T0;
import static io.rtcgate.domain.room.RoomFixtures.members;
import static io.rtcgate.domain.room.RoomFixtures.newRoom;
import static io.rtcgate.domain.room.RoomFixtures.newRoomFor;
import static io.rtcgate.testkit.FakeStreamUrlSigner.pullFor;
import static io.rtcgate.testkit.FakeStreamUrlSigner.pushFor;
import static io.rtcgate.domain.vendor.Vendor.AGORA;
import static io.rtcgate.domain.vendor.Vendor.ALIYUN;
import static io.rtcgate.domain.vendor.Vendor.TENCENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.ChannelRef;
import io.rtcgate.domain.vendor.NoHealthyVendorException;
import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.RoutingPolicy;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorException.Kind;
import io.rtcgate.domain.vendor.VendorPort;
import io.rtcgate.domain.vendor.VendorPorts;
import io.rtcgate.domain.vendor.VendorRouter;
import io.rtcgate.testkit.FakeChannelAdmin.Call;
import io.rtcgate.testkit.InMemoryRoomStore;
import io.rtcgate.testkit.InMemoryAuditLog;
import io.rtcgate.testkit.ManualClock;
import io.rtcgate.testkit.VendorFleet;
import java.time.Duration;
import io.rtcgate.domain.cleanup.VendorCleanups;
import io.rtcgate.testkit.InMemoryVendorCleanupStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RoomServiceTest {

    private static final RoomChanges NEW_TITLE = new RoomChanges("new title", null, null, null);
    private static final Duration TOKEN_TTL = Duration.ofMinutes(10);

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private final SequentialRoomIdGenerator ids = new SequentialRoomIdGenerator();
    private final VendorFleet vendors = new VendorFleet(clock);
    private final RoomChannels channels = new RoomChannels(store, vendors.ports(), TOKEN_TTL, new InMemoryAuditLog(), clock);
    private final VendorCleanups cleanups = new VendorCleanups(new InMemoryVendorCleanupStore(), Map.of(), clock,
            Duration.ofSeconds(1), Duration.ofMinutes(1));
    private final RoomService service =
            new RoomService(store, ids, vendors.router(), vendors.ports(), channels, cleanups, room -> { }, RoomServiceTest::noCounters, clock);

    /** A service on a gateway where only Agora is enabled, with its token issuer and channel admin. */
    private RoomService agoraOnlyService() {
        VendorPorts agoraOnly = new VendorPorts(List.<VendorPort>of(vendors.issuer(AGORA), vendors.admin(AGORA)),
                vendors.guard());
        var router = new VendorRouter(RoutingPolicy.of(Map.of(), agoraOnly), vendors.states(), vendors.health());
        return new RoomService(store, ids, router, agoraOnly, new RoomChannels(store, agoraOnly, TOKEN_TTL, new InMemoryAuditLog(), clock), cleanups, room -> { }, RoomServiceTest::noCounters, clock);
    }

    private String createRoom(RoomMode mode) {
        return create(ANCHOR, newRoom(mode)).room().id();
    }

    /** Creates a room on whichever vendor routing picks. */
    private RoomView create(Caller caller, NewRoom request) {
        return service.create(caller, request, Optional.empty());
    }

    /** Moves the clock on by a minute and returns the new time. */
    private Instant aMinuteLater() {
        clock.advance(Duration.ofMinutes(1));
        return clock.instant();
    }

    @Nested
    class Create {

        @Test
        void createdRoomIsPreparedStoredAndCopiesTheRequest() {
            Room room = create(ANCHOR, newRoom(RoomMode.NORMAL)).room();

            assertEquals(RoomStatus.PREPARED, room.status());
            assertEquals(RoomMetrics.ZERO, room.metrics());
            assertEquals(room.id(), room.chatId());
            assertEquals(0, room.version());
            assertEquals(T0, room.createdAt());
            assertEquals(T0, room.updatedAt());
            assertEquals("Friday show", room.title());
            assertEquals("be nice", room.notice());
            assertEquals("https://cdn.test/cover.png", room.coverUrl());
            assertEquals(RoomFixtures.ANCHOR_ID, room.anchorId());
            assertEquals("Anna", room.anchorNick());
            assertEquals("{\"k\":1}", room.extendsJson());
            assertTrue(ids.issued().contains(room.id()));
            assertEquals(room.id(), store.stored(room.id()).id());
        }

        @Test
        void normalRoomHasNoMeetingId() {
            Room room = create(ANCHOR, newRoom(RoomMode.NORMAL)).room();

            assertEquals(Optional.empty(), room.meetingId());
        }

        @ParameterizedTest
        @EnumSource(value = RoomMode.class, names = "NORMAL", mode = EnumSource.Mode.EXCLUDE)
        void coHostAndPkRoomsGetTheirOwnMeetingId(RoomMode mode) {
            Room room = create(ANCHOR, newRoom(mode)).room();

            String meetingId = room.meetingId().orElseThrow();
            assertNotEquals(room.id(), meetingId);
            assertTrue(ids.issued().contains(meetingId));
        }

        @Test
        void eachRoomGetsANewId() {
            assertNotEquals(createRoom(RoomMode.NORMAL), createRoom(RoomMode.NORMAL));
            assertEquals(2, store.size());
        }

        @Test
        void userMayNotCreateARoomForAnotherAnchor() {
            assertThrows(ForbiddenException.class, () -> create(STRANGER, newRoom(RoomMode.NORMAL)));
            assertEquals(0, store.size());
        }

        @Test
        void adminMayCreateARoomForAnyAnchor() {
            RoomView view = create(ADMIN, newRoomFor("someone-else", RoomMode.NORMAL));

            assertEquals("someone-else", view.room().anchorId());
            assertTrue(view.push().isPresent(), "the admin who created it sees the push URLs");
            assertEquals(1, store.size());
        }
    }

    @Nested
    class Views {

        private final String roomId = createRoom(RoomMode.NORMAL);

        @Test
        void anchorSeesPushAndPullUrls() {
            RoomView view = service.get(ANCHOR, roomId);

            assertEquals(Optional.of(pushFor(ALIYUN, roomId)), view.push());
            assertEquals(Optional.of(pullFor(ALIYUN, roomId)), view.pull());
        }

        @Test
        void adminSeesPushAndPullUrls() {
            RoomView view = service.get(ADMIN, roomId);

            assertEquals(Optional.of(pushFor(ALIYUN, roomId)), view.push());
            assertEquals(Optional.of(pullFor(ALIYUN, roomId)), view.pull());
        }

        @Test
        void audienceSeesOnlyPullUrls() {
            RoomView view = service.get(STRANGER, roomId);

            assertEquals(Optional.empty(), view.push());
            assertEquals(Optional.of(pullFor(ALIYUN, roomId)), view.pull());
        }

        @Test
        void changesHidePushUrlsFromNoOne() {
            assertTrue(service.start(ANCHOR, roomId).push().isPresent());
        }

        @Test
        void listShowsPushUrlsOnlyForTheCallersOwnRooms() {
            aMinuteLater();
            String strangersRoom = create(STRANGER, newRoomFor(STRANGER.userId(), RoomMode.NORMAL)).room().id();

            List<RoomView> views = service.list(STRANGER, new RoomQuery(Optional.empty(), 1, 10));

            assertEquals(List.of(strangersRoom, roomId), views.stream().map(view -> view.room().id()).toList());
            assertTrue(views.get(0).push().isPresent());
            assertEquals(Optional.empty(), views.get(1).push());
        }

        @Test
        void listFiltersByStatus() {
            String liveRoom = createRoom(RoomMode.NORMAL);
            service.start(ANCHOR, liveRoom);

            List<RoomView> views = service.list(ANCHOR, new RoomQuery(Optional.of(RoomStatus.LIVE), 1, 10));

            assertEquals(List.of(liveRoom), views.stream().map(view -> view.room().id()).toList());
        }
    }

    /** Stream URLs come from the vendor routed for them on every read; only Aliyun signs them here. */
    @Nested
    class StreamUrlRouting {

        private final String roomId = createRoom(RoomMode.NORMAL);

        @Test
        void urlsOfARoomOnAnotherRtcVendorAreSignedByTheStreamUrlVendor() {
            RoomView view = service.get(ANCHOR, roomId);

            assertEquals(AGORA, view.room().binding().orElseThrow().vendor());
            assertEquals(Optional.of(pullFor(ALIYUN, roomId)), view.pull());
        }

        @Test
        void drainingSignerKeepsSigningForExistingAndNewRooms() {
            vendors.states().set(ALIYUN, OperatorState.DRAINING);

            assertEquals(Optional.of(pullFor(ALIYUN, roomId)), service.get(STRANGER, roomId).pull());
            String newRoom = createRoom(RoomMode.NORMAL);
            assertEquals(Optional.of(pushFor(ALIYUN, newRoom)), service.get(ANCHOR, newRoom).push());
        }

        @Test
        void signerMarkedDownLeavesRoomsReadableWithoutUrlsUntilItIsUpAgain() {
            vendors.states().set(ALIYUN, OperatorState.DOWN);

            RoomView whileDown = service.get(ANCHOR, roomId);
            assertEquals(Optional.empty(), whileDown.push());
            assertEquals(Optional.empty(), whileDown.pull());
            assertEquals(Optional.empty(), service.start(ANCHOR, roomId).pull(), "changes still work");
            RoomView created = create(ANCHOR, newRoom(RoomMode.NORMAL));
            assertEquals(AGORA, created.room().binding().orElseThrow().vendor(), "new rooms still open on Agora");
            assertEquals(Optional.empty(), created.pull());

            vendors.states().set(ALIYUN, OperatorState.UP);
            assertEquals(Optional.of(pushFor(ALIYUN, roomId)), service.get(ANCHOR, roomId).push());
        }

        @Test
        void listSignsEveryRoom() {
            aMinuteLater();
            String second = createRoom(RoomMode.NORMAL);

            List<RoomView> views = service.list(STRANGER, new RoomQuery(Optional.empty(), 1, 10));

            assertEquals(List.of(Optional.of(pullFor(ALIYUN, second)), Optional.of(pullFor(ALIYUN, roomId))),
                    views.stream().map(RoomView::pull).toList());
        }

        @Test
        void noSigningVendorConfiguredMeansRoomsWithoutUrls() {
            RoomView view = agoraOnlyService().create(ANCHOR, newRoom(RoomMode.NORMAL), Optional.empty());

            assertEquals(Optional.empty(), view.push());
            assertEquals(Optional.empty(), view.pull());
        }
    }

    @Nested
    class UnknownRoom {

        static Stream<Arguments> useCasesNamingARoom() {
            return Stream.of(
                    useCase("get", (service, id) -> service.get(ANCHOR, id)),
                    useCase("update", (service, id) -> service.update(ANCHOR, id, NEW_TITLE)),
                    useCase("start", (service, id) -> service.start(ANCHOR, id)),
                    useCase("pause", (service, id) -> service.pause(ANCHOR, id)),
                    useCase("stop", (service, id) -> service.stop(ANCHOR, id)),
                    useCase("delete", (service, id) -> service.delete(ANCHOR, id)));
        }

        private static Arguments useCase(String name, BiConsumer<RoomService, String> call) {
            return Arguments.of(name, call);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("useCasesNamingARoom")
        void unknownRoomIdIsNotFound(String name, BiConsumer<RoomService, String> call) {
            assertThrows(NotFoundException.class, () -> call.accept(service, "no-such-room"));
        }
    }

    @Nested
    class Lifecycle {

        private final String roomId = createRoom(RoomMode.NORMAL);

        @Test
        void eachChangeIsStoredWithTheNextVersion() {
            assertEquals(1, service.start(ANCHOR, roomId).room().version());
            assertEquals(2, service.pause(ANCHOR, roomId).room().version());
            assertEquals(2, store.stored(roomId).version());
        }

        @Test
        void fullLifecycleRecordsStartAndStopTimes() {
            Instant started = aMinuteLater();
            service.start(ANCHOR, roomId);
            aMinuteLater();
            service.pause(ANCHOR, roomId);
            Instant resumed = aMinuteLater();
            Room live = service.start(ANCHOR, roomId).room();
            Instant stopped = aMinuteLater();
            Room ended = service.stop(ANCHOR, roomId).room();

            assertEquals(RoomStatus.LIVE, live.status());
            assertEquals(resumed, live.updatedAt());
            assertEquals(Optional.of(started), live.startedAt(), "a resume keeps the first start");
            assertEquals(RoomStatus.ENDED, ended.status());
            assertEquals(Optional.of(started), ended.startedAt());
            assertEquals(Optional.of(stopped), ended.stoppedAt());
            assertEquals(ended.status(), store.stored(roomId).status());
        }

        @Test
        void illegalTransitionIsAConflictAndStoresNothing() {
            assertThrows(ConflictException.class, () -> service.pause(ANCHOR, roomId));
            assertThrows(ConflictException.class, () -> service.stop(ANCHOR, roomId));
            assertEquals(RoomStatus.PREPARED, store.stored(roomId).status());
            assertEquals(0, store.stored(roomId).version());
        }

        @Test
        void updateIsStored() {
            Instant now = aMinuteLater();

            service.update(ANCHOR, roomId, NEW_TITLE);

            assertEquals("new title", store.stored(roomId).title());
            assertEquals(now, store.stored(roomId).updatedAt());
        }

        @Test
        void deleteRemovesTheRoomAndReturnsItAsItWas() {
            service.start(ANCHOR, roomId);

            RoomView deleted = service.delete(ANCHOR, roomId);

            assertEquals(RoomStatus.LIVE, deleted.room().status());
            assertEquals(Optional.empty(), store.find(roomId));
            assertThrows(NotFoundException.class, () -> service.get(ANCHOR, roomId));
        }

        @Test
        void concurrentWriteBetweenLoadAndSaveIsAConflict() {
            store.interleave(() -> store.update(store.stored(roomId).update(ANCHOR, NEW_TITLE, T0)));

            assertThrows(ConflictException.class, () -> service.start(ANCHOR, roomId));
            assertEquals(RoomStatus.PREPARED, store.stored(roomId).status());
        }
    }

    @Nested
    class VendorChoice {

        private Room createOn(Optional<Vendor> vendor) {
            return service.create(ANCHOR, newRoom(RoomMode.NORMAL), vendor).room();
        }

        private void assertBoundTo(Vendor vendor, Room room) {
            Optional<VendorBinding> expected = Optional.of(new VendorBinding(vendor, room.id() + "-1", 1));
            assertEquals(expected, room.binding());
            assertEquals(expected, store.stored(room.id()).binding());
        }

        @Test
        void roomIsBoundToTheMostPreferredVendor() {
            assertBoundTo(AGORA, createOn(Optional.empty()));
        }

        @Test
        void explicitVendorIsPinned() {
            assertBoundTo(ALIYUN, createOn(Optional.of(ALIYUN)));
        }

        @Test
        void drainingPreferredVendorGetsNoNewRoomsUntilItIsUpAgain() {
            vendors.states().set(AGORA, OperatorState.DRAINING);
            assertBoundTo(TENCENT, createOn(Optional.empty()));

            vendors.states().set(AGORA, OperatorState.UP);
            assertBoundTo(AGORA, createOn(Optional.empty()));
        }

        @Test
        void preferredVendorWithAnOpenCircuitIsSkipped() {
            vendors.openCircuit(AGORA);

            assertBoundTo(TENCENT, createOn(Optional.empty()));
        }

        @Test
        void noAvailableVendorCreatesNothing() {
            for (Vendor vendor : Vendor.values()) {
                vendors.states().set(vendor, OperatorState.DOWN);
            }

            assertThrows(NoHealthyVendorException.class, () -> createOn(Optional.empty()));
            assertEquals(0, store.size());
            assertEquals(List.of(), ids.issued());
        }

        @Test
        void pinningAVendorTakenOutOfServiceIsAConflictAndCreatesNothing() {
            vendors.states().set(ALIYUN, OperatorState.DRAINING);

            assertThrows(ConflictException.class, () -> createOn(Optional.of(ALIYUN)));
            assertEquals(0, store.size());
        }

        @Test
        void pinningAVendorThatIsNotEnabledIsInvalidInputOnTheVendorField() {
            assertInvalidInput("vendor",
                    () -> agoraOnlyService().create(ANCHOR, newRoom(RoomMode.NORMAL), Optional.of(TENCENT)));
            assertEquals(0, store.size());
        }

        @Test
        void forbiddenCreateIsRefusedBeforeRouting() {
            vendors.states().set(AGORA, OperatorState.DOWN);

            assertThrows(ForbiddenException.class,
                    () -> service.create(STRANGER, newRoom(RoomMode.NORMAL), Optional.of(AGORA)));
        }
    }

    @Nested
    class Stop {

        private final String roomId = createRoom(RoomMode.NORMAL);
        private final ChannelRef channel = new ChannelRef(roomId + "-1", roomId, RoomFixtures.ANCHOR_ID);

        @Test
        void stopClosesTheChannelOnTheRoomsVendor() {
            String tencentRoom = service.create(ANCHOR, newRoom(RoomMode.NORMAL), Optional.of(TENCENT)).room().id();
            service.start(ANCHOR, tencentRoom);

            service.stop(ANCHOR, tencentRoom);

            assertEquals(List.of(Call.close(new ChannelRef(tencentRoom + "-1", tencentRoom, RoomFixtures.ANCHOR_ID))),
                    vendors.admin(TENCENT).calls());
            assertEquals(List.of(), vendors.admin(AGORA).calls());
        }

        @ParameterizedTest
        @EnumSource(Kind.class)
        void roomEndsEvenWhenTheVendorFailsToCloseTheChannel(Kind kind) {
            service.start(ANCHOR, roomId);
            vendors.admin(AGORA).failWith(kind);
            Instant stopped = aMinuteLater();

            Room ended = service.stop(ANCHOR, roomId).room();

            assertEquals(RoomStatus.ENDED, ended.status());
            assertEquals(Optional.of(stopped), ended.stoppedAt());
            assertEquals(2, ended.version());
            assertEquals(RoomStatus.ENDED, store.stored(roomId).status());
            assertEquals(2, store.stored(roomId).version());
            assertEquals(List.of(Call.close(channel)), vendors.admin(AGORA).calls());
        }

        @Test
        void failedCloseCountsAgainstTheVendor() {
            service.start(ANCHOR, roomId);
            vendors.admin(AGORA).failWith(Kind.TIMEOUT);

            service.stop(ANCHOR, roomId);

            assertEquals(1, vendors.health().snapshot(AGORA).errors().get(Capability.CHANNEL_ADMIN).recentErrors());
        }

        @Test
        void roomEndsWithoutCallingAVendorWhoseCircuitIsOpen() {
            service.start(ANCHOR, roomId);
            vendors.openCircuit(AGORA);

            assertEquals(RoomStatus.ENDED, service.stop(ANCHOR, roomId).room().status());
            assertEquals(RoomStatus.ENDED, store.stored(roomId).status());
            assertEquals(List.of(), vendors.admin(AGORA).calls());
        }

        @Test
        void roomWithoutAVendorChannelEndsWithoutClosingAnything() {
            Room imported = Room.restore(new RoomRecord("imported", "imported", null, null, RoomFixtures.ANCHOR_ID, null, null,
                    RoomMode.NORMAL, RoomStatus.LIVE, "imported", null, null, List.of(), RoomMetrics.ZERO, null,
                    T0, T0, T0, null, 0));
            store.insert(new RoomChange(imported,
                    List.of(new RoomEvent("imported", RoomEventType.ROOM_CREATED, "import", T0, Map.of()))));

            assertEquals(RoomStatus.ENDED, service.stop(ANCHOR, "imported").room().status());
            for (Vendor vendor : Vendor.values()) {
                assertEquals(List.of(), vendors.admin(vendor).calls());
            }
        }

        @Test
        void refusedStopClosesNothing() {
            assertThrows(ConflictException.class, () -> service.stop(ANCHOR, roomId), "a prepared room cannot stop");
            service.start(ANCHOR, roomId);
            assertThrows(ForbiddenException.class, () -> service.stop(STRANGER, roomId));

            assertEquals(List.of(), vendors.admin(AGORA).calls());
        }
    }

    /** A use case only the anchor may run, and whether it needs a live room to be legal. */
    enum AnchorOnlyUseCase {
        START(RoomStatus.PREPARED, (service, caller, id) -> service.start(caller, id)),
        PAUSE(RoomStatus.LIVE, (service, caller, id) -> service.pause(caller, id)),
        STOP(RoomStatus.LIVE, (service, caller, id) -> service.stop(caller, id)),
        UPDATE(RoomStatus.LIVE, (service, caller, id) -> service.update(caller, id, NEW_TITLE)),
        DELETE(RoomStatus.LIVE, (service, caller, id) -> service.delete(caller, id));

        final RoomStatus legalFrom;
        final UseCase call;

        AnchorOnlyUseCase(RoomStatus legalFrom, UseCase call) {
            this.legalFrom = legalFrom;
            this.call = call;
        }

        interface UseCase {
            RoomView run(RoomService service, Caller caller, String roomId);
        }
    }

    static Stream<Arguments> anchorOnlyUseCasesByOthers() {
        return Stream.of(AnchorOnlyUseCase.values()).flatMap(useCase -> Stream.of(
                Arguments.of(useCase, STRANGER),
                Arguments.of(useCase, ADMIN)));
    }

    /** A stored room in which the anchor could legally run {@code useCase}. */
    private Room roomReadyFor(AnchorOnlyUseCase useCase) {
        String roomId = createRoom(RoomMode.NORMAL);
        if (useCase.legalFrom == RoomStatus.LIVE) {
            service.start(ANCHOR, roomId);
        }
        return store.stored(roomId);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AnchorOnlyUseCase.class)
    void anchorMayRunAnchorOnlyUseCases(AnchorOnlyUseCase useCase) {
        Room room = roomReadyFor(useCase);

        assertEquals(room.id(), useCase.call.run(service, ANCHOR, room.id()).room().id());
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("anchorOnlyUseCasesByOthers")
    void othersAreForbiddenAndTheStoredRoomIsUntouched(AnchorOnlyUseCase useCase, Caller caller) {
        Room before = roomReadyFor(useCase);

        assertThrows(ForbiddenException.class, () -> useCase.call.run(service, caller, before.id()));

        Room after = store.stored(before.id());
        assertEquals(before.version(), after.version());
        assertEquals(before.status(), after.status());
        assertEquals(before.title(), after.title());
    }

    @Test
    void everyUseCaseWritesItsEventsWithTheChange() {
        String roomId = createRoom(RoomMode.COHOST);
        service.start(ANCHOR, roomId);
        service.pause(ANCHOR, roomId);
        service.start(ANCHOR, roomId);
        service.update(ANCHOR, roomId, NEW_TITLE);
        service.stop(ANCHOR, roomId);
        service.delete(ANCHOR, roomId);

        List<RecordedRoomEvent> events = store.events(roomId, 0, 100);
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.ROOM_STARTED, RoomEventType.ROOM_PAUSED,
                        RoomEventType.ROOM_RESUMED, RoomEventType.ROOM_UPDATED,
                        RoomEventType.ROOM_STOPPED, RoomEventType.ROOM_DELETED),
                events.stream().map(recorded -> recorded.event().type()).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), events.stream().map(RecordedRoomEvent::seq).toList());
        assertEquals(Map.of("title", "new title"), events.get(4).event().data());
    }

    @Test
    void aRefusedCommandWritesNoEvent() {
        String roomId = createRoom(RoomMode.NORMAL);

        assertThrows(ForbiddenException.class, () -> service.start(STRANGER, roomId));
        assertThrows(ConflictException.class, () -> service.pause(ANCHOR, roomId));

        assertEquals(List.of(RoomEventType.ROOM_CREATED),
                store.events(roomId, 0, 100).stream().map(recorded -> recorded.event().type()).toList());
    }

    /** No room was liked or entered. */
    static Map<String, RoomMetrics> noCounters(Collection<String> roomIds) {
        Map<String, RoomMetrics> zeros = new HashMap<>();
        roomIds.forEach(id -> zeros.put(id, RoomMetrics.ZERO));
        return zeros;
    }
}
