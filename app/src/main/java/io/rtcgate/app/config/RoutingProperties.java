package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.vendor.Capability;
import io.rtcgate.domain.vendor.RoutingPolicy;
import io.rtcgate.domain.vendor.Vendor;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rtcgate.routing.*}: per capability, the vendors to prefer, best first. {@code rtc} picks the
 * vendor a new room is bound to; {@code stream-urls} the vendor that signs push and pull URLs on every
 * read (Aliyun is the one vendor with a signer).
 */
@ConfigurationProperties("rtcgate.routing")
public class RoutingProperties {

    private List<String> rtc = List.of("agora", "tencent", "aliyun");
    private List<String> streamUrls = List.of("aliyun");

    public List<String> getRtc() { return rtc; }
    public void setRtc(List<String> rtc) { this.rtc = rtc; }
    public List<String> getStreamUrls() { return streamUrls; }
    public void setStreamUrls(List<String> streamUrls) { this.streamUrls = streamUrls; }

    public RoutingPolicy policy(Set<Vendor> enabled) {
        Map<Capability, List<Vendor>> preferences = new EnumMap<>(Capability.class);
        preferences.put(Capability.RTC, vendors(rtc, Capability.RTC));
        preferences.put(Capability.STREAM_URLS, vendors(streamUrls, Capability.STREAM_URLS));
        return new RoutingPolicy(enabled, preferences);
    }

    private static List<Vendor> vendors(List<String> names, Capability capability) {
        try {
            return names.stream().map(name -> Vendor.parse(name.trim(), "rtcgate.routing." + capability.configKey())).toList();
        } catch (InvalidInputException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }
}
