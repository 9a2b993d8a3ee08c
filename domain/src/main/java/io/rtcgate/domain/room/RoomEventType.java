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
    STREAM_INTERRUPTED("stream.interrupted"),
    /** A viewer commented (seed 001's comment push, weight 8). */
    COMMENT_POSTED("comment.posted", 8),
    /** Likes arrived, coalesced: the delta since the last such event and the new total (seed 001's like push, weight 9). */
    LIKE_ADDED("like.added", 9),
    /** A user's first connection to the room's events opened. */
    AUDIENCE_JOINED("audience.joined"),
    /** A user's last connection to the room's events closed, or its node stopped counting it. */
    AUDIENCE_LEFT("audience.left"),
    /** The anchor or an admin muted one user's comments, or lifted it. */
    MEMBER_MUTED("member.muted"),
    MEMBER_UNMUTED("member.unmuted"),
    /** The anchor or an admin muted the whole room's comments, or lifted it. */
    ROOM_MUTED("room.muted"),
    ROOM_UNMUTED("room.unmuted"),
    /** A recording changed state: one event per state it enters. */
    RECORDING_STARTING("recording.starting"),
    RECORDING_STARTED("recording.started"),
    RECORDING_STOPPING("recording.stopping"),
    RECORDING_COMPLETED("recording.completed"),
    RECORDING_FAILED("recording.failed"),
    /** An ingest changed state: one event per state it enters. */
    INGEST_STARTED("ingest.started"),
    INGEST_PAUSED("ingest.paused"),
    INGEST_RESUMED("ingest.resumed"),
    INGEST_STOPPED("ingest.stopped"),
    INGEST_FAILED("ingest.failed"),
    /** Co-hosting: an invitation made, and how it was decided (seed 001's invite pushes, weight 4). */
    COHOST_INVITED("cohost.invited", 4),
    COHOST_ACCEPTED("cohost.accepted", 4),
    COHOST_REJECTED("cohost.rejected", 4),
    COHOST_CANCELLED("cohost.cancelled", 4),
    COHOST_EXPIRED("cohost.expired", 4),
    /** A co-host left, or the anchor ended their co-hosting (seed 001's close push, weight 5). */
    COHOST_LEFT("cohost.left"),
    COHOST_REMOVED("cohost.removed"),
    /** A co-host's microphone or camera changed. */
    COHOST_MEMBER_UPDATED("cohost.member_updated"),
    /** The mix (seed 002): the main stream became mixable, a task started or changed, its result, its end. */
    MIX_AVAILABLE("mix.available"),
    MIX_STARTED("mix.started"),
    MIX_UPDATED("mix.updated"),
    MIX_SUCCEEDED("mix.succeeded"),
    /** A result other than Success, or a failed call, that is still retried or waited out. */
    MIX_DEGRADED("mix.degraded"),
    MIX_FAILED("mix.failed"),
    MIX_STOPPED("mix.stopped"),
    /** The room moved to a new channel (another vendor's, after a failover or an admin's move): clients join again. */
    VENDOR_SWITCHED("vendor.switched", 1),
    /** The room's vendor failed, and failover could not move it: why (told once per reason). */
    VENDOR_SWITCH_BLOCKED("vendor.switch_blocked"),
    /** An ingest followed its room to a new channel: it starts again there, from where it was. */
    INGEST_MOVED("ingest.moved");

    /** The weight of seed 001's pushes for everything else: a larger weight is a lower priority. */
    public static final int DEFAULT_PRIORITY = 5;

    private final String wireName;
    private final int priority;

    RoomEventType(String wireName) {
        this(wireName, DEFAULT_PRIORITY);
    }

    RoomEventType(String wireName, int priority) {
        this.wireName = wireName;
        this.priority = priority;
    }

    public String wireName() {
        return wireName;
    }

    /** Seed 001's weight of the push: 1 is the most urgent; likes (9) and comments (8) yield to everything else. */
    public int priority() {
        return priority;
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
