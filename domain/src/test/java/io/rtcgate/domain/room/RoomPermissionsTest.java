package io.rtcgate.domain.room;

import static io.rtcgate.domain.room.RoomFixtures.ADMIN;
import static io.rtcgate.domain.room.RoomFixtures.ANCHOR;
import static io.rtcgate.domain.room.RoomFixtures.ANCHOR_ID;
import static io.rtcgate.domain.room.RoomFixtures.ROOM_ID;
import static io.rtcgate.domain.room.RoomFixtures.STRANGER;
import static io.rtcgate.domain.room.RoomFixtures.T0;
import static io.rtcgate.domain.room.RoomFixtures.members;
import static io.rtcgate.domain.room.RoomFixtures.onlyEvent;
import static io.rtcgate.domain.room.RoomFixtures.roomIn;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.Caller;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.ForbiddenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may change a room. */
class RoomPermissionsTest {

    private static final Instant NOW = T0.plusSeconds(60);

    /** An anchor-only operation, on a room in which the anchor could legally do it. */
    enum AnchorOnly {
        START(RoomStatus.PREPARED) {
            @Override
            void run(Room room, Caller caller) {
                room.start(caller, NOW);
            }
        },
        PAUSE(RoomStatus.LIVE) {
            @Override
            void run(Room room, Caller caller) {
                room.pause(caller, NOW);
            }
        },
        STOP(RoomStatus.LIVE) {
            @Override
            void run(Room room, Caller caller) {
                room.stop(caller, NOW);
            }
        },
        UPDATE(RoomStatus.PREPARED) {
            @Override
            void run(Room room, Caller caller) {
                room.update(caller, new RoomChanges("new title", null, null, null), NOW);
            }
        },
        DELETE(RoomStatus.LIVE) {
            @Override
            void run(Room room, Caller caller) {
                room.delete(caller, NOW);
            }
        };

        final RoomStatus legalFrom;

        AnchorOnly(RoomStatus legalFrom) {
            this.legalFrom = legalFrom;
        }

        abstract void run(Room room, Caller caller);
    }

    static Stream<Arguments> anchorOnlyOperationsByOthers() {
        return Stream.of(AnchorOnly.values()).flatMap(operation -> Stream.of(
                Arguments.of(operation, STRANGER),
                Arguments.of(operation, ADMIN)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AnchorOnly.class)
    void anchorMayDoAnchorOnlyOperations(AnchorOnly operation) {
        assertDoesNotThrow(() -> operation.run(roomIn(operation.legalFrom), ANCHOR));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("anchorOnlyOperationsByOthers")
    void anyoneButTheAnchorIsForbidden(AnchorOnly operation, Caller caller) {
        assertThrows(ForbiddenException.class, () -> operation.run(roomIn(operation.legalFrom), caller));
    }

    @Test
    void permissionIsCheckedBeforeTheLifecycle() {
        Room ended = roomIn(RoomStatus.ENDED);

        assertThrows(ForbiddenException.class, () -> ended.start(STRANGER, NOW));
    }

    @Test
    void anchorIsRecognisedByUserIdWhetherOrNotAdmin() {
        Room room = roomIn(RoomStatus.PREPARED);

        assertTrue(room.isAnchor(ANCHOR));
        assertTrue(room.isAnchor(Caller.admin(RoomFixtures.ANCHOR_ID)));
        assertFalse(room.isAnchor(STRANGER));
        assertFalse(room.isAnchor(ADMIN));
    }

    @Test
    void requireAnchorAdmitsTheAnchorOnly() {
        Room room = roomIn(RoomStatus.LIVE);

        assertDoesNotThrow(() -> room.requireAnchor(ANCHOR));
        assertThrows(ForbiddenException.class, () -> room.requireAnchor(STRANGER));
        assertThrows(ForbiddenException.class, () -> room.requireAnchor(ADMIN));
    }

    @Test
    void updateReplacesOnlyTheGivenFields() {
        Room room = roomIn(RoomStatus.LIVE);

        RoomChange change = room.update(ANCHOR, new RoomChanges("new title", null, "https://cdn.test/new.png", null), NOW);
        Room updated = change.room();

        assertEquals("new title", updated.title());
        assertEquals("https://cdn.test/new.png", updated.coverUrl());
        assertEquals(room.notice(), updated.notice());
        assertEquals(room.extendsJson(), updated.extendsJson());
        assertEquals(RoomStatus.LIVE, updated.status());
        assertEquals(NOW, updated.updatedAt());
        assertEquals(room.version(), updated.version());
        assertEquals(new RoomEvent(ROOM_ID, RoomEventType.ROOM_UPDATED, ANCHOR_ID, NOW,
                Map.of("title", "new title", "cover_url", "https://cdn.test/new.png")), onlyEvent(change));
    }

    @Test
    void theUpdateEventNamesEveryGivenField() {
        RoomChange change = roomIn(RoomStatus.PREPARED).update(ANCHOR,
                new RoomChanges("t", "n", "https://cdn.test/c.png", "{\"x\":2}"), NOW);

        assertEquals(Map.of("title", "t", "notice", "n", "cover_url", "https://cdn.test/c.png", "extends", "{\"x\":2}"),
                onlyEvent(change).data());
        assertEquals(Map.of(), onlyEvent(roomIn(RoomStatus.PREPARED)
                .update(ANCHOR, new RoomChanges(null, null, null, null), NOW)).data());
    }

}
