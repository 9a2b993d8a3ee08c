package io.rtcgate.app.config;

import io.micronaut.context.annotation.Factory;
import io.rtcgate.domain.callback.CallbackHandler;
import io.rtcgate.domain.callback.CallbackInbox;
import io.rtcgate.domain.callback.VendorCallbackStore;
import io.rtcgate.domain.cohost.CohostService;
import io.rtcgate.domain.cohost.MixCallbackHandler;
import io.rtcgate.domain.ingest.IngestService;
import io.rtcgate.domain.job.JobCallbackHandler;
import io.rtcgate.domain.recording.RecordingService;
import io.rtcgate.domain.room.RoomStore;
import io.rtcgate.domain.room.StreamCallbackHandler;
import io.rtcgate.domain.vendor.VendorPorts;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The callbacks inbox and its handlers: one per vendor and kind the vendors' ports offer (stream callbacks,
 * and the recording and ingest callbacks of the vendors' job endpoints; mixing adds its own to the same inbox).
 */
@Factory
public class CallbackWiring {

    @Singleton
    CallbackInbox callbackInbox(VendorCallbackStore store, VendorPorts ports, RoomStore rooms, RecordingService recordings,
                                IngestService ingests, CohostService cohost, Clock clock) {
        List<CallbackHandler> handlers = new ArrayList<>(StreamCallbackHandler.forVendors(ports, rooms, clock,
                cohost::mainStreamInterrupted));
        handlers.addAll(JobCallbackHandler.forVendors(ports, recordings, ingests, cohost));
        handlers.addAll(MixCallbackHandler.forVendors(ports, cohost));
        return new CallbackInbox(store, handlers, clock);
    }
}
