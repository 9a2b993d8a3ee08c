package io.rtcgate.domain.room;

import static io.rtcgate.domain.room.RoomFixtures.ANCHOR;
import static io.rtcgate.domain.room.RoomFixtures.ANCHOR_ID;
import static io.rtcgate.domain.room.RoomFixtures.ROOM_ID;
import static io.rtcgate.domain.room.RoomFixtures.T0;
import static io.rtcgate.domain.room.RoomFixtures.onlyEvent;
import static io.rtcgate.domain.room.RoomFixtures.preparedRoom;
import static io.rtcgate.domain.room.RoomFixtures.roomIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The room lifecycle PREPARED → LIVE ⇄ PAUSED → ENDED, checked against a table written out by hand, and the
 * event each move causes.
 */
class RoomLifecycleTest {

    /** The only legal moves. Everything else, including staying in the same status, is refused. */
    private static final Set<String> LEGAL_MOVES = Set.of(
            "PREPARED -> LIVE",
            "LIVE -> PAUSED",
            "LIVE -> ENDED",
            "PAUSED -> LIVE",
            "PAUSED -> ENDED");

    private static final Instant LATER = T0.plus(Duration.ofMinutes(5));

    /** The room operations that move a room, and the status each moves it to. */
    enum Move {
        START(RoomStatus.LIVE) {
            @Override
            RoomChange apply(Room room, Caller caller, Instant now) {
                return room.start(caller, now);
            }

            @Override
            RoomEventType eventFrom(RoomStatus from) {
                return from == RoomStatus.PAUSED ? RoomEventType.ROOM_RESUMED : RoomEventType.ROOM_STARTED;
            }
        },
        PAUSE(RoomStatus.PAUSED) {
            @Override
            RoomChange apply(Room room, Caller caller, Instant now) {
                return room.pause(caller, now);
            }

            @Override
            RoomEventType eventFrom(RoomStatus from) {
                return RoomEventType.ROOM_PAUSED;
            }
        },
        STOP(RoomStatus.ENDED) {
            @Override
            RoomChange apply(Room room, Caller caller, Instant now) {
                return room.stop(caller, now);
            }

            @Override
            RoomEventType eventFrom(RoomStatus from) {
                return RoomEventType.ROOM_STOPPED;
            }
        };

        final RoomStatus target;

        Move(RoomStatus target) {
            this.target = target;
        }

        abstract RoomChange apply(Room room, Caller caller, Instant now);

        /** The event of this move from {@code from}, written out by hand like the table above. */
        abstract RoomEventType eventFrom(RoomStatus from);
    }

    static Stream<Arguments> everyStatusPair() {
        return Arrays.stream(RoomStatus.values()).flatMap(from ->
                Arrays.stream(RoomStatus.values()).map(to -> Arguments.of(from, to, isLegal(from, to))));
    }

    static Stream<Arguments> everyMoveFromEveryStatus() {
        return Arrays.stream(RoomStatus.values()).flatMap(from ->
                Arrays.stream(Move.values()).map(move -> Arguments.of(from, move, isLegal(from, move.target))));
    }

    private static boolean isLegal(RoomStatus from, RoomStatus to) {
        return LEGAL_MOVES.contains(from + " -> " + to);
    }

    @ParameterizedTest(name = "{0} -> {1} legal: {2}")
    @MethodSource("everyStatusPair")
    void statusAllowsExactlyTheLegalMoves(RoomStatus from, RoomStatus to, boolean legal) {
        assertEquals(legal, from.canMoveTo(to));
    }

    @ParameterizedTest(name = "{1} from {0} legal: {2}")
    @MethodSource("everyMoveFromEveryStatus")
    void roomMovesOnlyAlongLegalTransitionsAndOtherwiseRaisesConflict(RoomStatus from, Move move, boolean legal) {
        Room room = roomIn(from);

        if (legal) {
            RoomChange change = move.apply(room, ANCHOR, LATER);
            assertEquals(move.target, change.room().status());
            assertEquals(LATER, change.room().updatedAt());
            assertEquals(new RoomEvent(ROOM_ID, move.eventFrom(from), ANCHOR_ID, LATER, Map.of()), onlyEvent(change));
        } else {
            assertThrows(ConflictException.class, () -> move.apply(room, ANCHOR, LATER));
        }
        assertEquals(from, room.status(), "a room never changes in place");
    }

    @Test
    void firstStartRecordsWhenTheLiveStartedAndEmitsRoomStarted() {
        RoomChange start = preparedRoom(RoomMode.NORMAL).start(ANCHOR, LATER);
        Room live = start.room();

        assertEquals(Optional.of(LATER), live.startedAt());
        assertEquals(Optional.empty(), live.stoppedAt());
        assertEquals(new RoomEvent(ROOM_ID, RoomEventType.ROOM_STARTED, ANCHOR_ID, LATER, Map.of()), onlyEvent(start));
    }

    @Test
    void pauseKeepsStartedAtAndSetsNoStoppedAt() {
        Room paused = preparedRoom(RoomMode.NORMAL).start(ANCHOR, T0.plusSeconds(60)).room()
                .pause(ANCHOR, T0.plusSeconds(120)).room();

        assertEquals(RoomStatus.PAUSED, paused.status());
        assertEquals(Optional.of(T0.plusSeconds(60)), paused.startedAt());
        assertEquals(Optional.empty(), paused.stoppedAt());
        assertEquals(T0.plusSeconds(120), paused.updatedAt());
    }

    @Test
    void resumingAPausedRoomKeepsTheOriginalStartedAtAndEmitsRoomResumed() {
        Instant firstStart = T0.plusSeconds(60);
        Instant resume = T0.plusSeconds(600);

        RoomChange resumeChange = preparedRoom(RoomMode.NORMAL)
                .start(ANCHOR, firstStart).room()
                .pause(ANCHOR, T0.plusSeconds(300)).room()
                .start(ANCHOR, resume);
        Room resumed = resumeChange.room();

        assertEquals(RoomStatus.LIVE, resumed.status());
        assertEquals(Optional.of(firstStart), resumed.startedAt());
        assertEquals(resume, resumed.updatedAt());
        assertEquals(new RoomEvent(ROOM_ID, RoomEventType.ROOM_RESUMED, ANCHOR_ID, resume, Map.of()),
                onlyEvent(resumeChange));
    }

    @Test
    void stoppingALiveRoomSetsStoppedAt() {
        RoomChange stop = preparedRoom(RoomMode.NORMAL).start(ANCHOR, T0.plusSeconds(60)).room().stop(ANCHOR, LATER);
        Room ended = stop.room();

        assertEquals(RoomStatus.ENDED, ended.status());
        assertEquals(Optional.of(LATER), ended.stoppedAt());
        assertEquals(Optional.of(T0.plusSeconds(60)), ended.startedAt());
        assertEquals(new RoomEvent(ROOM_ID, RoomEventType.ROOM_STOPPED, ANCHOR_ID, LATER, Map.of()), onlyEvent(stop));
    }

    @Test
    void stoppingAPausedRoomSetsStoppedAt() {
        Room ended = preparedRoom(RoomMode.NORMAL)
                .start(ANCHOR, T0.plusSeconds(60)).room()
                .pause(ANCHOR, T0.plusSeconds(120)).room()
                .stop(ANCHOR, LATER).room();

        assertEquals(RoomStatus.ENDED, ended.status());
        assertEquals(Optional.of(LATER), ended.stoppedAt());
    }

    @Test
    void anEndedRoomCannotBeRestarted() {
        Room ended = preparedRoom(RoomMode.NORMAL).start(ANCHOR, T0).room().stop(ANCHOR, LATER).room();

        assertThrows(ConflictException.class, () -> ended.start(ANCHOR, LATER.plusSeconds(1)));
    }

    @Test
    void movesKeepTheVersionForTheStoreToCompare() {
        Room room = preparedRoom(RoomMode.NORMAL).savedAs(7);

        assertEquals(7, room.start(ANCHOR, LATER).room().version());
        assertEquals(7, room.update(ANCHOR, new RoomChanges("t", null, null, null), LATER).room().version());
        assertEquals(7, room.delete(ANCHOR, LATER).room().version());
    }

    @Test
    void savedAsChangesOnlyTheVersion() {
        Room room = preparedRoom(RoomMode.COHOST);
        RoomRecord saved = room.savedAs(3).toRecord();
        RoomRecord r = room.toRecord();

        assertEquals(3, saved.version());
        assertEquals(new RoomRecord(r.id(), r.title(), r.notice(), r.coverUrl(), r.anchorId(), r.anchorNick(),
                r.extendsJson(), r.mode(), r.status(), r.chatId(), r.meetingId(), r.vodId(), r.meetingMembers(),
                r.metrics(), r.binding(), r.createdAt(), r.updatedAt(), r.startedAt(), r.stoppedAt(), 3), saved);
    }

    @Test
    void aRestoredRoomGivesBackItsRecord() {
        RoomRecord record = new RoomRecord("room-9", "Title", "Notice", "https://cdn.test/c.png", ANCHOR_ID, "Anna",
                "{}", RoomMode.COHOST, RoomStatus.PAUSED, "chat-9", "meeting-9", "vod-9",
                RoomFixtures.members("bob", "carol"), new RoomMetrics(1, 2, 3, 4),
                new VendorBinding(Vendor.TENCENT, "room-9-3", 3), T0, T0.plusSeconds(1), T0.plusSeconds(2), null, 5);

        assertEquals(record, Room.restore(record).toRecord());
    }

    @Test
    void creatingARoomEmitsRoomCreatedWithItsBinding() {
        RoomChange created = RoomFixtures.created(RoomMode.PK);

        assertEquals(new RoomEvent(ROOM_ID, RoomEventType.ROOM_CREATED, ANCHOR_ID, T0, Map.of(
                "title", "Friday show", "anchor_id", ANCHOR_ID, "mode", 2L,
                "vendor", "agora", "channel", "room-1-1", "epoch", 1L)), onlyEvent(created));
    }

    @Test
    void theCreatorIsTheActorOfRoomCreated() {
        Caller admin = Caller.admin("ops");
        RoomChange created = Room.create(admin, "room-2", RoomFixtures.newRoom(RoomMode.NORMAL), null,
                VendorBinding.first("room-2", Vendor.ALIYUN), T0);

        assertEquals("ops", onlyEvent(created).actor());
        assertEquals(ANCHOR_ID, created.room().anchorId());
        assertEquals("aliyun", onlyEvent(created).data().get("vendor"));
    }

    @Test
    void deletingEmitsRoomDeletedAndLeavesTheRoomAsItWas() {
        Room live = RoomFixtures.roomIn(RoomStatus.LIVE);

        RoomChange deleted = live.delete(ANCHOR, LATER);

        assertEquals(live.toRecord(), deleted.room().toRecord());
        assertEquals(new RoomEvent(ROOM_ID, RoomEventType.ROOM_DELETED, ANCHOR_ID, LATER, Map.of()), onlyEvent(deleted));
    }

    @Test
    void aChangeRefusesEventsOfAnotherRoomAndMustCarryOne() {
        Room room = preparedRoom(RoomMode.NORMAL);
        RoomEvent ofAnother = new RoomEvent("room-2", RoomEventType.ROOM_UPDATED, ANCHOR_ID, T0, Map.of());

        assertThrows(IllegalArgumentException.class, () -> new RoomChange(room, List.of(ofAnother)));
        assertThrows(IllegalArgumentException.class, () -> new RoomChange(room, List.of()));
    }

    @Test
    void eventTypesHaveTheirWireNames() {
        assertEquals("room.resumed", RoomEventType.ROOM_RESUMED.wireName());
        assertEquals("meeting.updated", RoomEventType.MEETING_UPDATED.wireName());
        for (RoomEventType type : RoomEventType.values()) {
            assertEquals(type, RoomEventType.ofWireName(type.wireName()));
        }
        assertThrows(IllegalArgumentException.class, () -> RoomEventType.ofWireName("room.exploded"));
    }

    @Test
    void createdRoomIsPreparedWithZeroMetricsAndChatIdEqualToRoomId() {
        Room room = preparedRoom(RoomMode.NORMAL);

        assertEquals(RoomStatus.PREPARED, room.status());
        assertEquals(RoomMetrics.ZERO, room.metrics());
        assertEquals(room.id(), room.chatId());
        assertEquals(T0, room.createdAt());
        assertEquals(T0, room.updatedAt());
        assertEquals(0, room.version());
        assertFalse(room.startedAt().isPresent());
        assertFalse(room.stoppedAt().isPresent());
        assertTrue(room.meetingMembers().isEmpty());
    }

    @Test
    void onlyCoHostAndPkRoomsGetAMeetingId() {
        assertEquals(Optional.empty(), preparedRoom(RoomMode.NORMAL).meetingId());
        assertEquals(Optional.of("meeting-1"), preparedRoom(RoomMode.COHOST).meetingId());
        assertEquals(Optional.of("meeting-1"), preparedRoom(RoomMode.PK).meetingId());
    }

    @Test
    void createdRoomIsBoundToTheFirstChannelOfItsVendor() {
        assertEquals(Optional.of(new VendorBinding(Vendor.AGORA, "room-1-1", 1)), preparedRoom(RoomMode.NORMAL).binding());
    }

    @Test
    void aRoomCannotBeCreatedWithoutAVendorBinding() {
        assertThrows(NullPointerException.class,
                () -> Room.create(ANCHOR, "room-1", RoomFixtures.newRoom(RoomMode.NORMAL), null, null, T0));
    }

    @Test
    void everyChangeKeepsTheVendorBinding() {
        Room changed = preparedRoom(RoomMode.COHOST)
                .start(ANCHOR, T0.plusSeconds(60)).room()
                .pause(ANCHOR, T0.plusSeconds(120)).room()
                .update(ANCHOR, new RoomChanges("new title", null, null, null), T0.plusSeconds(180)).room()
                .stop(ANCHOR, LATER).room();

        assertEquals(Optional.of(RoomFixtures.BINDING), changed.binding());
    }

    @Test
    void firstBindingUsesChannelOneOfTheRoom() {
        assertEquals(new VendorBinding(Vendor.TENCENT, "0f3c-1", 1), VendorBinding.first("0f3c", Vendor.TENCENT));
    }

    @Test
    void statusCodesMatchTheAuiWireValues() {
        assertEquals(0, RoomStatus.PREPARED.code());
        assertEquals(1, RoomStatus.LIVE.code());
        assertEquals(2, RoomStatus.ENDED.code());
        assertEquals(3, RoomStatus.PAUSED.code());
        for (RoomStatus status : RoomStatus.values()) {
            assertEquals(status, RoomStatus.fromCode(status.code()));
            assertTrue(RoomStatus.isCode(status.code()));
        }
    }

    @Test
    void unknownStatusCodeIsRejected() {
        assertFalse(RoomStatus.isCode(4));
        assertFalse(RoomStatus.isCode(-1));
        assertThrows(IllegalArgumentException.class, () -> RoomStatus.fromCode(4));
    }
}
