package io.rtcgate.app.persistence;

import static io.rtcgate.app.support.Concurrently.failuresOf;
import static io.rtcgate.app.support.Concurrently.successes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.rtcgate.app.support.Concurrently;
import io.rtcgate.app.support.Concurrently.Outcome;
import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.room.MeetingMember;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChanges;
import io.rtcgate.domain.room.RoomMetrics;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomQuery;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.postgres.room.PostgresRoomStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@link PostgresRoomStore} behind the domain's {@link RoomStore} port, on the real database. Not
 * transactional: the races below need every write committed, as in production. Rooms made here are
 * deleted after each test, since some are dated in the future to be the newest.
 */
@MicronautTest(transactional = false)
class PostgresRoomStoreTest {

    private static final Caller ANCHOR = Caller.user("store-anchor");
    private static final int RACERS = 8;

    @Inject
    RoomStore store;

    private final List<String> madeHere = new ArrayList<>();

    @AfterEach
    void deleteRoomsMadeHere() {
        for (String id : madeHere) {
            store.find(id).ifPresent(store::delete);
        }
    }

    @Test
    void theDomainPortIsThePostgresStore() {
        assertInstanceOf(PostgresRoomStore.class, store);
    }

    @Test
    void everyFieldSurvivesInsertAndFind() {
        Instant t0 = now();
        Room room = Room.builder()
                .id(newId())
                .title("Full room")
                .notice("Notice")
                .coverUrl("https://img.example.com/cover.png")
                .anchorId(ANCHOR.userId())
                .anchorNick("Anchor Nick")
                .extendsJson("{\"k\":[1,2,{\"x\":null}]}")
                .mode(RoomMode.COHOST)
                .status(RoomStatus.PAUSED)
                .chatId("chat-1")
                .meetingId("meeting-1")
                .vodId("vod-1")
                .meetingMembers(List.of(
                        new MeetingMember("bob", "Bob", "https://img.example.com/bob.png", true, false, "artc://pull/bob"),
                        new MeetingMember("carol", null, null, false, true, null)))
                .metrics(new RoomMetrics(11, 22, 33, 44))
                .createdAt(t0)
                .updatedAt(t0.plusSeconds(1))
                .startedAt(t0.plusSeconds(2))
                .stoppedAt(t0.plusSeconds(3))
                .version(0)
                .build();

        insert(room);

        assertSameRoom(room, store.find(room.id()).orElseThrow());
    }

    @Test
    void optionalFieldsStayAbsent() {
        Room room = Room.builder()
                .id(newId())
                .title("Bare room")
                .anchorId(ANCHOR.userId())
                .createdAt(now())
                .updatedAt(now())
                .build();

        insert(room);

        Room found = store.find(room.id()).orElseThrow();
        assertSameRoom(room, found);
        assertNull(found.notice());
        assertNull(found.coverUrl());
        assertNull(found.anchorNick());
        assertNull(found.extendsJson());
        assertNull(found.chatId());
        assertEquals(Optional.empty(), found.meetingId());
        assertEquals(Optional.empty(), found.vodId());
        assertEquals(List.of(), found.meetingMembers());
        assertEquals(RoomMetrics.ZERO, found.metrics());
        assertEquals(Optional.empty(), found.startedAt());
        assertEquals(Optional.empty(), found.stoppedAt());
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        assertEquals(Optional.empty(), store.find(newId()));
    }

    @Test
    void updateSavesTheChangeAndBumpsTheVersion() {
        Room room = insert(preparedRoom(now()));

        Room started = store.update(room.start(ANCHOR, now()));
        Room renamed = store.update(started.update(ANCHOR, new RoomChanges("Renamed", null, null, null), now()));

        assertEquals(1, started.version());
        assertEquals(2, renamed.version());
        Room found = store.find(room.id()).orElseThrow();
        assertEquals(2, found.version());
        assertEquals(RoomStatus.LIVE, found.status());
        assertEquals("Renamed", found.title());
        assertEquals(started.startedAt(), found.startedAt());
    }

    @Test
    void savingAStaleCopyIsAConflictAndKeepsTheFirstWrite() {
        Room room = insert(preparedRoom(now()));
        Room copyA = store.find(room.id()).orElseThrow();
        Room copyB = store.find(room.id()).orElseThrow();

        store.update(copyA.update(ANCHOR, new RoomChanges("A wins", null, null, null), now()));

        assertThrows(ConflictException.class,
                () -> store.update(copyB.update(ANCHOR, new RoomChanges("B loses", null, null, null), now())));
        Room found = store.find(room.id()).orElseThrow();
        assertEquals("A wins", found.title());
        assertEquals(1, found.version());
    }

    @Test
    void deletingAStaleCopyIsAConflictAndKeepsTheRoom() {
        Room original = insert(preparedRoom(now()));
        Room current = store.update(original.start(ANCHOR, now()));

        assertThrows(ConflictException.class, () -> store.delete(original));
        assertTrue(store.find(original.id()).isPresent());

        store.delete(current);
        assertEquals(Optional.empty(), store.find(original.id()));
    }

    @Test
    void listIsNewestFirstWithTheIdBreakingTies() {
        Instant newest = afterEveryStoredRoom();
        String tieLow = "00000000-0000-0000-0000-" + suffix();
        String tieHigh = "ffffffff-0000-0000-0000-" + suffix();
        Room oldest = insert(preparedRoom(newest.minusSeconds(20)));
        Room tiedLow = insert(preparedRoom(newest.minusSeconds(10), tieLow));
        Room tiedHigh = insert(preparedRoom(newest.minusSeconds(10), tieHigh));
        Room latest = insert(preparedRoom(newest));

        List<String> page = ids(store.list(new RoomQuery(Optional.empty(), 1, 4)));

        assertEquals(List.of(latest.id(), tiedHigh.id(), tiedLow.id(), oldest.id()), page);
    }

    @Test
    void consecutivePagesContinueWhereThePreviousEnded() {
        Instant newest = afterEveryStoredRoom();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(0, insert(preparedRoom(newest.minusSeconds(10 - i))).id());
        }

        List<String> paged = new ArrayList<>();
        for (int pageNum = 1; pageNum <= 3; pageNum++) {
            paged.addAll(ids(store.list(new RoomQuery(Optional.empty(), pageNum, 2))));
        }

        assertEquals(expected, paged.subList(0, 5));
    }

    @Test
    void listFiltersByStatus() {
        Instant newest = afterEveryStoredRoom();
        Room prepared = insert(preparedRoom(newest.minusSeconds(2)));
        Room live = insert(preparedRoom(newest.minusSeconds(1)).toBuilder().status(RoomStatus.LIVE).build());

        List<Room> liveRooms = store.list(new RoomQuery(Optional.of(RoomStatus.LIVE), 1, 100));
        List<Room> preparedRooms = store.list(new RoomQuery(Optional.of(RoomStatus.PREPARED), 1, 100));

        assertEquals(live.id(), liveRooms.get(0).id());
        assertEquals(prepared.id(), preparedRooms.get(0).id());
        assertTrue(liveRooms.stream().allMatch(room -> room.status() == RoomStatus.LIVE));
        assertTrue(preparedRooms.stream().allMatch(room -> room.status() == RoomStatus.PREPARED));
        assertTrue(ids(preparedRooms).stream().noneMatch(live.id()::equals));
    }

    @Test
    void ofConcurrentTransitionsOfOneRoomExactlyOneWins() {
        for (int round = 0; round < 5; round++) {
            Room room = insert(preparedRoom(now()));

            List<Outcome<Room>> outcomes = Concurrently.run(RACERS,
                    () -> store.find(room.id()).orElseThrow(),
                    loaded -> store.update(loaded.start(ANCHOR, now())));

            assertEquals(1, successes(outcomes), "round " + round + ": " + outcomes);
            assertEquals(RACERS - 1, failuresOf(outcomes, ConflictException.class), "round " + round + ": " + outcomes);
            Room found = store.find(room.id()).orElseThrow();
            assertEquals(RoomStatus.LIVE, found.status());
            assertEquals(1, found.version());
            Room winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
            assertEquals(winner.startedAt(), found.startedAt());
        }
    }

    @Test
    void ofConcurrentMemberUpdatesExactlyOneIsKept() {
        Room room = insert(preparedRoom(now()).toBuilder().mode(RoomMode.COHOST).build());

        List<Outcome<Room>> outcomes = Concurrently.run(RACERS,
                () -> store.find(room.id()).orElseThrow(),
                loaded -> store.update(loaded.replaceMeetingMembers(ANCHOR,
                        List.of(new MeetingMember("m-" + Thread.currentThread().getId(), null, null, true, true, null)),
                        now())));

        assertEquals(1, successes(outcomes), outcomes.toString());
        assertEquals(RACERS - 1, failuresOf(outcomes, ConflictException.class), outcomes.toString());
        Room winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
        assertEquals(winner.meetingMembers(), store.find(room.id()).orElseThrow().meetingMembers());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Room insert(Room room) {
        store.insert(room);
        madeHere.add(room.id());
        return room;
    }

    private static Room preparedRoom(Instant createdAt) {
        return preparedRoom(createdAt, newId());
    }

    private static Room preparedRoom(Instant createdAt, String id) {
        return Room.builder()
                .id(id)
                .title("room " + id)
                .anchorId(ANCHOR.userId())
                .chatId(id)
                .createdAt(createdAt)
                .updatedAt(createdAt)
                .build();
    }

    /**
     * A moment later than every room already stored (the database may be shared with earlier runs), so
     * rooms dated up to it are the newest ones listed.
     */
    private Instant afterEveryStoredRoom() {
        Instant latest = store.list(new RoomQuery(Optional.empty(), 1, 1)).stream()
                .map(Room::createdAt).findFirst().orElse(Instant.EPOCH);
        Instant now = now();
        return (latest.isAfter(now) ? latest : now).plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    }

    /** The database keeps microseconds; rooms built with whole microseconds round-trip exactly. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(24);
    }

    private static List<String> ids(List<Room> rooms) {
        return rooms.stream().map(Room::id).toList();
    }

    private static void assertSameRoom(Room expected, Room actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.title(), actual.title());
        assertEquals(expected.notice(), actual.notice());
        assertEquals(expected.coverUrl(), actual.coverUrl());
        assertEquals(expected.anchorId(), actual.anchorId());
        assertEquals(expected.anchorNick(), actual.anchorNick());
        assertEquals(expected.extendsJson(), actual.extendsJson());
        assertEquals(expected.mode(), actual.mode());
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.chatId(), actual.chatId());
        assertEquals(expected.meetingId(), actual.meetingId());
        assertEquals(expected.vodId(), actual.vodId());
        assertEquals(expected.meetingMembers(), actual.meetingMembers());
        assertEquals(expected.metrics(), actual.metrics());
        assertEquals(expected.createdAt(), actual.createdAt());
        assertEquals(expected.updatedAt(), actual.updatedAt());
        assertEquals(expected.startedAt(), actual.startedAt());
        assertEquals(expected.stoppedAt(), actual.stoppedAt());
        assertEquals(expected.version(), actual.version());
    }
}
