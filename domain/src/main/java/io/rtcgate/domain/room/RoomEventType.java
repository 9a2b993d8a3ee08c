package io.rtcgate.domain.room;

/** What happened to a room. The wire name is what clients and backends read. */
public enum RoomEventType {
    ROOM_CREATED("room.created"),
    ROOM_UPDATED("room.updated"),
    ROOM_STARTED("room.started"),
    ROOM_PAUSED("room.paused"),
    ROOM_RESUMED("room.resumed"),
    ROOM_STOPPED("room.stopped"),
    ROOM_DELETED("room.deleted"),
    MEETING_UPDATED("meeting.updated"),
    /** The vendor reports one of the room's streams up (system-caused). */
    STREAM_PUBLISHED("stream.published"),
    /** The vendor reports one of the room's streams down (system-caused). */
    STREAM_INTERRUPTED("stream.interrupted");

    private final String wireName;

    RoomEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RoomEventType ofWireName(String wireName) {
        for (RoomEventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown room event type " + wireName);
    }
}
