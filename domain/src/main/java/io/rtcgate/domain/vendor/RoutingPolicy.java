package io.rtcgate.domain.vendor;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per capability, the vendors to prefer, best first, among the enabled vendors that offer it. A
 * capability nobody configured prefers every vendor that offers it, in {@link Vendor} order.
 */
public final class RoutingPolicy {

    private static final System.Logger LOG = System.getLogger(RoutingPolicy.class.getName());

    private final Set<Vendor> enabled;
    private final Map<Capability, List<Vendor>> preferences = new EnumMap<>(Capability.class);
    private final Map<NamedRoute, List<Vendor>> routes = new EnumMap<>(NamedRoute.class);

    private RoutingPolicy(Set<Vendor> enabled) {
        this.enabled = Set.copyOf(enabled);
    }

    /**
     * Checks the configured lists against what the vendors offer and fills in the rest. A vendor that is
     * not enabled is skipped; an enabled vendor listed for a capability it does not offer is a mistake.
     *
     * @param configured the lists from {@code rtcgate.routing.<capability>}, by capability
     * @throws IllegalArgumentException naming the setting when a list names a vendor without the capability
     */
    public static RoutingPolicy of(Map<Capability, List<Vendor>> configured, VendorPorts ports) {
        return of(configured, Map.of(), ports);
    }

    /**
     * As {@link #of(Map, VendorPorts)}, with the named routes: a route left unset prefers its default
     * vendors that are enabled; a configured one is checked like a capability's list, against the route's
     * capability.
     *
     * @param configuredRoutes the lists from {@code rtcgate.routing.<route>}, by route
     */
    public static RoutingPolicy of(Map<Capability, List<Vendor>> configured, Map<NamedRoute, List<Vendor>> configuredRoutes,
                                   VendorPorts ports) {
        RoutingPolicy policy = new RoutingPolicy(ports.vendors());
        for (NamedRoute route : NamedRoute.values()) {
            List<Vendor> listed = configuredRoutes.get(route);
            if (listed == null) {
                policy.routes.put(route, route.defaults().stream().filter(vendor -> ports.offers(vendor, route.capability())).toList());
                continue;
            }
            policy.routes.put(route, checked("rtcgate.routing." + route.configKey(), route.capability(), listed, ports));
        }
        for (Capability capability : Capability.values()) {
            List<Vendor> listed = configured.get(capability);
            if (listed == null) {
                policy.preferences.put(capability,
                        Arrays.stream(Vendor.values()).filter(vendor -> ports.offers(vendor, capability)).toList());
                continue;
            }
            policy.preferences.put(capability, checked("rtcgate.routing." + capability.configKey(), capability, listed, ports));
        }
        return policy;
    }

    private static List<Vendor> checked(String setting, Capability capability, List<Vendor> listed, VendorPorts ports) {
        for (Vendor vendor : listed) {
            if (ports.vendors().contains(vendor) && !ports.offers(vendor, capability)) {
                throw new IllegalArgumentException(setting + " names " + vendor.wireName() + ", which offers no "
                        + capability.configKey() + " (it offers " + ports.capabilities(vendor).stream()
                        .map(Capability::configKey).toList() + ")");
            }
            if (!ports.vendors().contains(vendor)) {
                LOG.log(System.Logger.Level.INFO, "{0} names {1}, which is not enabled: routing skips it",
                        setting, vendor.wireName());
            }
        }
        return listed.stream().distinct().filter(ports.vendors()::contains).toList();
    }

    /** The vendors that are enabled on this gateway. */
    public Set<Vendor> enabled() {
        return enabled;
    }

    /** The enabled vendors offering {@code capability}, best first. */
    public List<Vendor> preferenceFor(Capability capability) {
        return preferences.get(capability);
    }

    /** The enabled vendors of a named route, best first. */
    public List<Vendor> preferenceFor(NamedRoute route) {
        return routes.get(route);
    }
}
