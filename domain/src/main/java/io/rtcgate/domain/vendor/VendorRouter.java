package io.rtcgate.domain.vendor;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the vendor for a capability: the first in its preference list that the operators keep in
 * service and, for new work, whose cloud is not failing on this node.
 */
public final class VendorRouter {

    private final RoutingPolicy policy;
    private final VendorStateStore operatorStates;
    private final VendorHealth health;

    public VendorRouter(RoutingPolicy policy, VendorStateStore operatorStates, VendorHealth health) {
        this.policy = policy;
        this.operatorStates = operatorStates;
        this.health = health;
    }

    /**
     * The vendor for new work, such as a new room: only a vendor the operators keep up and whose circuit
     * is not open takes it.
     */
    public Vendor route(Capability capability) {
        return snapshot().route(capability);
    }

    /**
     * The vendor that serves existing rooms, such as signing their stream URLs on every read. A draining
     * vendor still serves them; a down one does not. Failing calls to a vendor's cloud do not stop local
     * work for rooms it already has. Empty when no vendor can.
     */
    public Optional<Vendor> serving(Capability capability) {
        return snapshot().serving(capability);
    }

    /** The enabled vendors preferred for {@code capability}, best first, whatever their state or health. */
    public List<Vendor> preferred(Capability capability) {
        return policy.preferenceFor(capability);
    }

    /** The enabled vendors of a named route, best first, whatever their state or health. */
    public List<Vendor> preferred(NamedRoute route) {
        return policy.preferenceFor(route);
    }

    /** A caller's explicit choice: it must be enabled and not taken out of service by an operator. */
    public Vendor pin(Vendor vendor, String field) {
        return snapshot().pin(vendor, field);
    }

    /** Routing on one reading of the shared operator states, for a use case that routes more than once. */
    public Snapshot snapshot() {
        return new Snapshot(operatorStates.all());
    }

    /** The router's decisions with the operator states as they were read once. */
    public final class Snapshot {

        private final Map<Vendor, OperatorState> states;

        private Snapshot(Map<Vendor, OperatorState> states) {
            this.states = states;
        }

        /** See {@link VendorRouter#route}. */
        public Vendor route(Capability capability) {
            return policy.preferenceFor(capability).stream()
                    .filter(vendor -> stateOf(vendor).acceptsNewRooms())
                    .filter(health::isAvailable)
                    .findFirst()
                    .orElseThrow(() -> new NoHealthyVendorException(capability, policy.preferenceFor(capability)));
        }

        /**
         * The vendor for new work on a named route, chosen as {@link #route(Capability)} chooses; none
         * available is a {@link NoHealthyVendorException} that names the route.
         */
        public Vendor route(NamedRoute route) {
            List<Vendor> preferred = policy.preferenceFor(route);
            return preferred.stream()
                    .filter(vendor -> stateOf(vendor).acceptsNewRooms())
                    .filter(health::isAvailable)
                    .findFirst()
                    .orElseThrow(() -> new NoHealthyVendorException("no vendor is available for " + route.purpose()
                            + ": rtcgate.routing." + route.configKey() + " has "
                            + (preferred.isEmpty() ? "no enabled vendor" : preferred.stream().map(Vendor::wireName).toList()
                                    + ", none of them up with a closed circuit")));
        }

        /** See {@link VendorRouter#serving}. */
        public Optional<Vendor> serving(Capability capability) {
            return policy.preferenceFor(capability).stream()
                    .filter(vendor -> stateOf(vendor).servesExistingRooms())
                    .findFirst();
        }

        /** See {@link VendorRouter#pin}. */
        public Vendor pin(Vendor vendor, String field) {
            if (!policy.enabled().contains(vendor)) {
                throw new InvalidInputException(field, vendor.wireName() + " is not enabled on this gateway");
            }
            OperatorState state = stateOf(vendor);
            if (!state.acceptsNewRooms()) {
                throw new ConflictException(vendor.wireName() + " is " + state.wireName() + " and takes no new rooms");
            }
            return vendor;
        }

        /**
         * The first of {@code candidates} that may take new work now, as {@link #route(Capability)} picks: kept up
         * by the operators, its circuit not open on this node.
         */
        public Optional<Vendor> firstAvailable(List<Vendor> candidates) {
            return candidates.stream()
                    .filter(vendor -> stateOf(vendor).acceptsNewRooms())
                    .filter(health::isAvailable)
                    .findFirst();
        }

        /** What the operators say of the vendor, as read once. */
        public OperatorState state(Vendor vendor) {
            return stateOf(vendor);
        }

        /** A vendor never set is up, as the store promises. */
        private OperatorState stateOf(Vendor vendor) {
            return states.getOrDefault(vendor, OperatorState.UP);
        }
    }
}
