package io.rtcgate.domain.audience;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Port: rooms' audience counts, as every node sees them. */
public interface AudienceCounter {

    /** The rooms' counts now, every room asked for present: {@link AudienceCount#NONE} for one nobody entered. */
    Map<String, AudienceCount> counts(Collection<String> roomIds);

    /** The room's counts now; {@link AudienceCount#NONE} for a room nobody entered. */
    default AudienceCount count(String roomId) {
        return counts(List.of(roomId)).get(roomId);
    }
}
