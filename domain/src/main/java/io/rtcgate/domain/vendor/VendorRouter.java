package io.rtcgate.domain.vendor;

import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * Picks the vendor for new work: the first in the capability's preference list that is enabled,
 * marked up by the operators and not failing on this node.
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

    public Vendor route(Capability capability) {
        List<Vendor> preference = policy.preferenceFor(capability);
        Map<Vendor, OperatorState> states = operatorStates.all();
        return preference.stream()
                .filter(policy.enabled()::contains)
                .filter(vendor -> states.getOrDefault(vendor, OperatorState.UP).acceptsNewRooms())
                .filter(vendor -> health.isAvailable(vendor, capability))
                .findFirst()
                .orElseThrow(() -> new NoHealthyVendorException(capability, preference));
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

    public RoutingPolicy policy() {
        return policy;
    }
}
