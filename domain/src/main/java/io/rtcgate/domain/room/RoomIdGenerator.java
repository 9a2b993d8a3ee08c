package io.rtcgate.domain.room;

import java.util.UUID;

/** Port: new room and meeting ids (UUIDs). Tests supply predictable ones. */
public interface RoomIdGenerator {

    UUID next();
}
