package io.rtcgate.domain.vendor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured vendors and, per capability, the order in which to prefer them. */
public record RoutingPolicy(Set<Vendor> enabled, Map<Capability, List<Vendor>> preferences) {

    public RoutingPolicy {
        enabled = Set.copyOf(enabled);
        var copy = new EnumMap<Capability, List<Vendor>>(Capability.class);
        preferences.forEach((capability, vendors) -> copy.put(capability, List.copyOf(vendors)));
        preferences = Map.copyOf(copy);
    }

    public List<Vendor> preferenceFor(Capability capability) {
        return preferences.getOrDefault(capability, List.of());
    }
}
