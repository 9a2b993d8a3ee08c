package io.rtcgate.domain.audience;

/** Port: a room's audience counts, as every node sees them. */
public interface AudienceCounter {

    /** The room's counts now; {@link AudienceCount#NONE} for a room nobody entered. */
    AudienceCount count(String roomId);
}
