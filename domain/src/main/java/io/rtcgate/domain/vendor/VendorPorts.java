package io.rtcgate.domain.vendor;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of the enabled vendors' ports, found by vendor and port type. Each adapter is registered
 * under every port interface it implements, behind the {@link PortGuard}: whatever the domain finds here
 * is guarded. A vendor offers exactly the capabilities its adapters implement.
 */
public final class VendorPorts {

    private final Map<Vendor, Map<Capability, VendorPort>> ports = new EnumMap<>(Vendor.class);

    public VendorPorts(Collection<? extends VendorPort> adapters, PortGuard guard) {
        for (VendorPort adapter : adapters) {
            boolean implementsAPort = false;
            for (Capability capability : Capability.values()) {
                if (capability.port().isInstance(adapter)) {
                    register(adapter.vendor(), capability, guard.guard(capability, adapter));
                    implementsAPort = true;
                }
            }
            if (!implementsAPort) {
                throw new IllegalArgumentException(adapter.getClass().getName() + " implements no vendor port");
            }
        }
    }

    /** The vendor's adapter for {@code port}, guarded; empty when the vendor is not enabled or does not offer it. */
    public <P extends VendorPort> Optional<P> find(Vendor vendor, Class<P> port) {
        return Optional.ofNullable(ports.getOrDefault(vendor, Map.of()).get(Capability.of(port))).map(port::cast);
    }

    /**
     * The vendor's adapter for {@code port}, guarded.
     *
     * @throws UnsupportedCapabilityException when the vendor does not offer it
     */
    public <P extends VendorPort> P require(Vendor vendor, Class<P> port) {
        return find(vendor, port).orElseThrow(() -> new UnsupportedCapabilityException(vendor, Capability.of(port)));
    }

    /** The enabled vendors: those with at least one adapter. */
    public Set<Vendor> vendors() {
        return ports.isEmpty() ? EnumSet.noneOf(Vendor.class) : EnumSet.copyOf(ports.keySet());
    }

    /** What the vendor's adapters implement; empty for a vendor that is not enabled. */
    public Set<Capability> capabilities(Vendor vendor) {
        Map<Capability, VendorPort> offered = ports.getOrDefault(vendor, Map.of());
        return offered.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(offered.keySet());
    }

    public boolean offers(Vendor vendor, Capability capability) {
        return ports.getOrDefault(vendor, Map.of()).containsKey(capability);
    }

    private void register(Vendor vendor, Capability capability, VendorPort guarded) {
        VendorPort previous = ports.computeIfAbsent(vendor, v -> new EnumMap<>(Capability.class)).putIfAbsent(capability, guarded);
        if (previous != null) {
            throw new IllegalArgumentException("two adapters of " + vendor.wireName() + " offer " + capability.configKey());
        }
    }
}
