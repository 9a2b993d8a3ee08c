package io.rtcgate.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.testkit.InMemoryRoomStore;
import io.rtcgate.testkit.RoomStoreContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test kit's fake keeps the {@link RoomStore} contract, and its test helpers do what they say. */
class InMemoryRoomStoreTest extends RoomStoreContract {

    private final InMemoryRoomStore store = new InMemoryRoomStore();

    @Override
    protected RoomStore store() {
        return store;
    }

    @Test
    void anInterleavedWriterActsOnceJustBeforeTheNextWrite() {
        Room room = insert(created(now()));
        Room loaded = store.stored(room.id());
        store.interleave(() -> store.update(store.stored(room.id())
                .update(ANCHOR, new RoomChanges("other writer", null, null, null), now())));

        assertThrows(ConflictException.class, () -> store.update(loaded.start(ANCHOR, now())));

        Room stored = store.stored(room.id());
        assertEquals("other writer", stored.title());
        assertEquals(1, stored.version());
        assertEquals(2, store.update(stored.start(ANCHOR, now())).version(), "the other writer acts only once");
        assertEquals(List.of(RoomEventType.ROOM_CREATED, RoomEventType.ROOM_UPDATED, RoomEventType.ROOM_STARTED),
                store.eventsOf(room.id()).stream().map(RoomEvent::type).toList());
    }

    @Test
    void storedFailsTheTestForAMissingRoom() {
        assertThrows(AssertionError.class, () -> store.stored("missing"));
    }

    @Test
    void sizeCountsTheStoredRoomsOnly() {
        Room first = insert(created(now()));
        insert(created(now()));
        assertEquals(2, store.size());

        store.delete(first.delete(ANCHOR, now()));

        assertEquals(1, store.size());
        assertEquals(2, store.eventsOf(first.id()).size(), "the deleted room's events stay");
    }
}
