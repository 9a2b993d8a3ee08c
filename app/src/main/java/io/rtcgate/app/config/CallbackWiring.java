package io.rtcgate.app.config;

import io.micronaut.context.annotation.Factory;
import io.rtcgate.domain.callback.CallbackInbox;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.StreamCallbackHandler;
import io.rtcgate.domain.vendor.VendorPorts;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The callbacks inbox and its handlers: one per vendor and kind the vendors' ports offer. Later kinds
 * (recordings, ingests, mixing) add their handlers to the same inbox.
 */
@Factory
public class CallbackWiring {

    @Singleton
    CallbackInbox callbackInbox(VendorCallbackStore store, VendorPorts ports, RoomStore rooms, Clock clock) {
        return new CallbackInbox(store, StreamCallbackHandler.forVendors(ports, rooms, clock), clock);
    }
}
