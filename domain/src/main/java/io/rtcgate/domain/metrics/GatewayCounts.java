package io.rtcgate.domain.metrics;

import io.rtcgate.domain.room.RoomStatus;
import io.rtcgate.domain.vendor.OperatorState;
import io.rtcgate.domain.vendor.Vendor;
import java.util.Map;

/**
 * Port: what the shared database holds that operators watch, counted in one go: the rooms each vendor carries per
 * status (prepared, live, paused), the operator states, and the backlogs of outgoing webhooks and incoming vendor
 * callbacks. Each read is a few counting queries, so readers cache it rather than read it per gauge.
 */
public interface GatewayCounts {

    /** One reading. A vendor or status missing from {@code rooms} has none; a vendor missing from {@code states} is up. */
    record Counts(Map<Vendor, Map<RoomStatus, Long>> rooms, Map<Vendor, OperatorState> states, long pendingWebhookDeliveries,
                  long unprocessedCallbacks) {

        public static final Counts NONE = new Counts(Map.of(), Map.of(), 0, 0);

        public Counts {
            rooms = Map.copyOf(rooms);
            states = Map.copyOf(states);
        }

        public long rooms(Vendor vendor, RoomStatus status) {
            return rooms.getOrDefault(vendor, Map.of()).getOrDefault(status, 0L);
        }

        public OperatorState state(Vendor vendor) {
            return states.getOrDefault(vendor, OperatorState.UP);
        }
    }

    /** The rooms bound to a vendor that have not ended, by status; the operator states; pending deliveries; unprocessed callbacks. */
    Counts read();
}
