package io.rtcgate.domain.room;

import static io.rtcgate.domain.room.RoomFixtures.ANCHOR;
import static io.rtcgate.domain.room.RoomFixtures.T0;
import static io.rtcgate.domain.room.RoomFixtures.preparedRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.vendor.Vendor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake keeps the {@link RoomStore} contract: optimistic concurrency on the room's version. */
class InMemoryRoomStoreTest {

    private static final Instant NOW = T0.plusSeconds(60);

    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private final Room original = preparedRoom(RoomMode.NORMAL);

    @BeforeEach
    void insertRoom() {
        store.insert(original);
    }

    @Test
    void updateSavesTheRoomAndBumpsItsVersion() {
        Room saved = store.update(original.start(ANCHOR, NOW));

        assertEquals(1, saved.version());
        assertEquals(RoomStatus.LIVE, saved.status());
        assertEquals(Optional.of(RoomFixtures.BINDING), saved.binding());
        assertEquals(saved.version(), store.stored(original.id()).version());
    }

    @Test
    void savingAStaleRoomIsRefused() {
        Room loadedByA = store.stored(original.id());
        Room loadedByB = store.stored(original.id());
        store.update(loadedByA.start(ANCHOR, NOW));

        Room staleChange = loadedByB.update(ANCHOR, new RoomChanges("B's title", null, null, null), NOW);

        assertThrows(ConflictException.class, () -> store.update(staleChange));
        Room stored = store.stored(original.id());
        assertEquals(RoomStatus.LIVE, stored.status());
        assertEquals(original.title(), stored.title());
        assertEquals(1, stored.version());
    }

    @Test
    void savingTheSameVersionTwiceIsRefused() {
        Room live = original.start(ANCHOR, NOW);
        store.update(live);

        assertThrows(ConflictException.class, () -> store.update(live));
    }

    @Test
    void deletingAStaleRoomIsRefused() {
        store.update(original.start(ANCHOR, NOW));

        assertThrows(ConflictException.class, () -> store.delete(original));
        assertTrue(store.find(original.id()).isPresent());
    }

    @Test
    void deletingTheCurrentVersionRemovesTheRoom() {
        store.delete(original);

        assertEquals(Optional.empty(), store.find(original.id()));
    }

    @Test
    void updatingADeletedRoomIsRefused() {
        store.delete(original);

        assertThrows(ConflictException.class, () -> store.update(original.start(ANCHOR, NOW)));
    }

    @Test
    void insertingAnExistingIdIsRefused() {
        assertThrows(ConflictException.class, () -> store.insert(original));
    }

    @Test
    void listIsNewestFirstWithTiesBrokenById() {
        store.insert(createdAt("room-3", T0.plusSeconds(10)));
        store.insert(createdAt("room-0", T0));

        List<String> ids = store.list(new RoomQuery(Optional.empty(), 1, 10)).stream().map(Room::id).toList();

        assertEquals(List.of("room-3", "room-0", "room-1"), ids);
    }

    private static Room createdAt(String id, Instant createdAt) {
        return Room.create(id, RoomFixtures.newRoom(RoomMode.NORMAL), null, VendorBinding.first(id, Vendor.AGORA), createdAt);
    }
}
