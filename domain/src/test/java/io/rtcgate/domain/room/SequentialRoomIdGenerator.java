package io.rtcgate.domain.room;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Hands out 00000000-0000-0000-0000-000000000001, …02, … and remembers what it handed out. */
final class SequentialRoomIdGenerator implements RoomIdGenerator {

    private final List<String> issued = new ArrayList<>();

    @Override
    public UUID next() {
        UUID id = new UUID(0, issued.size() + 1);
        issued.add(id.toString());
        return id;
    }

    List<String> issued() {
        return List.copyOf(issued);
    }
}
