package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.RoutingPolicy;
import io.rtcgate.domain.vendor.Vendor;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rtcgate.routing.*}: per capability, the vendors to prefer, best first. Only {@code rtc} is
 * routed so far; stream URLs are always Aliyun's, the one vendor that signs them.
 */
@ConfigurationProperties("rtcgate.routing")
public class RoutingProperties {

    private List<String> rtc = List.of("agora", "tencent", "aliyun");

    public List<String> getRtc() { return rtc; }
    public void setRtc(List<String> rtc) { this.rtc = rtc; }

    public RoutingPolicy policy(Set<Vendor> enabled) {
        Map<Capability, List<Vendor>> preferences = new EnumMap<>(Capability.class);
        preferences.put(Capability.RTC, vendors(rtc, "rtc"));
        return new RoutingPolicy(enabled, preferences);
    }

    private static List<Vendor> vendors(List<String> names, String key) {
        return names.stream().map(name -> Vendor.parse(name.trim(), "rtcgate.routing." + key)).toList();
    }
}
