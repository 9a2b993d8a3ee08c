package io.rtcgate.domain.room;

import static io.rtcgate.domain.room.RoomFixtures.ANCHOR_ID;
import static io.rtcgate.domain.room.RoomFixtures.ROOM_ID;
import static io.rtcgate.domain.room.RoomFixtures.T0;
import static io.rtcgate.domain.room.RoomFixtures.preparedRoom;
import static io.rtcgate.domain.room.RoomFixtures.roomIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.DomainAssertions;
import io.rtcgate.domain.user.UserIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The system-caused room commands a vendor's stream callbacks drive, and the events they cause. */
class RoomStreamCommandsTest {

    private static final Instant LATER = T0.plus(Duration.ofMinutes(3));
    private static final String SYSTEM = "system:aliyun";
    private static final Map<String, Object> CDN_STREAM = Map.of("vendor", "aliyun", "stream", ROOM_ID);

    @Test
    void aPublishTakesAPreparedRoomLive() {
        RoomChange change = preparedRoom(RoomMode.NORMAL).streamPublished("aliyun", ROOM_ID, Optional.empty(), LATER).orElseThrow();

        assertEquals(RoomStatus.LIVE, change.room().status());
        assertEquals(Optional.of(LATER), change.room().startedAt());
        assertEquals(LATER, change.room().updatedAt());
        assertEquals(List.of(
                new RoomEvent(ROOM_ID, RoomEventType.STREAM_PUBLISHED, SYSTEM, LATER, CDN_STREAM),
                new RoomEvent(ROOM_ID, RoomEventType.ROOM_STARTED, SYSTEM, LATER, Map.of("cause", "stream.published"))),
                change.events());
    }

    @Test
    void aPublishResumesAPausedRoomAndKeepsWhenItFirstStarted() {
        Room paused = preparedRoom(RoomMode.NORMAL).start(RoomFixtures.ANCHOR, T0).room()
                .pause(RoomFixtures.ANCHOR, T0.plusSeconds(1)).room();

        RoomChange change = paused.streamPublished("aliyun", ROOM_ID, Optional.empty(), LATER).orElseThrow();

        assertEquals(RoomStatus.LIVE, change.room().status());
        assertEquals(Optional.of(T0), change.room().startedAt());
        assertEquals(List.of(RoomEventType.STREAM_PUBLISHED, RoomEventType.ROOM_RESUMED), types(change));
    }

    @Test
    void aPublishOnALiveRoomIsRecordedWithoutAMove() {
        Room live = roomIn(RoomStatus.LIVE, RoomMode.COHOST);

        RoomChange change = live.streamPublished("aliyun", "app_" + ROOM_ID + "-1_bob_camera", Optional.of("bob"), LATER)
                .orElseThrow();

        assertSame(live, change.room());
        assertEquals(List.of(new RoomEvent(ROOM_ID, RoomEventType.STREAM_PUBLISHED, SYSTEM, LATER,
                Map.of("vendor", "aliyun", "stream", "app_" + ROOM_ID + "-1_bob_camera", "user_id", "bob"))), change.events());
    }

    @Test
    void theAnchorsStreamGoingDownPausesALiveRoom() {
        RoomChange change = roomIn(RoomStatus.LIVE).streamInterrupted("aliyun", ROOM_ID, Optional.empty(), LATER).orElseThrow();

        assertEquals(RoomStatus.PAUSED, change.room().status());
        assertEquals(List.of(
                new RoomEvent(ROOM_ID, RoomEventType.STREAM_INTERRUPTED, SYSTEM, LATER, CDN_STREAM),
                new RoomEvent(ROOM_ID, RoomEventType.ROOM_PAUSED, SYSTEM, LATER, Map.of("cause", "stream.interrupted"))),
                change.events());
    }

    @Test
    void theAnchorsRelayGoingDownPausesALiveRoomToo() {
        RoomChange change = roomIn(RoomStatus.LIVE, RoomMode.COHOST)
                .streamInterrupted("aliyun", "relay", Optional.of(ANCHOR_ID), LATER).orElseThrow();

        assertEquals(RoomStatus.PAUSED, change.room().status());
        assertEquals(List.of(RoomEventType.STREAM_INTERRUPTED, RoomEventType.ROOM_PAUSED), types(change));
    }

    @Test
    void aCoHostsStreamGoingDownLeavesTheRoomLive() {
        Room live = roomIn(RoomStatus.LIVE, RoomMode.COHOST);

        RoomChange change = live.streamInterrupted("aliyun", "relay", Optional.of("bob"), LATER).orElseThrow();

        assertSame(live, change.room());
        assertEquals(List.of(RoomEventType.STREAM_INTERRUPTED), types(change));
    }

    @ParameterizedTest
    @EnumSource(value = RoomStatus.class, names = {"PREPARED", "PAUSED"})
    void aStreamGoingDownOutsideLiveMovesNothing(RoomStatus status) {
        Room room = roomIn(status);

        RoomChange change = room.streamInterrupted("aliyun", ROOM_ID, Optional.empty(), LATER).orElseThrow();

        assertSame(room, change.room());
        assertEquals(List.of(RoomEventType.STREAM_INTERRUPTED), types(change));
    }

    @Test
    void anEndedRoomNeverChanges() {
        Room ended = roomIn(RoomStatus.ENDED);

        assertTrue(ended.streamPublished("aliyun", ROOM_ID, Optional.empty(), LATER).isEmpty());
        assertTrue(ended.streamInterrupted("aliyun", ROOM_ID, Optional.empty(), LATER).isEmpty());
        assertTrue(ended.streamPublished("aliyun", "relay", Optional.of(ANCHOR_ID), LATER).isEmpty());
    }

    @Test
    void theSystemActorIsNeverAUserId() {
        assertEquals("system:aliyun", RoomEvent.systemActor("aliyun"));
        DomainAssertions.assertInvalidInput("user_id", () -> UserIds.require(RoomEvent.systemActor("aliyun"), "user_id"));
    }

    private static List<RoomEventType> types(RoomChange change) {
        return change.events().stream().map(RoomEvent::type).toList();
    }
}
