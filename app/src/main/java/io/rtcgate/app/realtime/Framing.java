package io.rtcgate.app.realtime;

import io.rtcgate.domain.room.RecordedRoomEvent;
import java.util.List;

/**
 * How one client's stream writes room events: the text frames an event becomes for that client (none when the client
 * is not told of it), each with the priority the stream's {@link FlowControl} weighs it by.
 */
@FunctionalInterface
public interface Framing {

    /** A frame and its priority: seed 001's weight, 1 the most urgent, 9 the least. */
    record Frame(String text, int priority) {
    }

    /** The frames {@code event} becomes for this client, in the order they are sent. */
    List<Frame> frames(RecordedRoomEvent event);
}
