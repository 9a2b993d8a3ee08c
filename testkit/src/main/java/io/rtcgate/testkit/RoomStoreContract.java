package io.rtcgate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.NotFoundException;
import io.rtcgate.domain.room.NewRoom;
import io.rtcgate.domain.room.RecordedRoomEvent;
import io.rtcgate.domain.room.Room;
import io.rtcgate.domain.room.RoomChange;
import io.rtcgate.domain.room.RoomChanges;
import io.rtcgate.domain.room.RoomEvent;
import io.rtcgate.domain.room.RoomEventType;
import io.rtcgate.domain.room.RoomMetrics;
import io.rtcgate.domain.room.RoomMode;
import io.rtcgate.domain.room.RoomQuery;
import io.rtcgate.domain.room.RoomRecord;
import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.VendorBinding;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RoomStore} adapter promises, as tests: extend it, return the store under test from
 * {@link #store()}, and the adapter is checked against the port. The store may hold rooms of others (a
 * shared database): the tests make their own rooms with fresh ids, date the rooms they list after every
 * stored one, and remove what they made after each test through {@link #cleanUp}.
 *
 * <p>Times have whole microseconds, which is what PostgreSQL keeps.
 */
public abstract class RoomStoreContract {

    /** The anchor of every room made here. */
    protected static final Caller ANCHOR = Caller.user("contract-anchor");
    private static final Caller MEMBER = Caller.user("contract-member");
    private static final int RACERS = 8;
    private static final int UPDATES_PER_RACER = 5;
    private static final int MAX_CONFLICTS_PER_RACER = 10_000;

    private final Set<String> madeHere = new LinkedHashSet<>();

    /** The store under test. */
    protected abstract RoomStore store();

    /**
     * Removes the rooms this test made (and those passed to {@link #removeAfterTest}). By default it deletes
     * each that is still stored, through the port; override to also clear what the port cannot, such as
     * the events that outlive a room in a shared database.
     */
    protected void cleanUp(Collection<String> roomIds) {
        for (String id : roomIds) {
            store().find(id).ifPresent(room -> store().delete(room.delete(Caller.user(room.anchorId()), now())));
        }
    }

    /** Has {@link #cleanUp} remove a room the subclass made itself. */
    protected final void removeAfterTest(String roomId) {
        madeHere.add(roomId);
    }

    @AfterEach
    void removeRoomsMadeHere() {
        cleanUp(List.copyOf(madeHere));
        madeHere.clear();
    }

    // ---- insert and find ---------------------------------------------------------------------------

    @Test
    public void everyFieldSurvivesInsertAndFind() {
        Instant t0 = now();
        String id = newId();
        RoomRecord full = new RoomRecord(
                id, "Full room", "Notice", "https://img.example.com/cover.png", ANCHOR.userId(), "Anchor Nick",
                "{\"k\":[1,2,{\"x\":null}]}", RoomMode.COHOST, RoomStatus.PAUSED, "chat-1", "meeting-1", "vod-1",
                // the co-host members are the co-host sessions' to keep, not the room store's
                List.of(),
                new RoomMetrics(11, 22, 33, 44),
                new VendorBinding(Vendor.TENCENT, id + "-3", 3),
                t0, t0.plusSeconds(1), t0.plusSeconds(2), t0.plusSeconds(3), 0);

        insert(restored(full));

        Room found = store().find(id).orElseThrow();
        assertEquals(full, found.toRecord());
        assertEquals(Optional.of(new VendorBinding(Vendor.TENCENT, id + "-3", 3)), found.binding());
    }

    @Test
    public void aCreatedRoomSurvivesInsertAndFindWithItsOptionalFieldsAbsent() {
        String id = newId();
        RoomChange created = Room.create(ANCHOR, id,
                new NewRoom("Bare room", null, null, ANCHOR.userId(), null, null, RoomMode.NORMAL),
                "meeting-ignored", VendorBinding.first(id, Vendor.ALIYUN), now());

        insert(created);

        Room found = store().find(id).orElseThrow();
        assertEquals(created.room().toRecord(), found.toRecord());
        assertNull(found.notice());
        assertNull(found.coverUrl());
        assertNull(found.anchorNick());
        assertNull(found.extendsJson());
        assertEquals(Optional.empty(), found.meetingId());
        assertEquals(Optional.empty(), found.vodId());
        assertEquals(List.of(), found.meetingMembers());
        assertEquals(RoomMetrics.ZERO, found.metrics());
        assertEquals(Optional.empty(), found.startedAt());
        assertEquals(Optional.empty(), found.stoppedAt());
        assertEquals(Optional.of(VendorBinding.first(id, Vendor.ALIYUN)), found.binding());
        assertEquals(0, found.version());
    }

    @Test
    public void findOfAnUnknownIdIsEmpty() {
        assertEquals(Optional.empty(), store().find(newId()));
        assertThrows(NotFoundException.class, () -> store().require(newId()));
    }

    @Test
    public void insertingAnExistingIdIsAConflictAndWritesNoEvent() {
        Room room = insert(created(now()));
        RoomChange again = Room.create(ANCHOR, room.id(), newRoom("Another", RoomMode.PK), "meeting-2",
                VendorBinding.first(room.id(), Vendor.TENCENT), now());

        assertThrows(ConflictException.class, () -> store().insert(again));

        assertEquals(room.toRecord(), store().require(room.id()).toRecord());
        assertEquals(List.of(1L), seqs(room.id()));
    }

    // ---- update -------------------------------------------------------------------------------------

    @Test
    public void updateSavesTheChangeAndBumpsTheVersion() {
        Room room = insert(created(now()));

        Room started = store().update(room.start(ANCHOR, now()));
        Room renamed = store().update(started.update(ANCHOR, new RoomChanges("Renamed", null, null, null), now()));

        assertEquals(1, started.version());
        assertEquals(2, renamed.version());
        Room found = store().require(room.id());
        assertEquals(renamed.toRecord(), found.toRecord());
        assertEquals(2, found.version());
        assertEquals(RoomStatus.LIVE, found.status());
        assertEquals("Renamed", found.title());
        assertEquals(started.startedAt(), found.startedAt());
        assertEquals(room.binding(), found.binding());
    }

    @Test
    public void savingAStaleCopyIsAConflictThatKeepsTheFirstWriteAndWritesNoEvent() {
        Room room = insert(created(now()));
        Room copyA = store().require(room.id());
        Room copyB = store().require(room.id());

        store().update(copyA.update(ANCHOR, new RoomChanges("A wins", null, null, null), now()));

        RoomChange staleChange = copyB.update(ANCHOR, new RoomChanges("B loses", null, null, null), now());
        assertThrows(ConflictException.class, () -> store().update(staleChange));
        Room found = store().require(room.id());
        assertEquals("A wins", found.title());
        assertEquals(1, found.version());
        List<RecordedRoomEvent> events = store().events(room.id(), 0, 100);
        assertEquals(List.of(1L, 2L), seqsOf(events));
        assertEquals(Map.of("title", "A wins"), events.get(1).event().data());
    }

    @Test
    public void savingTheSameVersionTwiceIsRefused() {
        Room room = insert(created(now()));
        RoomChange start = room.start(ANCHOR, now());
        store().update(start);

        assertThrows(ConflictException.class, () -> store().update(start));
        assertEquals(1, store().require(room.id()).version());
        assertEquals(List.of(1L, 2L), seqs(room.id()));
    }

    @Test
    public void updatingADeletedRoomIsRefused() {
        Room room = insert(created(now()));
        store().delete(room.delete(ANCHOR, now()));

        assertThrows(ConflictException.class, () -> store().update(room.start(ANCHOR, now())));
        assertEquals(Optional.empty(), store().find(room.id()));
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.ROOM_DELETED), types(room.id()));
    }

    // ---- delete -------------------------------------------------------------------------------------

    @Test
    public void deletingTheCurrentVersionRemovesTheRoom() {
        Room room = insert(created(now()));
        Room current = store().update(room.start(ANCHOR, now()));

        store().delete(current.delete(ANCHOR, now()));

        assertEquals(Optional.empty(), store().find(room.id()));
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.ROOM_STARTED, RoomEventType.ROOM_DELETED),
                types(room.id()));
    }

    @Test
    public void deletingAStaleCopyIsAConflictThatKeepsTheRoomAndWritesNoEvent() {
        Room original = insert(created(now()));
        Room current = store().update(original.start(ANCHOR, now()));

        assertThrows(ConflictException.class, () -> store().delete(original.delete(ANCHOR, now())));

        assertEquals(current.toRecord(), store().require(original.id()).toRecord());
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.ROOM_STARTED), types(original.id()));
    }

    @Test
    public void deletingTwiceIsRefused() {
        Room room = insert(created(now()));
        RoomChange delete = room.delete(ANCHOR, now());
        store().delete(delete);

        assertThrows(ConflictException.class, () -> store().delete(delete));
        assertEquals(List.of(1L, 2L), seqs(room.id()));
    }

    // ---- list ---------------------------------------------------------------------------------------

    /** Ties of the creation time go to the higher id, so pages are stable. */
    @Test
    public void listIsNewestFirstWithTheIdBreakingTies() {
        Instant newest = afterEveryStoredRoom();
        String suffix = UUID.randomUUID().toString().substring(24);
        Room oldest = insert(created(newest.minusSeconds(20)));
        Room tiedLow = insert(created(newest.minusSeconds(10), "00000000-0000-0000-0000-" + suffix));
        Room tiedHigh = insert(created(newest.minusSeconds(10), "ffffffff-0000-0000-0000-" + suffix));
        Room latest = insert(created(newest));

        List<String> page = ids(store().list(new RoomQuery(Optional.empty(), 1, 4)));

        assertEquals(List.of(latest.id(), tiedHigh.id(), tiedLow.id(), oldest.id()), page);
    }

    @Test
    public void consecutivePagesContinueWhereThePreviousEnded() {
        Instant newest = afterEveryStoredRoom();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(0, insert(created(newest.minusSeconds(10 - i))).id());
        }

        List<String> paged = new ArrayList<>();
        for (int pageNum = 1; pageNum <= 3; pageNum++) {
            List<Room> page = store().list(new RoomQuery(Optional.empty(), pageNum, 2));
            assertTrue(page.size() <= 2, "page " + pageNum + " has " + page.size() + " rooms");
            paged.addAll(ids(page));
        }

        assertEquals(expected, paged.subList(0, 5));
    }

    @Test
    public void listFiltersByStatus() {
        Instant newest = afterEveryStoredRoom();
        Room prepared = insert(created(newest.minusSeconds(3)));
        Room live = insert(restored(withStatus(created(newest.minusSeconds(2)).room().toRecord(), RoomStatus.LIVE)));
        Room paused = insert(restored(withStatus(created(newest.minusSeconds(1)).room().toRecord(), RoomStatus.PAUSED)));

        List<Room> liveRooms = store().list(new RoomQuery(Optional.of(RoomStatus.LIVE), 1, RoomQuery.MAX_PAGE_SIZE));
        List<Room> preparedRooms = store().list(new RoomQuery(Optional.of(RoomStatus.PREPARED), 1, RoomQuery.MAX_PAGE_SIZE));

        assertEquals(live.id(), liveRooms.get(0).id());
        assertEquals(prepared.id(), preparedRooms.get(0).id());
        assertTrue(liveRooms.stream().allMatch(room -> room.status() == RoomStatus.LIVE));
        assertTrue(preparedRooms.stream().allMatch(room -> room.status() == RoomStatus.PREPARED));
        assertFalse(ids(preparedRooms).contains(live.id()));
        assertFalse(ids(liveRooms).contains(paused.id()));
    }

    @Test
    public void aPageBeyondTheLastIsEmpty() {
        assertEquals(List.of(), store().list(new RoomQuery(Optional.empty(), Integer.MAX_VALUE, RoomQuery.MAX_PAGE_SIZE)));
    }

    // ---- events -------------------------------------------------------------------------------------

    @Test
    public void eventsAreWrittenWithTheirChangeAndReadBackInOrder() {
        Instant t0 = now();
        RoomChange created = created(t0, newId(), RoomMode.COHOST);
        List<RoomEvent> written = new ArrayList<>(created.events());
        Room room = insert(created);

        List<Function<Room, RoomChange>> commands = List.of(
                r -> r.start(ANCHOR, t0.plusSeconds(1)),
                r -> r.pause(ANCHOR, t0.plusSeconds(2)),
                r -> r.start(ANCHOR, t0.plusSeconds(3)),
                r -> r.update(ANCHOR, new RoomChanges("New title", "New notice", null, null), t0.plusSeconds(4)),
                r -> r.update(ANCHOR, new RoomChanges("Newer title", null, null, null), t0.plusSeconds(5)),
                r -> r.stop(ANCHOR, t0.plusSeconds(6)));
        for (Function<Room, RoomChange> command : commands) {
            RoomChange change = command.apply(room);
            room = store().update(change);
            written.addAll(change.events());
        }
        RoomChange deleted = room.delete(ANCHOR, t0.plusSeconds(7));
        store().delete(deleted);
        written.addAll(deleted.events());

        List<RecordedRoomEvent> read = store().events(room.id(), 0, 100);

        assertEquals(LongStream.rangeClosed(1, 8).boxed().toList(), seqsOf(read));
        assertEquals(written, read.stream().map(RecordedRoomEvent::event).toList());
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.ROOM_STARTED, RoomEventType.ROOM_PAUSED,
                RoomEventType.ROOM_RESUMED, RoomEventType.ROOM_UPDATED, RoomEventType.ROOM_UPDATED,
                RoomEventType.ROOM_STOPPED, RoomEventType.ROOM_DELETED), types(room.id()));
    }

    @Test
    public void theCreatedEventSurvivesWithItsData() {
        String id = newId();
        Instant at = now();
        RoomChange created = Room.create(ANCHOR, id, newRoom("Data room", RoomMode.COHOST), "meeting-9",
                new VendorBinding(Vendor.TENCENT, id + "-3", 3), at);

        insert(created);

        RecordedRoomEvent first = store().events(id, 0, 10).get(0);
        assertEquals(1, first.seq());
        assertEquals(new RoomEvent(id, RoomEventType.ROOM_CREATED, ANCHOR.userId(), at, Map.of(
                "title", "Data room", "anchor_id", ANCHOR.userId(), "mode", 1L,
                "vendor", "tencent", "channel", id + "-3", "epoch", 3L)), first.event());
    }

    @Test
    public void eventDataOfPlainValuesComesBackEqual() {
        Room room = insert(created(now()));
        Map<String, Object> data = Map.of(
                "text", "héllo \"quoted\" \\ ünïcode ✓",
                "small", 7L,
                "zero", 0L,
                "negative", -3L,
                "large", Long.MAX_VALUE,
                "flag", true,
                "off", false,
                "list", List.of("a", 1L, List.of(), Map.of("k", "v")),
                "nested", Map.of("members", List.of("bob", "carol"), "depth", Map.of("n", 2L)),
                "empty", Map.of());
        RoomEvent event = new RoomEvent(room.id(), RoomEventType.ROOM_UPDATED, ANCHOR.userId(), now(), data);

        store().update(new RoomChange(room, List.of(event)));

        RoomEvent read = store().events(room.id(), 1, 10).get(0).event();
        assertEquals(data, read.data());
        assertEquals(event, read);
    }

    @Test
    public void aChangeWithSeveralEventsNumbersThemInItsOrder() {
        Room room = insert(created(now()));
        Instant at = now();
        List<RoomEvent> three = List.of(
                new RoomEvent(room.id(), RoomEventType.ROOM_STARTED, ANCHOR.userId(), at, Map.of()),
                new RoomEvent(room.id(), RoomEventType.MEETING_UPDATED, ANCHOR.userId(), at, Map.of("n", 1L)),
                new RoomEvent(room.id(), RoomEventType.ROOM_UPDATED, MEMBER.userId(), at.plusSeconds(1), Map.of()));

        store().update(new RoomChange(room.start(ANCHOR, at).room(), three));

        List<RecordedRoomEvent> read = store().events(room.id(), 1, 10);
        assertEquals(List.of(2L, 3L, 4L), seqsOf(read));
        assertEquals(three, read.stream().map(RecordedRoomEvent::event).toList());
    }

    @Test
    public void eventsArePagedBySeqAndLimit() {
        Room room = insert(created(now()));
        for (int i = 1; i <= 4; i++) {
            room = store().update(room.update(ANCHOR, new RoomChanges("title " + i, null, null, null), now()));
        }

        assertEquals(List.of(1L, 2L), seqsOf(store().events(room.id(), 0, 2)));
        assertEquals(List.of(3L, 4L), seqsOf(store().events(room.id(), 2, 2)));
        assertEquals(List.of(5L), seqsOf(store().events(room.id(), 4, 2)));
        assertEquals(List.of(), store().events(room.id(), 5, 2));
        assertEquals(List.of(2L, 3L, 4L, 5L), seqsOf(store().events(room.id(), 1, 100)));
        assertEquals(Map.of("title", "title 3"), store().events(room.id(), 3, 1).get(0).event().data());
    }

    @Test
    public void eventsOfADeletedRoomStayReadable() {
        Room room = insert(created(now()));
        Room live = store().update(room.start(ANCHOR, now()));
        Instant deletedAt = now();

        store().delete(live.delete(ANCHOR, deletedAt));

        assertEquals(Optional.empty(), store().find(room.id()));
        List<RecordedRoomEvent> events = store().events(room.id(), 0, 10);
        assertEquals(List.of(1L, 2L, 3L), seqsOf(events));
        assertEquals(new RoomEvent(room.id(), RoomEventType.ROOM_DELETED, ANCHOR.userId(), deletedAt, Map.of()),
                events.get(2).event());
    }

    @Test
    public void eachRoomNumbersItsOwnEvents() {
        Room first = insert(created(now()));
        Room second = insert(created(now()));

        store().update(first.start(ANCHOR, now()));
        Room secondLive = store().update(second.start(ANCHOR, now()));
        store().update(secondLive.pause(ANCHOR, now()));

        assertEquals(List.of(1L, 2L), seqs(first.id()));
        assertEquals(List.of(1L, 2L, 3L), seqs(second.id()));
        assertTrue(store().events(first.id(), 0, 10).stream().allMatch(e -> e.event().roomId().equals(first.id())));
    }

    @Test
    public void anUnknownRoomHasNoEvents() {
        assertEquals(List.of(), store().events(newId(), 0, 10));
    }

    // ---- races --------------------------------------------------------------------------------------

    @Test
    public void ofConcurrentTransitionsOfOneRoomExactlyOneWinsAndOnlyItsEventIsKept() {
        for (int round = 0; round < 5; round++) {
            Room room = insert(created(now()));

            List<Concurrently.Outcome<Room>> outcomes = Concurrently.run(RACERS,
                    () -> store().require(room.id()),
                    loaded -> store().update(loaded.start(ANCHOR, now())));

            String context = "round " + round + ": " + outcomes;
            assertEquals(1, Concurrently.successes(outcomes), context);
            assertEquals(RACERS - 1, Concurrently.failuresOf(outcomes, ConflictException.class), context);
            Room winner = outcomes.stream().filter(Concurrently.Outcome::succeeded).findFirst().orElseThrow().value();
            Room found = store().require(room.id());
            assertEquals(RoomStatus.LIVE, found.status());
            assertEquals(1, found.version());
            assertEquals(winner.startedAt(), found.startedAt());
            List<RecordedRoomEvent> events = store().events(room.id(), 0, 100);
            assertEquals(List.of(1L, 2L), seqsOf(events), context);
            assertEquals(RoomEventType.ROOM_STARTED, events.get(1).event().type());
            assertEquals(Optional.of(events.get(1).event().at()), found.startedAt());
        }
    }

    /**
     * Writers that retry on every conflict until each has saved all its updates: every committed version
     * has exactly its own event, numbered one after the version before it, and no number is missing or
     * taken twice.
     */
    @Test
    public void racingWritersThatRetryLeaveGaplessUniqueSeqsOneEventPerCommittedVersion() {
        Room room = insert(created(now()));
        Map<Long, String> titleByVersion = new ConcurrentHashMap<>();

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(RACERS, () -> Thread.currentThread().getId(), racer -> {
            int conflicts = 0;
            for (int update = 0; update < UPDATES_PER_RACER; update++) {
                String title = "racer " + racer + " update " + update;
                while (true) {
                    if (conflicts > MAX_CONFLICTS_PER_RACER) {
                        throw new AssertionError("racer " + racer + " never got a write through");
                    }
                    Room loaded = store().require(room.id());
                    try {
                        Room saved = store().update(loaded.update(ANCHOR, new RoomChanges(title, null, null, null), now()));
                        String previous = titleByVersion.putIfAbsent(saved.version(), title);
                        assertNull(previous, "version " + saved.version() + " was committed twice");
                        break;
                    } catch (ConflictException e) {
                        conflicts++;
                    }
                }
            }
            return conflicts;
        });

        assertEquals(RACERS, Concurrently.successes(outcomes), outcomes.toString());
        int total = RACERS * UPDATES_PER_RACER;
        Room found = store().require(room.id());
        assertEquals(total, found.version());
        assertEquals(titleByVersion.get((long) total), found.title());
        List<RecordedRoomEvent> events = store().events(room.id(), 0, total + 10);
        assertEquals(LongStream.rangeClosed(1, total + 1).boxed().toList(), seqsOf(events));
        assertEquals(RoomEventType.ROOM_CREATED, events.get(0).event().type());
        for (long version = 1; version <= total; version++) {
            RoomEvent event = events.get((int) version).event();
            assertEquals(RoomEventType.ROOM_UPDATED, event.type(), "event of version " + version);
            assertEquals(Map.of("title", titleByVersion.get(version)), event.data(), "event of version " + version);
        }
    }

    // ---- fixtures -----------------------------------------------------------------------------------

    /** Inserts the change's room and has it removed after the test; returns the room. */
    protected final Room insert(RoomChange created) {
        madeHere.add(created.room().id());
        store().insert(created);
        return created.room();
    }

    /** A new PREPARED room of the anchor, created at {@code at} with a fresh id and its first Agora binding. */
    protected static RoomChange created(Instant at) {
        return created(at, newId());
    }

    protected static RoomChange created(Instant at, String id) {
        return created(at, id, RoomMode.NORMAL);
    }

    protected static RoomChange created(Instant at, String id, RoomMode mode) {
        return Room.create(ANCHOR, id, newRoom("room " + id, mode), "meeting-" + id, VendorBinding.first(id, Vendor.AGORA), at);
    }

    /** A room in exactly the given state, as a store would restore it, with the event that inserts it. */
    protected static RoomChange restored(RoomRecord state) {
        return new RoomChange(Room.restore(state), List.of(
                new RoomEvent(state.id(), RoomEventType.ROOM_CREATED, state.anchorId(), state.createdAt(), Map.of())));
    }

    protected static RoomRecord withStatus(RoomRecord r, RoomStatus status) {
        return new RoomRecord(r.id(), r.title(), r.notice(), r.coverUrl(), r.anchorId(), r.anchorNick(), r.extendsJson(),
                r.mode(), status, r.chatId(), r.meetingId(), r.vodId(), r.meetingMembers(), r.metrics(), r.binding(),
                r.createdAt(), r.updatedAt(), r.startedAt(), r.stoppedAt(), r.version());
    }

    protected static NewRoom newRoom(String title, RoomMode mode) {
        return new NewRoom(title, "notice", "https://img.example.com/c.png", ANCHOR.userId(), "Nick", "{\"k\":1}", mode);
    }

    /** Now, to the microsecond: what PostgreSQL keeps, so rooms and events read back equal. */
    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * A moment later than every room already stored (a database may be shared with other tests and earlier
     * runs), so rooms dated up to it are the newest ones listed.
     */
    protected final Instant afterEveryStoredRoom() {
        Instant latest = store().list(new RoomQuery(Optional.empty(), 1, 1)).stream()
                .map(Room::createdAt).findFirst().orElse(Instant.EPOCH);
        Instant now = now();
        return (latest.isAfter(now) ? latest : now).plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    }

    private List<Long> seqs(String roomId) {
        return seqsOf(store().events(roomId, 0, 1000));
    }

    private List<RoomEventType> types(String roomId) {
        return store().events(roomId, 0, 1000).stream().map(recorded -> recorded.event().type()).toList();
    }

    private static List<Long> seqsOf(List<RecordedRoomEvent> events) {
        return events.stream().map(RecordedRoomEvent::seq).toList();
    }

    private static List<String> ids(List<Room> rooms) {
        return rooms.stream().map(Room::id).toList();
    }
}
