package io.rtcgate.app.config;

import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.NamedRoute;
import io.rtcgate.domain.vendor.RoutingPolicy;
import io.rtcgate.domain.vendor.Vendor;
import io.rtcgate.domain.vendor.VendorPorts;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rtcgate.routing.<capability>}: per capability, the vendors to prefer, best first, as a
 * comma-separated list or a YAML list. {@code rtc} picks the vendor a new room is bound to;
 * {@code stream-urls} the vendor that signs push and pull URLs on every read. A capability left unset
 * prefers every enabled vendor that offers it, in the order agora, tencent, aliyun. A list naming an
 * enabled vendor without that capability stops start-up. Named routes of a capability, such as
 * {@code rtcgate.routing.aui} (the vendor of rooms AUI clients create, default aliyun), are checked the same way.
 */
@Singleton
public class RoutingProperties {

    private static final String PREFIX = "rtcgate.routing.";

    private final Environment environment;

    public RoutingProperties(Environment environment) {
        this.environment = environment;
    }

    public RoutingPolicy policy(VendorPorts ports) {
        Map<Capability, List<Vendor>> configured = new EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            configured(PREFIX + capability.configKey()).ifPresent(vendors -> configured.put(capability, vendors));
        }
        Map<NamedRoute, List<Vendor>> configuredRoutes = new EnumMap<>(NamedRoute.class);
        for (NamedRoute route : NamedRoute.values()) {
            configured(PREFIX + route.configKey()).ifPresent(vendors -> configuredRoutes.put(route, vendors));
        }
        try {
            return RoutingPolicy.of(configured, configuredRoutes, ports);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private Optional<List<Vendor>> configured(String key) {
        return environment.getProperty(key, Argument.listOf(String.class)).map(names -> {
            try {
                return names.stream().map(String::trim).filter(name -> !name.isEmpty()).map(name -> Vendor.parse(name, key)).toList();
            } catch (InvalidInputException e) {
                throw new ConfigurationException(e.getMessage());
            }
        });
    }
}
