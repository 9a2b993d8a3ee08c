package io.rtcgate.app.config;

import io.micronaut.context.annotation.Factory;
import io.rtcgate.domain.callback.CallbackHandler;
import io.rtcgate.domain.callback.CallbackInbox;
import io.rtcgate.domain.recording.RecordingCallbackHandler;
import io.rtcgate.domain.recording.RecordingService;
import java.util.ArrayList;
import java.util.List;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.StreamCallbackHandler;
import io.rtcgate.domain.vendor.VendorPorts;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The callbacks inbox and its handlers: one per vendor and kind the vendors' ports offer (stream and
 * recording callbacks now; ingests and mixing add theirs to the same inbox).
 */
@Factory
public class CallbackWiring {

    @Singleton
    CallbackInbox callbackInbox(VendorCallbackStore store, VendorPorts ports, RoomStore rooms, RecordingService recordings,
                                Clock clock) {
        List<CallbackHandler> handlers = new ArrayList<>(StreamCallbackHandler.forVendors(ports, rooms, clock));
        handlers.addAll(RecordingCallbackHandler.forVendors(ports, recordings));
        return new CallbackInbox(store, handlers, clock);
    }
}
