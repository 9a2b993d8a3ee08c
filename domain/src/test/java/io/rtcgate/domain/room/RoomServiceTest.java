package io.rtcgate.domain.room;

import static io.rtcgate.domain.room.FakeStreamUrlSigner.pullFor;
import static io.rtcgate.domain.room.FakeStreamUrlSigner.pushFor;
import static io.rtcgate.domain.room.RoomFixtures.ADMIN;
import static io.rtcgate.domain.room.RoomFixtures.ANCHOR;
import static io.rtcgate.domain.room.RoomFixtures.STRANGER;
import static io.rtcgate.domain.room.RoomFixtures.T0;
import static io.rtcgate.domain.room.RoomFixtures.members;
import static io.rtcgate.domain.room.RoomFixtures.newRoom;
import static io.rtcgate.domain.room.RoomFixtures.newRoomFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import io.rtcgate.domain.MutableClock;
import io.rtcgate.domain.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private final SequentialRoomIdGenerator ids = new SequentialRoomIdGenerator();
    private final RoomService service = new RoomService(store, new FakeStreamUrlSigner(), ids, clock);

    private String createRoom(RoomMode mode) {
        return service.create(ANCHOR, newRoom(mode)).room().id();
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
            Room room = service.create(ANCHOR, newRoom(RoomMode.NORMAL)).room();

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
            Room room = service.create(ANCHOR, newRoom(RoomMode.NORMAL)).room();

            assertEquals(Optional.empty(), room.meetingId());
        }

        @ParameterizedTest
        @EnumSource(value = RoomMode.class, names = "NORMAL", mode = EnumSource.Mode.EXCLUDE)
        void coHostAndPkRoomsGetTheirOwnMeetingId(RoomMode mode) {
            Room room = service.create(ANCHOR, newRoom(mode)).room();

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
            assertThrows(ForbiddenException.class, () -> service.create(STRANGER, newRoom(RoomMode.NORMAL)));
            assertEquals(0, store.size());
        }

        @Test
        void adminMayCreateARoomForAnyAnchor() {
            RoomView view = service.create(ADMIN, newRoomFor("someone-else", RoomMode.NORMAL));

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

            assertEquals(Optional.of(pushFor(roomId)), view.push());
            assertEquals(pullFor(roomId), view.pull());
        }

        @Test
        void adminSeesPushAndPullUrls() {
            RoomView view = service.get(ADMIN, roomId);

            assertEquals(Optional.of(pushFor(roomId)), view.push());
            assertEquals(pullFor(roomId), view.pull());
        }

        @Test
        void audienceSeesOnlyPullUrls() {
            RoomView view = service.get(STRANGER, roomId);

            assertEquals(Optional.empty(), view.push());
            assertEquals(pullFor(roomId), view.pull());
        }

        @Test
        void changesHidePushUrlsFromNoOne() {
            assertTrue(service.start(ANCHOR, roomId).push().isPresent());
        }

        @Test
        void listShowsPushUrlsOnlyForTheCallersOwnRooms() {
            aMinuteLater();
            String strangersRoom = service.create(STRANGER, newRoomFor(STRANGER.userId(), RoomMode.NORMAL)).room().id();

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

    @Nested
    class UnknownRoom {

        static Stream<Arguments> useCasesNamingARoom() {
            return Stream.of(
                    useCase("get", (service, id) -> service.get(ANCHOR, id)),
                    useCase("update", (service, id) -> service.update(ANCHOR, id, NEW_TITLE)),
                    useCase("start", (service, id) -> service.start(ANCHOR, id)),
                    useCase("pause", (service, id) -> service.pause(ANCHOR, id)),
                    useCase("stop", (service, id) -> service.stop(ANCHOR, id)),
                    useCase("delete", (service, id) -> service.delete(ANCHOR, id)),
                    useCase("meetingMembers", RoomService::meetingMembers),
                    useCase("replaceMeetingMembers",
                            (service, id) -> service.replaceMeetingMembers(ANCHOR, id, members(), Optional.empty())));
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

    @Nested
    class MeetingMembers {

        private final String coHostRoom = createRoom(RoomMode.COHOST);

        private List<MeetingMember> replace(Caller caller, List<MeetingMember> members, Optional<Long> version) {
            return service.replaceMeetingMembers(caller, coHostRoom, members, version);
        }

        @Test
        void newCoHostRoomHasNoMembers() {
            assertEquals(List.of(), service.meetingMembers(coHostRoom));
        }

        @Test
        void replacedMembersAreStoredWithTheNextVersion() {
            Instant now = aMinuteLater();

            assertEquals(members("bob", "carol"), replace(ANCHOR, members("bob", "carol"), Optional.empty()));

            assertEquals(members("bob", "carol"), service.meetingMembers(coHostRoom));
            assertEquals(1, store.stored(coHostRoom).version());
            assertEquals(now, store.stored(coHostRoom).updatedAt());
        }

        @Test
        void matchingExpectedVersionIsAccepted() {
            service.start(ANCHOR, coHostRoom);

            assertEquals(members("bob"), replace(ANCHOR, members("bob"), Optional.of(1L)));
        }

        @Test
        void wrongExpectedVersionIsAConflictAndChangesNothing() {
            replace(ANCHOR, members("bob"), Optional.empty());

            assertThrows(ConflictException.class, () -> replace(ANCHOR, members("carol"), Optional.of(0L)));
            assertThrows(ConflictException.class, () -> replace(ANCHOR, members("carol"), Optional.of(2L)));
            assertEquals(members("bob"), service.meetingMembers(coHostRoom));
            assertEquals(1, store.stored(coHostRoom).version());
        }

        @Test
        void currentMemberMayReplaceMembers() {
            replace(ANCHOR, members("bob"), Optional.empty());

            assertEquals(members("bob", "carol"), replace(Caller.user("bob"), members("bob", "carol"), Optional.of(1L)));
        }

        @Test
        void strangerIsForbidden() {
            assertThrows(ForbiddenException.class, () -> replace(STRANGER, members("stranger"), Optional.empty()));
            assertEquals(List.of(), service.meetingMembers(coHostRoom));
        }

        @Test
        void endedRoomIsAConflict() {
            service.start(ANCHOR, coHostRoom);
            service.stop(ANCHOR, coHostRoom);

            assertThrows(ConflictException.class, () -> replace(ANCHOR, members("bob"), Optional.empty()));
        }

        @ParameterizedTest
        @EnumSource(value = RoomMode.class, names = "COHOST", mode = EnumSource.Mode.EXCLUDE)
        void roomNotInCoHostModeIsAConflict(RoomMode mode) {
            String roomId = createRoom(mode);

            assertThrows(ConflictException.class, () -> service.meetingMembers(roomId));
            assertThrows(ConflictException.class,
                    () -> service.replaceMeetingMembers(ANCHOR, roomId, members("bob"), Optional.empty()));
        }

        @Test
        void concurrentWriteBetweenLoadAndSaveIsAConflict() {
            store.interleave(() -> service.start(ANCHOR, coHostRoom));

            assertThrows(ConflictException.class, () -> replace(ANCHOR, members("bob"), Optional.empty()));
            assertEquals(List.of(), service.meetingMembers(coHostRoom));
        }
    }
}
