package io.rtcgate.domain.room;

import static io.rtcgate.domain.room.RoomFixtures.ANCHOR;
import static io.rtcgate.domain.room.RoomFixtures.T0;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The room lifecycle PREPARED → LIVE ⇄ PAUSED → ENDED, checked against a table written out by hand. */
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
            Room apply(Room room, Caller caller, Instant now) {
                return room.start(caller, now);
            }
        },
        PAUSE(RoomStatus.PAUSED) {
            @Override
            Room apply(Room room, Caller caller, Instant now) {
                return room.pause(caller, now);
            }
        },
        STOP(RoomStatus.ENDED) {
            @Override
            Room apply(Room room, Caller caller, Instant now) {
                return room.stop(caller, now);
            }
        };

        final RoomStatus target;

        Move(RoomStatus target) {
            this.target = target;
        }

        abstract Room apply(Room room, Caller caller, Instant now);
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
            Room moved = move.apply(room, ANCHOR, LATER);
            assertEquals(move.target, moved.status());
            assertEquals(LATER, moved.updatedAt());
        } else {
            assertThrows(ConflictException.class, () -> move.apply(room, ANCHOR, LATER));
        }
        assertEquals(from, room.status(), "a room never changes in place");
    }

    @Test
    void firstStartRecordsWhenTheLiveStarted() {
        Room live = preparedRoom(RoomMode.NORMAL).start(ANCHOR, LATER);

        assertEquals(Optional.of(LATER), live.startedAt());
        assertEquals(Optional.empty(), live.stoppedAt());
    }

    @Test
    void pauseKeepsStartedAtAndSetsNoStoppedAt() {
        Room paused = preparedRoom(RoomMode.NORMAL).start(ANCHOR, T0.plusSeconds(60)).pause(ANCHOR, T0.plusSeconds(120));

        assertEquals(RoomStatus.PAUSED, paused.status());
        assertEquals(Optional.of(T0.plusSeconds(60)), paused.startedAt());
        assertEquals(Optional.empty(), paused.stoppedAt());
        assertEquals(T0.plusSeconds(120), paused.updatedAt());
    }

    @Test
    void resumingAPausedRoomKeepsTheOriginalStartedAt() {
        Instant firstStart = T0.plusSeconds(60);
        Instant resume = T0.plusSeconds(600);

        Room resumed = preparedRoom(RoomMode.NORMAL)
                .start(ANCHOR, firstStart)
                .pause(ANCHOR, T0.plusSeconds(300))
                .start(ANCHOR, resume);

        assertEquals(RoomStatus.LIVE, resumed.status());
        assertEquals(Optional.of(firstStart), resumed.startedAt());
        assertEquals(resume, resumed.updatedAt());
    }

    @Test
    void stoppingALiveRoomSetsStoppedAt() {
        Room ended = preparedRoom(RoomMode.NORMAL).start(ANCHOR, T0.plusSeconds(60)).stop(ANCHOR, LATER);

        assertEquals(RoomStatus.ENDED, ended.status());
        assertEquals(Optional.of(LATER), ended.stoppedAt());
        assertEquals(Optional.of(T0.plusSeconds(60)), ended.startedAt());
    }

    @Test
    void stoppingAPausedRoomSetsStoppedAt() {
        Room ended = preparedRoom(RoomMode.NORMAL)
                .start(ANCHOR, T0.plusSeconds(60))
                .pause(ANCHOR, T0.plusSeconds(120))
                .stop(ANCHOR, LATER);

        assertEquals(RoomStatus.ENDED, ended.status());
        assertEquals(Optional.of(LATER), ended.stoppedAt());
    }

    @Test
    void anEndedRoomCannotBeRestarted() {
        Room ended = preparedRoom(RoomMode.NORMAL).start(ANCHOR, T0).stop(ANCHOR, LATER);

        assertThrows(ConflictException.class, () -> ended.start(ANCHOR, LATER.plusSeconds(1)));
    }

    @Test
    void movesKeepTheVersionForTheStoreToCompare() {
        Room room = preparedRoom(RoomMode.NORMAL).toBuilder().version(7).build();

        assertEquals(7, room.start(ANCHOR, LATER).version());
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
                () -> Room.create("room-1", RoomFixtures.newRoom(RoomMode.NORMAL), null, null, T0));
    }

    @Test
    void everyChangeKeepsTheVendorBinding() {
        Room changed = preparedRoom(RoomMode.COHOST)
                .start(ANCHOR, T0.plusSeconds(60))
                .pause(ANCHOR, T0.plusSeconds(120))
                .update(ANCHOR, new RoomChanges("new title", null, null, null), T0.plusSeconds(180))
                .replaceMeetingMembers(ANCHOR, RoomFixtures.members("bob"), T0.plusSeconds(240))
                .stop(ANCHOR, LATER);

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
