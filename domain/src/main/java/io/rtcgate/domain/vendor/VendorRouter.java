package io.rtcgate.domain.vendor;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the vendor for a capability: the first in its preference list that is enabled, in service
 * and not failing on this node.
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

    /** The vendor for new work, such as a new room: only a vendor the operators keep up takes it. */
    public Vendor route(Capability capability) {
        return first(capability, OperatorState::acceptsNewRooms)
                .orElseThrow(() -> new NoHealthyVendorException(capability, policy.preferenceFor(capability)));
    }

    /**
     * The vendor that serves existing rooms, such as signing their stream URLs on every read. A draining
     * vendor still serves them; a down one does not. Empty when no vendor can.
     */
    public Optional<Vendor> serving(Capability capability) {
        return first(capability, OperatorState::servesExistingRooms);
    }

    /** A caller's explicit choice: it must be enabled and not taken out of service by an operator. */
    public Vendor pin(Vendor vendor, String field) {
        if (!policy.enabled().contains(vendor)) {
            throw new InvalidInputException(field, vendor.wireName() + " is not enabled on this gateway");
        }
        OperatorState state = operatorStates.all().getOrDefault(vendor, OperatorState.UP);
        if (!state.acceptsNewRooms()) {
            throw new ConflictException(vendor.wireName() + " is " + state.wireName() + " and takes no new rooms");
        }
        return vendor;
    }

    private Optional<Vendor> first(Capability capability, Predicate<OperatorState> inService) {
        Map<Vendor, OperatorState> states = operatorStates.all();
        return policy.preferenceFor(capability).stream()
                .filter(policy.enabled()::contains)
                .filter(vendor -> inService.test(states.getOrDefault(vendor, OperatorState.UP)))
                .filter(vendor -> health.isAvailable(vendor, capability))
                .findFirst();
    }

    public RoutingPolicy policy() {
        return policy;
    }
}
